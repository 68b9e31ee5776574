import { describe, expect, test } from "vitest";
import { empiricalIntervals } from "./empirical-intervals.js";

describe("empiricalIntervals(y, fitted, mean, levels)", () => {
  test("adds the interpolated quantiles of the one-step errors to the mean, NaN fitted values skipped", () => {
    // Errors -2, -1, 0, 1, 2, 3, 4, 5, 6 (9 of them): the 10% quantile is -1.2, the 90% one 5.2.
    const y = Float64Array.of(9, -2, -1, 0, 1, 2, 3, 4, 5, 6).map((e, t) => (t === 0 ? e : 10 + e));
    const fitted = new Float64Array(10).fill(10);
    fitted[0] = Number.NaN;
    const { lower, upper } = empiricalIntervals(y, fitted, Float64Array.of(3, 3), [80]);
    expect(lower[0][0]).toBeCloseTo(1.8, 12);
    expect(upper[0][1]).toBeCloseTo(8.2, 12);
  });

  test("keeps each bound on its side of the mean and the lower bound at or above 0", () => {
    // A sparse series: mostly the small negative errors of zeros, so both central quantiles are negative.
    const y = Float64Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 8);
    const fitted = new Float64Array(10).fill(0.5);
    const { lower, upper } = empiricalIntervals(y, fitted, Float64Array.of(0.5), [50, 95]);
    expect(lower[0][0]).toBe(0);
    expect(upper[0][0]).toBe(0.5);
    expect(lower[1][0]).toBe(0);
    expect(upper[1][0]).toBeGreaterThan(0.5);
  });

  test("without one-step errors, uses the deviations of the observations from the forecast", () => {
    const y = Float64Array.of(0, 0, 0, 4);
    const { lower, upper } = empiricalIntervals(
      y,
      new Float64Array(4).fill(Number.NaN),
      Float64Array.of(1),
      [50],
    );
    // Deviations -1, -1, -1, 3: quartiles -1 and 0.
    expect(lower[0][0]).toBe(0);
    expect(upper[0][0]).toBe(1);
    const single = empiricalIntervals(
      Float64Array.of(2),
      Float64Array.of(Number.NaN),
      Float64Array.of(2),
      [80],
    );
    expect([single.lower[0][0], single.upper[0][0]]).toEqual([2, 2]);
  });
});
