import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { minimize } from "./nelder-mead.js";

const FREE = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
const FREE_UP = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];

describe("minimize(f, x0, lower, upper)", () => {
  test("finds the centre of a quadratic bowl", () => {
    const bowl = (x: Float64Array) => (x[0] - 1) ** 2 + 3 * (x[1] + 2) ** 2;
    const result = minimize(bowl, [0, 0], FREE, FREE_UP, { step: 0.5, relativeTolerance: 1e-14 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(-2, 4);
    expect(result.value).toBeLessThan(1e-8);
  });

  test("solves the Rosenbrock valley in 2 dimensions and a bowl in 6", () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const valley = minimize(rosenbrock, [-1.2, 1], FREE, FREE_UP, {
      step: 0.5,
      maxEvaluations: 5000,
      relativeTolerance: 1e-16,
      absoluteTolerance: 1e-14,
    });
    expect(valley.x[0]).toBeCloseTo(1, 3);
    expect(valley.x[1]).toBeCloseTo(1, 3);
    const n = 6;
    const bowl = (x: Float64Array) => x.reduce((sum, v, i) => sum + (i + 1) * (v - i) ** 2, 0);
    const lower = new Array<number>(n).fill(-100);
    const upper = new Array<number>(n).fill(100);
    const result = minimize(bowl, new Array<number>(n).fill(0), lower, upper, {
      step: 1,
      maxEvaluations: 20_000,
      relativeTolerance: 1e-16,
      absoluteTolerance: 1e-12,
    });
    for (let i = 0; i < n; i++) expect(result.x[i]).toBeCloseTo(i, 3);
  });

  test("stops on the bound when the minimum lies outside the box", () => {
    const result = minimize((x) => (x[0] - 3) ** 2 + (x[1] + 3) ** 2, [0.5, 0.5], [0, 0], [1, 1], {
      step: 0.2,
    });
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(0, 6);
  });

  test("treats Infinity and NaN as rejected points, so f can carry constraints that are not a box", () => {
    // minimise (x - 2)^2 subject to x <= 1, the constraint given by Infinity; NaN beyond x = 1.5.
    const f = (x: Float64Array) =>
      x[0] > 1.5 ? Number.NaN : x[0] > 1 ? Number.POSITIVE_INFINITY : (x[0] - 2) ** 2;
    const result = minimize(f, [0], [-10], [10], { step: 1, relativeTolerance: 1e-12 });
    expect(result.x[0]).toBeLessThanOrEqual(1);
    expect(result.x[0]).toBeCloseTo(1, 4);
  });

  test("never evaluates f outside the box, and stays within its evaluation budget", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -5, max: 5, noNaN: true }),
            fc.double({ min: 0.01, max: 5, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (box, centre) => {
          const lower = box.map(([low]) => low);
          const upper = box.map(([low, width]) => low + width);
          let outside = 0;
          const f = (x: Float64Array) => {
            for (let i = 0; i < x.length; i++) if (x[i] < lower[i] || x[i] > upper[i]) outside++;
            return x.reduce((sum, v, i) => sum + (v - centre[i]) ** 2, 0);
          };
          const maxEvaluations = 60;
          const result = minimize(f, lower, lower, upper, { maxEvaluations, step: 1 });
          expect(outside).toBe(0);
          expect(result.evaluations).toBeLessThanOrEqual(maxEvaluations + box.length + 1);
        },
      ),
      { numRuns: 100 },
    );
  });

  test("gives the same answer for the same input", () => {
    const f = (x: Float64Array) => Math.sin(3 * x[0]) + (x[1] - 0.3) ** 2 + 0.1 * x[0] ** 2;
    const a = minimize(f, [1, 1], [-3, -3], [3, 3]);
    const b = minimize(f, [1, 1], [-3, -3], [3, 3]);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(a.evaluations).toBe(b.evaluations);
  });

  test("reports Infinity when f is never finite, and converges at once on a flat function", () => {
    const never = minimize(() => Number.POSITIVE_INFINITY, [0, 0], FREE, FREE_UP, { maxEvaluations: 30 });
    expect(never.value).toBe(Number.POSITIVE_INFINITY);
    expect(never.converged).toBe(false);
    const flat = minimize(() => 7, [0, 0], FREE, FREE_UP);
    expect(flat.converged).toBe(true);
    expect(flat.value).toBe(7);
    expect(flat.evaluations).toBe(3);
  });

  test("restarts rebuild the simplex around the best point and do not lose ground", () => {
    const f = (x: Float64Array) => (x[0] - 0.7) ** 2 + 50 * (x[1] - x[0]) ** 2;
    const once = minimize(f, [3, -3], FREE, FREE_UP, { relativeTolerance: 1e-6 });
    const again = minimize(f, [3, -3], FREE, FREE_UP, { relativeTolerance: 1e-6, restarts: 2 });
    expect(again.value).toBeLessThanOrEqual(once.value);
  });

  test("throws on inconsistent arguments, naming them", () => {
    const f = (x: Float64Array) => x[0];
    expect(() => minimize(f, [], [], [])).toThrow(/x0/);
    expect(() => minimize(f, [0, 0], [0], [1, 1])).toThrow(/lower and upper/);
    expect(() => minimize(f, [0], [1], [0])).toThrow(/coordinate 0/);
    expect(() => minimize(f, [Number.NaN], [0], [1])).toThrow(/coordinate 0/);
  });
});
