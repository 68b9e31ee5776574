import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { intervalScore } from "./interval-score.js";
import { pinballLoss } from "./pinball-loss.js";

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const points = fc.array(
  fc.tuple(value, value, value).map(([y, a, b]) => [y, Math.min(a, b), Math.max(a, b)] as const),
  { minLength: 1, maxLength: 40 },
);
const level = fc.double({ min: 1, max: 99, noNaN: true });

function columns(given: readonly (readonly [number, number, number])[]) {
  return {
    actual: given.map((p) => p[0]),
    lower: given.map((p) => p[1]),
    upper: given.map((p) => p[2]),
  };
}

describe("intervalScore(actual, lower, upper, level)", () => {
  test("is the width inside the interval and adds 2 / alpha times the miss outside it", () => {
    // 80%: alpha 0.2, penalty 10. Inside: width 4. Above by 1: 4 + 10.
    expect(intervalScore([5, 9], [3, 4], [7, 8], 80)).toBe(9);
    // Below by 2: 4 + 10 * 2.
    expect(intervalScore(new Float64Array([1]), new Float64Array([3]), new Float64Array([7]), 80)).toBe(24);
    // 95%: alpha 0.05, penalty 40. Above by 2: 8 + 80.
    expect(intervalScore([10], [0], [8], 95)).toBe(88);
    // 50%: penalty 4, actual on a bound is inside.
    expect(intervalScore([0, 8], [0, 0], [8, 8], 50)).toBe(8);
  });

  test("skips points where the actual or a bound is NaN", () => {
    expect(intervalScore([5, Number.NaN, 5, 5], [3, 3, Number.NaN, 3], [7, 7, 7, Number.NaN], 80)).toBe(4);
  });

  test("returns NaN for empty input and for input with no complete point", () => {
    expect(intervalScore([], [], [], 80)).toBeNaN();
    expect(intervalScore([1], [Number.NaN], [2], 80)).toBeNaN();
  });

  test("throws naming the parameter that is wrong", () => {
    expect(() => intervalScore([1, 2], [0], [3, 3], 80)).toThrow(
      "intervalScore: actual has 2 values but lower has 1",
    );
    expect(() => intervalScore([1], [0], [3, 3], 80)).toThrow(
      "intervalScore: actual has 1 values but upper has 2",
    );
    for (const bad of [0, 100, -5, 120, Number.NaN]) {
      expect(() => intervalScore([1], [0], [3], bad)).toThrow(
        `intervalScore: level must be a percentage strictly between 0 and 100, got ${bad}`,
      );
    }
    expect(() => intervalScore([1, 1], [0, 4], [3, 2], 80)).toThrow(
      "intervalScore: lower[1] = 4 is above upper[1] = 2",
    );
  });

  test("is never below the mean width and equals it when every actual is covered", () => {
    fc.assert(
      fc.property(points, level, (given, percent) => {
        const { actual, lower, upper } = columns(given);
        const meanWidth = given.reduce((sum, [, lo, hi]) => sum + (hi - lo), 0) / given.length;
        const tolerance = 1e-9 * Math.max(1, meanWidth);
        expect(intervalScore(actual, lower, upper, percent)).toBeGreaterThanOrEqual(meanWidth - tolerance);
        const covering = intervalScore(
          actual,
          given.map(([y, lo]) => Math.min(y, lo)),
          given.map(([y, , hi]) => Math.max(y, hi)),
          percent,
        );
        const coveringWidth =
          given.reduce((sum, [y, lo, hi]) => sum + (Math.max(y, hi) - Math.min(y, lo)), 0) / given.length;
        expect(Math.abs(covering - coveringWidth)).toBeLessThanOrEqual(1e-9 * Math.max(1, coveringWidth));
        expect(intervalScore(actual, actual, actual, percent)).toBe(0);
      }),
    );
  });

  test("equals 2 / alpha times the pinball losses of its bounds at alpha / 2 and 1 - alpha / 2", () => {
    fc.assert(
      fc.property(points, level, (given, percent) => {
        const { actual, lower, upper } = columns(given);
        const alpha = 1 - percent / 100;
        const expected =
          (2 / alpha) * (pinballLoss(actual, lower, alpha / 2) + pinballLoss(actual, upper, 1 - alpha / 2));
        const score = intervalScore(actual, lower, upper, percent);
        expect(Math.abs(score - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
      }),
    );
  });
});
