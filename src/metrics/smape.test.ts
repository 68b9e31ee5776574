import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { smape } from "./smape.js";

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const pairs = fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 40 });

describe("smape(actual, predicted)", () => {
  test("averages |error| / (|actual| + |predicted|), bounded by 1", () => {
    expect(smape([100, 0, 0], [300, 5, 0])).toBe(0.5);
    expect(smape(new Float64Array([5]), new Float64Array([-5]))).toBe(1);
    expect(smape([10, 30], [30, 10])).toBe(0.5);
  });

  test("counts a pair with both sides zero as a perfect forecast", () => {
    expect(smape([0, 10], [0, 30])).toBe(0.25);
  });

  test("skips pairs with NaN on either side", () => {
    expect(smape([Number.NaN, 10, 1], [1, 30, Number.NaN])).toBe(0.5);
  });

  test("returns NaN for empty input and for input with no complete pair", () => {
    expect(smape([], [])).toBeNaN();
    expect(smape([Number.NaN], [Number.NaN])).toBeNaN();
  });

  test("throws naming actual and predicted when their lengths differ", () => {
    expect(() => smape([], [1])).toThrow("smape: actual has 0 values but predicted has 1");
  });

  test("is zero for a perfect forecast", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), (actual) => {
        expect(smape(actual, actual)).toBe(0);
      }),
    );
  });

  test("lies in [0, 1] and is symmetric in actual and predicted", () => {
    fc.assert(
      fc.property(pairs, (given) => {
        const actual = given.map((p) => p[0]);
        const predicted = given.map((p) => p[1]);
        const error = smape(actual, predicted);
        expect(error).toBeGreaterThanOrEqual(0);
        expect(error).toBeLessThanOrEqual(1);
        expect(smape(predicted, actual)).toBe(error);
      }),
    );
  });
});
