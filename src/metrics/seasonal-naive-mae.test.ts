import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { seasonalNaiveMae } from "./seasonal-naive-mae.js";

// Magnitudes below 1e-6 become 0 so that scaling never runs into subnormal numbers.
const value = fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((x) => (Math.abs(x) < 1e-6 ? 0 : x));

describe("seasonalNaiveMae(insample, seasonPeriod)", () => {
  test("averages |y[t] - y[t - seasonPeriod]| over the series", () => {
    expect(seasonalNaiveMae([1, 2, 3, 5, 4, 7], 2)).toBe(2);
    expect(seasonalNaiveMae(new Float64Array([1, 3, 6]), 1)).toBe(2.5);
  });

  test("skips differences with NaN on either side", () => {
    expect(seasonalNaiveMae([1, Number.NaN, 4, 6, 8], 2)).toBe(3.5);
  });

  test("is 0 for a series that repeats every season and NaN for one no longer than a season", () => {
    expect(seasonalNaiveMae([5, 5, 5, 5], 1)).toBe(0);
    expect(seasonalNaiveMae([1, 2, 1, 2, 1], 2)).toBe(0);
    expect(seasonalNaiveMae([1, 2, 3], 3)).toBeNaN();
    expect(seasonalNaiveMae([], 1)).toBeNaN();
  });

  test("throws naming seasonPeriod unless it is a whole number >= 1", () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => seasonalNaiveMae([1, 2, 3], bad)).toThrow(
        `seasonalNaiveMae: seasonPeriod must be a whole number >= 1, got ${bad}`,
      );
    }
  });

  test("scales with the series and ignores a constant shift", () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 2, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (insample, period, shift, factor) => {
          const base = seasonalNaiveMae(insample, period);
          const shifted = seasonalNaiveMae(
            insample.map((y) => y + shift),
            period,
          );
          const scaled = seasonalNaiveMae(
            insample.map((y) => factor * y),
            period,
          );
          if (Number.isNaN(base)) {
            expect(insample.length).toBeLessThanOrEqual(period);
            return;
          }
          expect(shifted).toBeCloseTo(base, 6);
          expect(scaled).toBeCloseTo(factor * base, 6);
        },
      ),
    );
  });
});
