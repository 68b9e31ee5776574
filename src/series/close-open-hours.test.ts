import { describe, expect, it } from "vitest";
import type { ArrivalCompleteness } from "./arrival-completeness.js";
import { closeOpenHours } from "./close-open-hours.js";
import type { DenseSeries } from "./dense-series.js";

const HOUR = 3_600_000;

/** Completeness by age read off a table of whole hours: age 0-1 -> shares[0], ... */
function table(shares: number[]): ArrivalCompleteness {
  return {
    informative: true,
    medianDelayHours: 1,
    shareAt: (age) => shares[Math.min(shares.length - 1, Math.floor(age))] ?? 1,
  };
}

function dense(rows: number[][]): DenseSeries {
  const width = rows[0].length;
  return {
    keys: rows.map((_, i) => `k${i}`),
    periods: Array.from({ length: width }, (_, t) => `p${t}`),
    values: Float64Array.from(rows.flat()),
  };
}

describe("closeOpenHours(series, start, now, completeness)", () => {
  it("keeps closed hours, scales open ones up by their completeness and cuts the least complete", () => {
    const start = 0;
    // 6 hours; now is half past the start of the last one: ages 5.5, 4.5, ... 0.5 hours.
    const now = 5.5 * HOUR;
    const completeness = table([0.3, 0.6, 0.8, 1]);
    const { series, corrected, dropped } = closeOpenHours(
      dense([
        [10, 10, 10, 8, 6, 3],
        [20, 20, 20, 16, 12, 6],
      ]),
      start,
      now,
      completeness,
    );
    expect(dropped).toBe(1);
    expect(corrected).toBe(2);
    expect(series.periods).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    expect([...series.values]).toEqual([10, 10, 10, 10, 10, 20, 20, 20, 20, 20]);
  });

  it("changes nothing when every hour is closed", () => {
    const input = dense([[1, 2, 3]]);
    const out = closeOpenHours(input, 0, 100 * HOUR, table([0.2, 1]));
    expect([...out.series.values]).toEqual([1, 2, 3]);
    expect(out.corrected + out.dropped).toBe(0);
  });

  it("rejects thresholds out of order, naming them", () => {
    expect(() =>
      closeOpenHours(dense([[1]]), 0, HOUR, table([1]), { minShare: 0.9, closedShare: 0.5 }),
    ).toThrow(/minShare and closedShare/);
  });
});
