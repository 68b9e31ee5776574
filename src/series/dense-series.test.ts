import { describe, expect, it } from "vitest";
import { cubeSlice } from "../../test/cube-slice.js";
import { denseSeries } from "./dense-series.js";
import { zonedDayStart } from "./zoned-time.js";

const HOUR = 3_600_000;

/** A cube slice from [keyIndex, hour, value] cells. */
const slice = cubeSlice;

describe("denseSeries hourly", () => {
  it("denseSeries(slice, hourly) zero-fills every hour of [start, end) for every key", () => {
    const start = Date.UTC(2026, 10, 25);
    const cube = slice(
      ["SE", "NO"],
      [
        [0, start, 5],
        [1, start + 2 * HOUR, 7],
        [0, start + 3 * HOUR, 1.5],
      ],
    );
    const dense = denseSeries(cube, { freq: "hourly", start, end: start + 4 * HOUR, timeZone: "UTC" });
    expect(dense.keys).toEqual(["SE", "NO"]);
    expect(dense.periods).toEqual([
      "2026-11-25 00:00:00",
      "2026-11-25 01:00:00",
      "2026-11-25 02:00:00",
      "2026-11-25 03:00:00",
    ]);
    expect(Array.from(dense.values)).toEqual([5, 0, 0, 1.5, 0, 0, 7, 0]);
  });

  it("denseSeries(slice, hourly) ignores cells before start, at or after end, and with a negative key index", () => {
    const start = Date.UTC(2026, 10, 25, 10);
    const end = start + 2 * HOUR;
    const cube = slice(
      ["SE"],
      [
        [0, start - HOUR, 100],
        [0, start, 1],
        [-1, start + HOUR, 100],
        [0, start + HOUR, 2],
        [0, end, 100],
        [0, end + 5 * HOUR, 100],
      ],
    );
    const dense = denseSeries(cube, { freq: "hourly", start, end, timeZone: "UTC" });
    expect(dense.periods).toEqual(["2026-11-25 10:00:00", "2026-11-25 11:00:00"]);
    expect(Array.from(dense.values)).toEqual([1, 2]);
  });

  it("denseSeries(slice, hourly) labels hours in UTC whatever the time zone", () => {
    const start = Date.UTC(2026, 10, 25, 23);
    const dense = denseSeries(slice(["x"], []), {
      freq: "hourly",
      start,
      end: start + 2 * HOUR,
      timeZone: "Asia/Kolkata",
    });
    expect(dense.periods).toEqual(["2026-11-25 23:00:00", "2026-11-26 00:00:00"]);
    expect(Array.from(dense.values)).toEqual([0, 0]);
  });

  it("denseSeries(slice, hourly) of a slice without keys has periods and no values", () => {
    const start = Date.UTC(2026, 10, 25);
    const dense = denseSeries(slice([], []), {
      freq: "hourly",
      start,
      end: start + 3 * HOUR,
      timeZone: "UTC",
    });
    expect(dense.keys).toEqual([]);
    expect(dense.periods.length).toBe(3);
    expect(dense.values.length).toBe(0);
  });
});

describe("denseSeries daily", () => {
  it("denseSeries(slice, daily) sums hours by local day in a non-UTC zone (Europe/Stockholm)", () => {
    const zone = "Europe/Stockholm";
    const start = zonedDayStart("2026-11-24", zone);
    const end = zonedDayStart("2026-11-27", zone);
    const cube = slice(
      ["SE", "NO"],
      [
        [0, Date.UTC(2026, 10, 23, 23), 3], // 00:00 on 24 Nov in Stockholm
        [0, Date.UTC(2026, 10, 24, 22), 4], // 23:00 on 24 Nov in Stockholm
        [0, Date.UTC(2026, 10, 24, 23), 5], // 00:00 on 25 Nov in Stockholm
        [1, Date.UTC(2026, 10, 26, 22), 6], // 23:00 on 26 Nov in Stockholm
        [1, Date.UTC(2026, 10, 23, 22), 100], // 23:00 on 23 Nov: before start
        [1, Date.UTC(2026, 10, 26, 23), 100], // 00:00 on 27 Nov: at end
      ],
    );
    const dense = denseSeries(cube, { freq: "daily", start, end, timeZone: zone });
    expect(dense.periods).toEqual(["2026-11-24", "2026-11-25", "2026-11-26"]);
    expect(Array.from(dense.values)).toEqual([7, 5, 0, 0, 0, 6]);
  });

  it("denseSeries(slice, daily) sums 23 and 25 hours into the Stockholm days when DST starts and ends", () => {
    const zone = "Europe/Stockholm";
    for (const [first, last, sums] of [
      ["2026-03-28", "2026-03-31", [24, 23, 24]],
      ["2026-10-24", "2026-10-27", [24, 25, 24]],
    ] as const) {
      const start = zonedDayStart(first, zone);
      const end = zonedDayStart(last, zone);
      const cells: Array<[number, number, number]> = [];
      for (let t = start; t < end; t += HOUR) cells.push([0, t, 1]);
      const dense = denseSeries(slice(["all"], cells), { freq: "daily", start, end, timeZone: zone });
      expect(dense.periods.length, first).toBe(3);
      expect(Array.from(dense.values), first).toEqual(sums);
    }
  });

  it("denseSeries(slice, daily) sums by New York day across the fall-back change", () => {
    const zone = "America/New_York";
    const start = zonedDayStart("2026-10-31", zone);
    const end = zonedDayStart("2026-11-03", zone);
    const cells: Array<[number, number, number]> = [];
    for (let t = start; t < end; t += HOUR) cells.push([0, t, 2]);
    const dense = denseSeries(slice(["us"], cells), { freq: "daily", start, end, timeZone: zone });
    expect(dense.periods).toEqual(["2026-10-31", "2026-11-01", "2026-11-02"]);
    expect(Array.from(dense.values)).toEqual([48, 50, 48]);
  });

  it("denseSeries(slice, daily) sums by Kolkata day, which starts at 18:30 UTC", () => {
    const zone = "Asia/Kolkata";
    const start = zonedDayStart("2026-01-01", zone);
    const end = zonedDayStart("2026-01-03", zone);
    const cube = slice(
      ["in"],
      [
        [0, Date.UTC(2026, 0, 1, 18), 1], // 23:30 on 1 Jan
        [0, Date.UTC(2026, 0, 1, 18, 30), 10], // 00:00 on 2 Jan
      ],
    );
    const dense = denseSeries(cube, { freq: "daily", start, end, timeZone: zone });
    expect(dense.periods).toEqual(["2026-01-01", "2026-01-02"]);
    expect(Array.from(dense.values)).toEqual([1, 10]);
  });

  it("denseSeries(slice, daily) with a start inside a day labels that day and ignores its hours before start", () => {
    const start = Date.UTC(2026, 0, 1, 12);
    const end = Date.UTC(2026, 0, 3);
    const cube = slice(
      ["k"],
      [
        [0, Date.UTC(2026, 0, 1, 6), 100],
        [0, Date.UTC(2026, 0, 1, 13), 1],
        [0, Date.UTC(2026, 0, 2, 23), 2],
      ],
    );
    const dense = denseSeries(cube, { freq: "daily", start, end, timeZone: "UTC" });
    expect(dense.periods).toEqual(["2026-01-01", "2026-01-02"]);
    expect(Array.from(dense.values)).toEqual([1, 2]);
  });
});
