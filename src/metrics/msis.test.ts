import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { intervalScore } from "./interval-score.js";
import { msis } from "./msis.js";
import { seasonalNaiveMae } from "./seasonal-naive-mae.js";

// Magnitudes below 1e-6 become 0 so that scaling never runs into subnormal numbers.
const value = fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((x) => (Math.abs(x) < 1e-6 ? 0 : x));
const points = fc.array(
  fc.tuple(value, value, value).map(([y, a, b]) => [y, Math.min(a, b), Math.max(a, b)] as const),
  { minLength: 1, maxLength: 20 },
);
const insample = fc.array(value, { minLength: 13, maxLength: 60 });

describe("msis(actual, lower, upper, level, insample, seasonPeriod)", () => {
  test("divides the interval score by the in-sample seasonal naive MAE", () => {
    // interval score (4 + 14) / 2 = 9; in-sample |3-1|, |5-2|, |4-3|, |7-5| average 2
    expect(msis([5, 9], [3, 4], [7, 8], 80, [1, 2, 3, 5, 4, 7], 2)).toBe(4.5);
    // 95%: below by 1 costs 40, width 2; naive scale (2 + 3) / 2 = 2.5
    expect(
      msis(new Float64Array([0]), new Float64Array([1]), new Float64Array([3]), 95, [1, 3, 6], 1),
    ).toBeCloseTo(42 / 2.5, 12);
  });

  test("skips NaN points out of sample and NaN differences in sample", () => {
    expect(msis([5, Number.NaN, 9], [3, 0, 4], [7, 1, 8], 80, [1, 2, 3, 5, 4, 7, Number.NaN], 2)).toBe(4.5);
  });

  test("returns NaN when the in-sample scale is 0 or undefined, or the horizon is empty", () => {
    expect(msis([5], [3], [7], 80, [2, 2, 2], 1)).toBeNaN();
    expect(msis([5], [3], [7], 80, [1, 2], 2)).toBeNaN();
    expect(msis([], [], [], 80, [1, 2, 3], 1)).toBeNaN();
  });

  test("throws naming the parameter that is wrong", () => {
    expect(() => msis([5, 6], [3], [7, 7], 80, [1, 2, 3], 1)).toThrow(
      "msis: actual has 2 values but lower has 1",
    );
    expect(() => msis([5], [3], [7, 7], 80, [1, 2, 3], 1)).toThrow(
      "msis: actual has 1 values but upper has 2",
    );
    expect(() => msis([5], [3], [7], 0, [1, 2, 3], 1)).toThrow(
      "msis: level must be a percentage strictly between 0 and 100, got 0",
    );
    expect(() => msis([5], [8], [7], 80, [1, 2, 3], 1)).toThrow("msis: lower[0] = 8 is above upper[0] = 7");
    expect(() => msis([5], [3], [7], 80, [1, 2, 3], 0)).toThrow(
      "msis: seasonPeriod must be a whole number >= 1, got 0",
    );
  });

  test("is the interval score over the seasonal naive MAE, unchanged when everything is scaled", () => {
    fc.assert(
      fc.property(
        points,
        insample,
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 1, max: 99, noNaN: true }),
        // Powers of two scale exactly, so rounding cannot blur the comparison (the scale may be tiny).
        fc.integer({ min: -20, max: 20 }).map((power) => 2 ** power),
        (given, history, period, percent, factor) => {
          const actual = given.map((p) => p[0]);
          const lower = given.map((p) => p[1]);
          const upper = given.map((p) => p[2]);
          const scale = seasonalNaiveMae(history, period);
          const score = msis(actual, lower, upper, percent, history, period);
          if (!(scale > 0)) {
            expect(score).toBeNaN();
            return;
          }
          expect(score).toBe(intervalScore(actual, lower, upper, percent) / scale);
          const times = (xs: number[]) => xs.map((x) => factor * x);
          const scaled = msis(times(actual), times(lower), times(upper), percent, times(history), period);
          expect(scaled).toBe(score);
        },
      ),
    );
  });
});
