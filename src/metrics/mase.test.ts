import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mase } from "./mase.js";

// Magnitudes below 1e-6 become 0 so that scaling never runs into subnormal numbers.
const value = fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((x) => (Math.abs(x) < 1e-6 ? 0 : x));
const insampleAndPeriod = fc
  .integer({ min: 1, max: 12 })
  .chain((period) =>
    fc.tuple(fc.array(value, { minLength: period + 1, maxLength: 80 }), fc.constant(period)),
  );

describe("mase(actual, predicted, insample, seasonPeriod)", () => {
  test("divides the out-of-sample MAE by the in-sample seasonal naive MAE", () => {
    // out-of-sample MAE (1 + 3) / 2 = 2; in-sample |3-1|, |5-2|, |4-3|, |7-5| average 2
    expect(mase([8, 10], [9, 7], [1, 2, 3, 5, 4, 7], 2)).toBe(1);
    // naive scale (2 + 3) / 2 = 2.5; out-of-sample MAE 5
    expect(mase(new Float64Array([10]), new Float64Array([5]), new Float64Array([1, 3, 6]), 1)).toBe(2);
  });

  test("is 0 for a perfect forecast", () => {
    expect(mase([8, 10], [8, 10], [1, 2, 3, 5, 4, 7], 2)).toBe(0);
  });

  test("skips NaN pairs out of sample and NaN differences in sample", () => {
    expect(mase([8, Number.NaN, 10], [9, 1, 7], [1, 2, 3, 5, 4, 7, Number.NaN], 2)).toBe(1);
  });

  test("returns NaN when the in-sample series repeats every season, so the scale is 0", () => {
    expect(mase([3, 4], [1, 1], [5, 5, 5, 5], 1)).toBeNaN();
    expect(mase([3, 4], [3, 4], [1, 2, 1, 2], 2)).toBeNaN();
  });

  test("returns NaN when the in-sample series is no longer than a season, or the horizon is empty", () => {
    expect(mase([3], [1], [1, 2], 2)).toBeNaN();
    expect(mase([], [], [1, 2, 3], 1)).toBeNaN();
  });

  test("throws naming the parameter that is wrong", () => {
    expect(() => mase([1, 2], [1], [1, 2, 3], 1)).toThrow("mase: actual has 2 values but predicted has 1");
    expect(() => mase([1], [1], [1, 2, 3], 0)).toThrow(
      "mase: seasonPeriod must be a whole number >= 1, got 0",
    );
    expect(() => mase([1], [1], [1, 2, 3], 2.5)).toThrow("seasonPeriod");
  });

  test("is 1 for the seasonal naive forecast of the in-sample series itself", () => {
    fc.assert(
      fc.property(insampleAndPeriod, ([insample, period]) => {
        const actual = insample.slice(period);
        const naive = insample.slice(0, insample.length - period);
        const scaled = mase(actual, naive, insample, period);
        if (actual.every((y, i) => y === naive[i])) expect(scaled).toBeNaN();
        else expect(scaled).toBeCloseTo(1, 12);
      }),
    );
  });

  test("does not change when all three series are scaled by the same power of two", () => {
    fc.assert(
      fc.property(
        insampleAndPeriod,
        fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 20 }),
        // Powers of two scale exactly, so rounding cannot blur the comparison (the scale may be tiny).
        fc.integer({ min: -20, max: 20 }).map((power) => 2 ** power),
        ([insample, period], horizon, factor) => {
          const actual = horizon.map((p) => p[0]);
          const predicted = horizon.map((p) => p[1]);
          const base = mase(actual, predicted, insample, period);
          fc.pre(Number.isFinite(base));
          const scaled = mase(
            actual.map((y) => factor * y),
            predicted.map((f) => factor * f),
            insample.map((y) => factor * y),
            period,
          );
          expect(scaled).toBe(base);
        },
      ),
    );
  });
});
