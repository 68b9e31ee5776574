import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { coverage } from "./coverage.js";

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
// An actual with an ordered interval: [actual, one bound, the other bound].
const points = fc.array(
  fc.tuple(value, value, value).map(([y, a, b]) => [y, Math.min(a, b), Math.max(a, b)] as const),
  { minLength: 1, maxLength: 40 },
);

describe("coverage(actual, lower, upper)", () => {
  test("is the fraction of actuals inside their intervals", () => {
    expect(coverage([5, 12, 8, 6], [4, 4, 4, 4], [10, 10, 10, 10])).toBe(0.75);
    expect(coverage(new Float64Array([1, 2]), new Float64Array([5, 5]), new Float64Array([6, 6]))).toBe(0);
  });

  test("counts an actual on either bound as covered", () => {
    expect(coverage([4, 10], [4, 4], [10, 10])).toBe(1);
    expect(coverage([7], [7], [7])).toBe(1);
  });

  test("skips points where the actual or a bound is NaN", () => {
    expect(coverage([5, Number.NaN, 5, 5], [4, 4, Number.NaN, 6], [6, 6, 6, Number.NaN])).toBe(1);
  });

  test("returns NaN for empty input and for input with no complete point", () => {
    expect(coverage([], [], [])).toBeNaN();
    expect(coverage([Number.NaN], [0], [1])).toBeNaN();
  });

  test("throws naming the parameters whose lengths differ", () => {
    expect(() => coverage([1, 2], [0], [3, 3])).toThrow("coverage: actual has 2 values but lower has 1");
    expect(() => coverage([1, 2], [0, 0], [3])).toThrow("coverage: actual has 2 values but upper has 1");
  });

  test("throws naming the index where the lower bound is above the upper bound", () => {
    expect(() => coverage([1, 2], [0, 5], [3, 3])).toThrow("coverage: lower[1] = 5 is above upper[1] = 3");
  });

  test("lies in [0, 1] and never falls when the intervals widen", () => {
    fc.assert(
      fc.property(points, fc.double({ min: 0, max: 1e6, noNaN: true }), (given, widen) => {
        const actual = given.map((p) => p[0]);
        const lower = given.map((p) => p[1]);
        const upper = given.map((p) => p[2]);
        const covered = coverage(actual, lower, upper);
        expect(covered).toBeGreaterThanOrEqual(0);
        expect(covered).toBeLessThanOrEqual(1);
        const wider = coverage(
          actual,
          lower.map((lo) => lo - widen),
          upper.map((hi) => hi + widen),
        );
        expect(wider).toBeGreaterThanOrEqual(covered);
        expect(coverage(actual, actual, actual)).toBe(1);
      }),
    );
  });
});
