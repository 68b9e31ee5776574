import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mae } from "./mae.js";
import { rmse } from "./rmse.js";

// Values below 1e-9 become 0 so that squared errors stay clear of underflow to 0.
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Math.abs(x) < 1e-9 ? 0 : x));
const pairs = fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 40 });

describe("rmse(actual, predicted)", () => {
  test("is the square root of the mean squared error", () => {
    expect(rmse([1, 2, 3], [2, 2, 5])).toBe(Math.sqrt(5 / 3));
    expect(rmse(new Float64Array([0, 0]), new Float64Array([3, -3]))).toBe(3);
  });

  test("skips pairs with NaN on either side", () => {
    expect(rmse([1, Number.NaN, 3, 0], [4, 5, Number.NaN, 4])).toBe(Math.sqrt((9 + 16) / 2));
  });

  test("returns NaN for empty input and for input with no complete pair", () => {
    expect(rmse([], [])).toBeNaN();
    expect(rmse([Number.NaN], [1])).toBeNaN();
  });

  test("throws naming actual and predicted when their lengths differ", () => {
    expect(() => rmse([1], [])).toThrow("rmse: actual has 1 values but predicted has 0");
  });

  test("is zero for a perfect forecast", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), (actual) => {
        expect(rmse(actual, new Float64Array(actual))).toBe(0);
      }),
    );
  });

  test("is at least the MAE and at most the largest absolute error", () => {
    fc.assert(
      fc.property(pairs, (given) => {
        const actual = given.map((p) => p[0]);
        const predicted = given.map((p) => p[1]);
        const largest = Math.max(...given.map(([y, f]) => Math.abs(y - f)));
        const error = rmse(actual, predicted);
        const tolerance = 1e-12 * largest;
        expect(mae(actual, predicted)).toBeLessThanOrEqual(error + tolerance);
        expect(error).toBeLessThanOrEqual(largest + tolerance);
      }),
    );
  });
});
