import { describe, expect, it } from "vitest";
import { dayBuckets, periodBounds } from "./period-bounds.js";

const grid = { start: Date.UTC(2026, 10, 30), hours: 35 * 24 };

describe("periodBounds(grid, start, end, granularity, timeZone)", () => {
  it("cuts inclusive days by day, hour and Monday-to-Sunday week", () => {
    expect(Array.from(periodBounds(grid, "2026-12-01", "2026-12-03", "day", "UTC"))).toEqual([
      24, 48, 72, 96,
    ]);
    expect(periodBounds(grid, "2026-12-01", "2026-12-01", "hour", "UTC")).toHaveLength(25);
    // 2026-12-01 is a Tuesday: the first week is cut at Monday 2026-12-07, the second at 2026-12-14.
    expect(Array.from(periodBounds(grid, "2026-12-01", "2026-12-15", "week", "UTC"))).toEqual([
      24, 168, 336, 384,
    ]);
  });

  it("reads days in the reporting time zone, a 25-hour day at the end of daylight saving included", () => {
    const oct = { start: Date.UTC(2026, 9, 20), hours: 20 * 24 };
    // Stockholm: 2026-10-25 has 25 hours; midnight of the 24th is 22:00 UTC on the 23rd.
    const bounds = Array.from(periodBounds(oct, "2026-10-24", "2026-10-26", "day", "Europe/Stockholm"));
    expect(bounds.slice(1).map((b, i) => b - bounds[i])).toEqual([24, 25, 24]);
    expect(bounds[0]).toBe(3 * 24 + 22);
  });

  it("names the parameter that is wrong or outside the forecast", () => {
    expect(() => periodBounds(grid, "2026-12-32", "2026-12-02", "day", "UTC")).toThrow(
      'start: "2026-12-32" is not a date',
    );
    expect(() => periodBounds(grid, "2026-12-02", "2026-12-01", "day", "UTC")).toThrow(
      "end: 2026-12-01 is before the start",
    );
    expect(() => periodBounds(grid, "2026-11-29", "2026-12-01", "day", "UTC")).toThrow(
      "start: 2026-11-29 begins before the forecast",
    );
    expect(() => periodBounds(grid, "2026-12-01", "2027-01-04", "day", "UTC")).toThrow(
      "end: 2027-01-04 runs past the forecast",
    );
    expect(() => periodBounds(grid, "2026-12-01", "2026-12-02", "month" as "day", "UTC")).toThrow(
      "granularity: ",
    );
  });
});

describe("dayBuckets(grid, timeZone)", () => {
  it("puts a boundary at every local midnight inside the grid", () => {
    expect(Array.from(dayBuckets({ start: Date.UTC(2026, 11, 1, 12), hours: 48 }, "UTC"))).toEqual([
      0, 12, 36, 48,
    ]);
    expect(Array.from(dayBuckets({ start: Date.UTC(2026, 11, 1), hours: 48 }, "Europe/Stockholm"))).toEqual([
      0, 23, 47, 48,
    ]);
  });
});
