import { describe, expect, it } from "vitest";
import { flightWindow, localMidnights } from "./flight-window.js";

describe("localMidnights(from, to, timeZone)", () => {
  it("lists the local day starts within the span as hour offsets", () => {
    const from = Date.UTC(2026, 9, 1);
    expect(localMidnights(from, from + 48 * 3_600_000, "UTC")).toEqual([0, 24, 48]);
    // Tokyo midnight is 15:00 UTC.
    expect(localMidnights(from, from + 48 * 3_600_000, "Asia/Tokyo")).toEqual([15, 39]);
  });

  it("rounds a half-hour zone's midnight up to the next whole hour", () => {
    // Kolkata (UTC+05:30) midnight is 18:30 UTC.
    expect(localMidnights(Date.UTC(2026, 9, 1), Date.UTC(2026, 9, 2), "Asia/Kolkata")).toEqual([19]);
  });
});

describe("flightWindow(stretchStart, start, end, timeZone)", () => {
  it("keeps the hours and gives each its local flight day", () => {
    const w = flightWindow(Date.UTC(2026, 9, 1), 24, 72, "UTC");
    expect([w.start, w.end, w.day.length, w.day[0], w.day[47]]).toEqual([24, 72, 48, 0, 1]);
  });
});
