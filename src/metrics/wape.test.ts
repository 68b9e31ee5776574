import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mae } from "./mae.js";
import { wape } from "./wape.js";

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const pairs = fc
  .array(fc.tuple(value, value), { minLength: 1, maxLength: 40 })
  .filter((given) => given.some(([y]) => Math.abs(y) > 1e-3));

describe("wape(actual, predicted)", () => {
  test("divides the total absolute error by the total absolute actual", () => {
    expect(wape([100, 50], [110, 40])).toBeCloseTo(20 / 150, 15);
    expect(wape(new Float64Array([-10, 10]), new Float64Array([-5, 5]))).toBe(0.5);
  });

  test("counts the errors at zero actuals in the numerator only", () => {
    expect(wape([100, 0, 50], [110, 5, 40])).toBeCloseTo(25 / 150, 15);
    expect(wape([0, 0, 10], [1, 1, 10])).toBe(0.2);
  });

  test("returns NaN when the actuals sum to zero, even with errors", () => {
    expect(wape([0, 0], [3, 4])).toBeNaN();
    expect(wape([0], [0])).toBeNaN();
  });

  test("skips pairs with NaN on either side", () => {
    expect(wape([10, Number.NaN, 0], [Number.NaN, 5, 5])).toBeNaN();
    expect(wape([10, Number.NaN, 10], [12, 5, Number.NaN])).toBe(0.2);
  });

  test("returns NaN for empty input", () => {
    expect(wape([], [])).toBeNaN();
  });

  test("throws naming actual and predicted when their lengths differ", () => {
    expect(() => wape([1, 2], [1])).toThrow("wape: actual has 2 values but predicted has 1");
  });

  test("is zero for a perfect forecast and equals MAE over mean |actual|", () => {
    fc.assert(
      fc.property(pairs, (given) => {
        const actual = given.map((p) => p[0]);
        const predicted = given.map((p) => p[1]);
        expect(wape(actual, actual)).toBe(0);
        const meanAbsoluteActual = actual.reduce((sum, y) => sum + Math.abs(y), 0) / actual.length;
        const expected = mae(actual, predicted) / meanAbsoluteActual;
        expect(Math.abs(wape(actual, predicted) - expected)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, expected),
        );
      }),
    );
  });

  test("does not change when actuals and forecasts are scaled by the same factor", () => {
    fc.assert(
      fc.property(
        pairs,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.boolean(),
        (given, size, negate) => {
          const factor = negate ? -size : size;
          const actual = given.map((p) => p[0]);
          const predicted = given.map((p) => p[1]);
          const unscaled = wape(actual, predicted);
          const scaled = wape(
            actual.map((y) => factor * y),
            predicted.map((f) => factor * f),
          );
          expect(Math.abs(scaled - unscaled)).toBeLessThanOrEqual(1e-9 * Math.max(1, unscaled));
        },
      ),
    );
  });
});
