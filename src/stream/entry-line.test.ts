import { describe, expect, it } from "vitest";
import { entryLine } from "./entry-line.js";
import { streamIdTime } from "./stream-id-time.js";

describe("entryLine", () => {
  it("entryLine reads the event field as JSON and stamps ingestion_time with the XADD time", () => {
    const line = entryLine(
      ["source", "ad-server", "event", '{"event_id":"e1","count":2}'],
      1_700_000_000_000,
    );
    expect(JSON.parse(line)).toEqual({ event_id: "e1", count: 2, ingestion_time: 1_700_000_000_000 });
  });

  it("entryLine keeps an ingestion_time the event has", () => {
    const line = entryLine(["event", '{"event_id":"e1","ingestion_time":"2026-10-01T00:00:00Z"}'], 5);
    expect(JSON.parse(line).ingestion_time).toBe("2026-10-01T00:00:00Z");
  });

  it("entryLine reads an entry without an event field as the event's fields", () => {
    const line = entryLine(["event_id", "e2", "event_type", "opportunity", "count", "3"], 7);
    expect(JSON.parse(line)).toEqual({
      event_id: "e2",
      event_type: "opportunity",
      count: "3",
      ingestion_time: 7,
    });
  });

  it("entryLine keeps text that is not a JSON object on one line, for quarantine", () => {
    expect(entryLine(["event", "{broken\nrow"], 1)).toBe("{broken row");
    expect(entryLine(["event", "[1,2]"], 1)).toBe("[1,2]");
    expect(entryLine(["event", "null"], 1)).toBe("null");
  });
});

describe("streamIdTime", () => {
  it("streamIdTime is the milliseconds part of a stream id", () => {
    expect(streamIdTime("1700000000000-3")).toBe(1_700_000_000_000);
    expect(streamIdTime("1700000000000")).toBe(1_700_000_000_000);
    expect(streamIdTime("abc-1")).toBeNaN();
  });
});
