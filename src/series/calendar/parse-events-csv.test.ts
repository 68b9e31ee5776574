import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { eventId } from "./calendar-event.js";
import { parseEventsCsv } from "./parse-events-csv.js";
import { readEventsFile } from "./read-events-file.js";

const HEADER = "name,market,start,end";

describe("parseEventsCsv", () => {
  test("parseEventsCsv(text) reads one event a record, market * for all, an empty end for one day", () => {
    const text = [
      HEADER,
      "Diwali,IN,2026-11-08,2026-11-08",
      "Super Bowl LX,us,2026-02-08,",
      "",
      '"Summer Sale, EU",*,2026-07-01,2026-07-14',
    ].join("\r\n");
    expect(parseEventsCsv(text)).toEqual([
      { id: "diwali", name: "Diwali", market: "IN", start: "2026-11-08", end: "2026-11-08" },
      { id: "super_bowl_lx", name: "Super Bowl LX", market: "US", start: "2026-02-08", end: "2026-02-08" },
      { id: "summer_sale_eu", name: "Summer Sale, EU", market: "*", start: "2026-07-01", end: "2026-07-14" },
    ]);
  });

  test("the columns may come in any order, extra columns are ignored, and markets without a built-in calendar are allowed", () => {
    const text = "start,end,Market,note,Name\n2026-11-11,2026-11-11,PL,,Independence Day\n";
    expect(parseEventsCsv(text)).toEqual([
      {
        id: "independence_day",
        name: "Independence Day",
        market: "PL",
        start: "2026-11-11",
        end: "2026-11-11",
      },
    ]);
  });

  test("a bad record is an error naming the file, the line and the field", () => {
    const bad = (row: string) => () =>
      parseEventsCsv(`${HEADER}\nok,US,2026-01-01,2026-01-01\n${row}\n`, "ev.csv");
    expect(bad("Diwali,IN,2026-02-30,2026-03-01")).toThrow(
      'ev.csv:3: start: "2026-02-30" is not a date (YYYY-MM-DD)',
    );
    expect(bad("Diwali,IN,2026-03-01,03/02/2026")).toThrow(
      'ev.csv:3: end: "03/02/2026" is not a date (YYYY-MM-DD)',
    );
    expect(bad("Diwali,IN,2026-03-02,2026-03-01")).toThrow(
      "ev.csv:3: end: 2026-03-01 is before start 2026-03-02",
    );
    expect(bad("Diwali,India,2026-03-01,2026-03-01")).toThrow(
      'ev.csv:3: market: "India" is not * or a two-letter ISO 3166-1 code',
    );
    expect(bad("---,IN,2026-03-01,2026-03-01")).toThrow('ev.csv:3: name: "---" has no letters or digits');
    expect(bad("Diwali,IN,2026-03-01")).toThrow("ev.csv:3: expected 4 fields, got 3");
    expect(bad('"Diwali,IN,2026-03-01,2026-03-01')).toThrow("ev.csv:3: unterminated quoted field");
    expect(() => parseEventsCsv("name,market,start\n", "ev.csv")).toThrow(
      'ev.csv:1: the header has no "end" column (expected name,market,start,end)',
    );
    expect(() => parseEventsCsv("\n\n", "ev.csv")).toThrow("ev.csv: empty file");
  });

  test("eventId(name) turns a name into a snake_case id", () => {
    expect(eventId("Super Bowl LX")).toBe("super_bowl_lx");
    expect(eventId("  Diwali (Deepavali) ")).toBe("diwali_deepavali");
    expect(eventId("Fête de la Musique")).toBe("fête_de_la_musique");
  });
});

describe("readEventsFile", () => {
  test("readEventsFile(path) parses the file and names it in errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "avails-events-"));
    const path = join(dir, "events.csv");
    writeFileSync(path, `${HEADER}\nDiwali,IN,2026-11-08,2026-11-09\n`);
    expect(await readEventsFile(path)).toEqual([
      { id: "diwali", name: "Diwali", market: "IN", start: "2026-11-08", end: "2026-11-09" },
    ]);
    writeFileSync(path, `${HEADER}\nDiwali,IN,2026-11-08,2026-11-31\n`);
    await expect(readEventsFile(path)).rejects.toThrow(`${path}:2: end: "2026-11-31" is not a date`);
    await expect(readEventsFile(join(dir, "missing.csv"))).rejects.toThrow("no such file");
    await expect(readEventsFile(dir)).rejects.toThrow("it is a folder");
  });
});
