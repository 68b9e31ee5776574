import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mape } from "./mape.js";

const nonZero = fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((y) => Math.abs(y) > 1e-3);
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe("mape(actual, predicted)", () => {
  test("averages |error| / |actual| as a fraction", () => {
    expect(mape([100, 50], [110, 40])).toBeCloseTo(0.15, 15);
    expect(mape(new Float64Array([-100]), new Float64Array([-90]))).toBeCloseTo(0.1, 15);
    expect(mape([4], [0])).toBe(1);
  });

  test("skips zero actuals instead of counting them as zero error", () => {
    expect(mape([100, 0, 50], [110, 7, 40])).toBeCloseTo(0.15, 15);
    expect(mape([0, 0], [1, 0])).toBeNaN();
  });

  test("skips pairs with NaN on either side", () => {
    expect(mape([10, Number.NaN, 20], [Number.NaN, 3, 25])).toBe(0.25);
  });

  test("returns NaN for empty input", () => {
    expect(mape([], [])).toBeNaN();
  });

  test("throws naming actual and predicted when their lengths differ", () => {
    expect(() => mape([1, 2, 3], [1])).toThrow("mape: actual has 3 values but predicted has 1");
  });

  test("is zero for a perfect forecast and 1 for an all-zero forecast of non-zero actuals", () => {
    fc.assert(
      fc.property(fc.array(nonZero, { minLength: 1, maxLength: 40 }), (actual) => {
        expect(mape(actual, actual)).toBe(0);
        expect(mape(actual, new Float64Array(actual.length))).toBe(1);
      }),
    );
  });

  test("does not change when actuals and forecasts are scaled by the same factor", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(nonZero, value), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (given, factor) => {
          const actual = given.map((p) => p[0]);
          const predicted = given.map((p) => p[1]);
          const unscaled = mape(actual, predicted);
          const scaled = mape(
            actual.map((y) => -factor * y),
            predicted.map((f) => -factor * f),
          );
          expect(Math.abs(scaled - unscaled)).toBeLessThanOrEqual(1e-9 * Math.max(1, unscaled));
        },
      ),
    );
  });
});
