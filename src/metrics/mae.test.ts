import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mae } from "./mae.js";

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const pairs = fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 40 });

describe("mae(actual, predicted)", () => {
  test("averages the absolute errors", () => {
    expect(mae([1, 2, 3], [2, 2, 5])).toBe(1);
    expect(mae(new Float64Array([-1, 4]), new Float64Array([1, 1]))).toBe(2.5);
  });

  test("skips pairs with NaN on either side", () => {
    expect(mae([1, Number.NaN, 3, 4], [2, 5, Number.NaN, 4])).toBe(0.5);
  });

  test("keeps infinities, which make the error infinite", () => {
    expect(mae([Number.POSITIVE_INFINITY, 1], [0, 1])).toBe(Number.POSITIVE_INFINITY);
  });

  test("returns NaN for empty input and for input with no complete pair", () => {
    expect(mae([], [])).toBeNaN();
    expect(mae([Number.NaN, 1], [1, Number.NaN])).toBeNaN();
  });

  test("throws naming actual and predicted when their lengths differ", () => {
    expect(() => mae([1, 2], [1, 2, 3])).toThrow("mae: actual has 2 values but predicted has 3");
  });

  test("is zero for a perfect forecast and |c| for a forecast off by a constant c", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), value, (actual, c) => {
        expect(mae(actual, actual)).toBe(0);
        const shifted = actual.map((y) => y + c);
        expect(mae(actual, shifted)).toBeCloseTo(Math.abs(c), 6);
      }),
    );
  });

  test("does not change when NaN pairs are inserted", () => {
    fc.assert(
      fc.property(pairs, fc.nat(40), fc.boolean(), (given, at, nanActual) => {
        const actual = given.map((p) => p[0]);
        const predicted = given.map((p) => p[1]);
        const index = at % (given.length + 1);
        const withGap = (xs: number[], nan: boolean) => [
          ...xs.slice(0, index),
          nan ? Number.NaN : 7,
          ...xs.slice(index),
        ];
        expect(mae(withGap(actual, nanActual), withGap(predicted, !nanActual))).toBe(mae(actual, predicted));
      }),
    );
  });
});
