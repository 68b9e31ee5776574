import { describe, expect, it } from "vitest";
import { accuracyReport } from "./accuracy-report.js";
import { scoredRows } from "./test-rows.js";

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);

describe("accuracyReport(rows, levels, timeZone)", () => {
  it("computes WAPE, MAPE, MASE, bias and coverage of a level and horizon by hand", () => {
    const rows = scoredRows([
      { hour: T0, mean: 110, actual: 100, lo80: 90, hi80: 120, lo95: 80, hi95: 130, scale: 20 },
      { hour: T0 + H, mean: 90, actual: 100, lo80: 95, hi80: 105, lo95: 85, hi95: 115, scale: 20 },
      { hour: T0 + 2 * H, mean: 50, actual: 0, lo80: 10, hi80: 60, lo95: 0, hi95: 70, scale: 20 },
    ]);
    const [cell] = accuracyReport(rows, ["total"], "UTC").cells;
    expect(cell.level).toBe("total");
    expect(cell.horizon).toBe("hours 1-24");
    expect(cell.points).toBe(3);
    expect(cell.actual).toBe(200);
    // |10| + |10| + |50| over 200
    expect(cell.wape).toBeCloseTo(70 / 200, 12);
    // zero actual left out of the MAPE: (0.1 + 0.1) / 2
    expect(cell.mape).toBeCloseTo(0.1, 12);
    expect(cell.mase).toBeCloseTo((10 + 10 + 50) / 20 / 3, 12);
    expect(cell.bias).toBeCloseTo((10 - 10 + 50) / 200, 12);
    // 100 in [90, 120]; 100 outside [95, 105]? no, inside; 0 outside [10, 60]
    expect(cell.coverage80).toBeCloseTo(2 / 3, 12);
    expect(cell.coverage95).toBeCloseTo(1, 12);
  });

  it("gives each cell's coverage a standard error with the reporting days as clusters", () => {
    // Day 1: two hours, both inside the 80% band; day 2: two hours, both outside it; every hour inside the 95% one.
    const inside = { lo80: 90, hi80: 110, lo95: 0, hi95: 200 };
    const outside = { lo80: 150, hi80: 160, lo95: 0, hi95: 200 };
    const rows = scoredRows([
      { hour: T0, mean: 100, actual: 100, ...inside },
      { hour: T0 + H, mean: 100, actual: 100, ...inside },
      { hour: T0 + 24 * H, mean: 100, actual: 100, ...outside },
      { hour: T0 + 25 * H, mean: 100, actual: 100, ...outside },
    ]);
    const [cell] = accuracyReport(rows, ["total"], "UTC").cells;
    expect(cell.coverage80).toBe(0.5);
    // p = 0.5; sqrt(2 * ((2 - 1)^2 + (0 - 1)^2)) / 4 = 0.5.
    expect(cell.coverage80StandardError).toBeCloseTo(0.5, 12);
    expect(cell.coverage95StandardError).toBe(0);
    // One day alone has no spread to measure.
    const [single] = accuracyReport(scoredRows([{ hour: T0, mean: 1, actual: 1 }]), ["total"], "UTC").cells;
    expect(single.coverage80StandardError).toBeNaN();
  });

  it("splits by horizon bucket and level, in the levels' order, and leaves out rows of no bucket", () => {
    const rows = scoredRows([
      { level: "geo", key: "geo=SE", hour: T0, mean: 1, actual: 1 },
      { level: "total", hour: T0, mean: 2, actual: 2 },
      { level: "total", hour: T0, hours: 24, step: 24, mean: 48, actual: 50 },
      { level: "total", hour: T0, hours: 24, step: 240, mean: 40, actual: 50 },
      { level: "total", hour: T0, hours: 1, step: 30, mean: 1, actual: 9 },
    ]);
    const report = accuracyReport(rows, ["total", "geo"], "UTC");
    expect(report.cells.map((c) => `${c.level} ${c.horizon} ${c.points}`)).toEqual([
      "total hours 1-24 1",
      "total days 2-7 1",
      "total days 8+ 1",
      "geo hours 1-24 1",
    ]);
    expect(report.cells[2].bias).toBeCloseTo(-0.2, 12);
  });

  it("reports each reporting day of the time zone, and NaN figures where nothing can be divided", () => {
    // 23:00 UTC on Nov 1 is Nov 2 in Stockholm (UTC+1).
    const rows = scoredRows([
      { hour: T0 + 22 * H, mean: 5, actual: 0 },
      { hour: T0 + 23 * H, mean: 5, actual: 0 },
    ]);
    const days = accuracyReport(rows, ["total"], "Europe/Stockholm").days;
    expect(days.map((d) => d.day)).toEqual(["2026-11-01", "2026-11-02"]);
    expect(days[0].wape).toBeNaN();
    expect(days[0].mape).toBeNaN();
    expect(days[0].mase).toBeNaN();
    expect(days[0].coverage80).toBe(1);
  });

  it("rolling MAPE averages each series' 7-day MAPE of daily totals, skipping days with zero actuals", () => {
    const rows = scoredRows([
      // geo=SE: day 1 totals 100 vs 110 (10%), day 2 zero actual (skipped)
      { level: "geo", key: "geo=SE", hour: T0, mean: 60, actual: 50 },
      { level: "geo", key: "geo=SE", hour: T0 + H, mean: 50, actual: 50 },
      { level: "geo", key: "geo=SE", hour: T0 + 24 * H, mean: 5, actual: 0 },
      // geo=NO: day 2 totals 100 vs 70 (30%)
      { level: "geo", key: "geo=NO", hour: T0 + 24 * H, mean: 70, actual: 100 },
    ]);
    const [rolling] = accuracyReport(rows, ["geo"], "UTC").rollingMape;
    expect(rolling.level).toBe("geo");
    expect(rolling.series).toBe(2);
    expect(rolling.mape).toBeCloseTo((0.1 + 0.3) / 2, 12);
  });

  it("gives empty lists for no rows", () => {
    expect(accuracyReport(scoredRows([]), ["total"], "UTC")).toEqual({
      cells: [],
      days: [],
      rollingMape: [],
    });
  });
});
