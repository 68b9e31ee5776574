import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mae } from "./mae.js";
import { pinballLoss } from "./pinball-loss.js";

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const pairs = fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 40 });
const level = fc.double({ min: 0.001, max: 0.999, noNaN: true });

describe("pinballLoss(actual, quantilePrediction, q)", () => {
  test("weighs misses below the quantile by q and misses above it by 1 - q", () => {
    expect(pinballLoss([110, 90], [100, 100], 0.9)).toBeCloseTo(5, 12);
    expect(pinballLoss(new Float64Array([110, 90]), new Float64Array([100, 100]), 0.1)).toBeCloseTo(5, 12);
    expect(pinballLoss([110], [100], 0.1)).toBeCloseTo(1, 12);
    expect(pinballLoss([90], [100], 0.1)).toBeCloseTo(9, 12);
  });

  test("is half the MAE at q = 0.5", () => {
    expect(pinballLoss([1, 2, 3], [2, 2, 5], 0.5)).toBe(0.5);
  });

  test("skips pairs with NaN on either side", () => {
    expect(pinballLoss([Number.NaN, 110, 1], [100, 100, Number.NaN], 0.9)).toBeCloseTo(9, 12);
  });

  test("returns NaN for empty input and for input with no complete pair", () => {
    expect(pinballLoss([], [], 0.5)).toBeNaN();
    expect(pinballLoss([Number.NaN], [1], 0.5)).toBeNaN();
  });

  test("throws naming the parameter that is wrong", () => {
    expect(() => pinballLoss([1], [1, 2], 0.5)).toThrow(
      "pinballLoss: actual has 1 values but quantilePrediction has 2",
    );
    for (const bad of [0, 1, -0.1, 1.5, 90, Number.NaN]) {
      expect(() => pinballLoss([1], [1], bad)).toThrow(
        `pinballLoss: q must be strictly between 0 and 1, got ${bad}`,
      );
    }
  });

  test("is half the MAE at q = 0.5 for any forecast", () => {
    fc.assert(
      fc.property(pairs, (given) => {
        const actual = given.map((p) => p[0]);
        const predicted = given.map((p) => p[1]);
        const half = mae(actual, predicted) / 2;
        // Relative rounding, plus a floor for subnormal errors, where a relative bound of 1e-12 rounds to 0.
        expect(Math.abs(pinballLoss(actual, predicted, 0.5) - half)).toBeLessThanOrEqual(
          1e-12 * half + 1e-300,
        );
      }),
    );
  });

  test("is zero when perfect, never negative, and mirrors: loss(y, f, q) = loss(-y, -f, 1 - q)", () => {
    fc.assert(
      fc.property(pairs, level, (given, q) => {
        const actual = given.map((p) => p[0]);
        const predicted = given.map((p) => p[1]);
        expect(pinballLoss(actual, actual, q)).toBe(0);
        const loss = pinballLoss(actual, predicted, q);
        expect(loss).toBeGreaterThanOrEqual(0);
        const mirrored = pinballLoss(
          actual.map((y) => -y),
          predicted.map((f) => -f),
          1 - q,
        );
        expect(Math.abs(mirrored - loss)).toBeLessThanOrEqual(1e-9 * Math.max(1, loss));
      }),
    );
  });
});
