import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dynamicTrend, staticTrend } from "./theta-trend.js";

/** Least squares of y[0, t) on s = 1..t, by the textbook formula. */
function leastSquares(y: number[], t: number): [number, number] {
  const sMean = (t + 1) / 2;
  const yMean = y.slice(0, t).reduce((a, b) => a + b, 0) / t;
  let sxy = 0;
  let sxx = 0;
  for (let s = 1; s <= t; s++) {
    sxy += (s - sMean) * (y[s - 1] - yMean);
    sxx += (s - sMean) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return [yMean - slope * sMean, slope];
}

describe("staticTrend(y, count, length)", () => {
  test("is the least-squares line through the first count points, held for every t", () => {
    const y = new Float64Array([3, 5, 4, 8, 9, 100]);
    const trend = staticTrend(y, 5, 6);
    const [intercept, slope] = leastSquares([...y], 5);
    expect(trend.intercept.length).toBe(7);
    for (let t = 0; t <= 6; t++) {
      expect(trend.intercept[t]).toBeCloseTo(intercept, 12);
      expect(trend.slope[t]).toBeCloseTo(slope, 12);
    }
    expect(trend.mean).toBeNull();
  });

  test("a straight line gives its own intercept and slope", () => {
    const y = Float64Array.from({ length: 10 }, (_, t) => 5 + 2 * (t + 1));
    const trend = staticTrend(y, 10, 10);
    expect(trend.intercept[0]).toBeCloseTo(5, 12);
    expect(trend.slope[0]).toBeCloseTo(2, 12);
  });

  test("one point gives a flat line through it", () => {
    const trend = staticTrend(new Float64Array([7]), 1, 1);
    expect([trend.intercept[0], trend.slope[0]]).toEqual([7, 0]);
  });
});

describe("dynamicTrend(y, length)", () => {
  test("the recursion matches least squares on every prefix", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (values) => {
          const trend = dynamicTrend(Float64Array.from(values), values.length);
          for (let t = 1; t <= values.length; t++) {
            const [intercept, slope] = leastSquares(values, t);
            expect(trend.slope[t]).toBeCloseTo(slope, 6);
            expect(trend.intercept[t]).toBeCloseTo(intercept, 6);
          }
        },
      ),
    );
  });

  test("starts from a zero line before any data", () => {
    const trend = dynamicTrend(new Float64Array([4, 6]), 2);
    expect([trend.intercept[0], trend.slope[0], trend.mean?.[0]]).toEqual([0, 0, 0]);
    expect([trend.intercept[1], trend.slope[1]]).toEqual([4, 0]);
  });
});
