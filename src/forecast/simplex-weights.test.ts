import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { MAX_SIMPLEX_MEMBERS, simplexWeights } from "./simplex-weights.js";

/** The k x k mean cross-products of the columns of errors (rows: observations). */
function gramOf(errors: number[][]): Float64Array {
  const k = errors[0].length;
  const gram = new Float64Array(k * k);
  for (const row of errors) {
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) gram[a * k + b] += (row[a] * row[b]) / errors.length;
  }
  return gram;
}

function objective(gram: Float64Array, w: ArrayLike<number>): number {
  const k = w.length;
  let sum = 0;
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) sum += w[a] * gram[a * k + b] * w[b];
  return sum;
}

describe("simplexWeights", () => {
  test("simplexWeights(gram, k) of independent errors weights each member by its inverse variance", () => {
    // Variances 1 and 4, uncorrelated: w = (1/1, 1/4) / (5/4).
    const w = simplexWeights(Float64Array.of(1, 0, 0, 4), 2);
    expect(w[0]).toBeCloseTo(0.8, 9);
    expect(w[1]).toBeCloseTo(0.2, 9);
  });

  test("simplexWeights(gram, k) gives two copies of one model together the weight one of them would get", () => {
    // Members 0 and 1 make the same errors; member 2 errs independently with the same variance.
    const errors = [
      [1, 1, 0.5],
      [-1, -1, 1],
      [0.5, 0.5, -1],
      [-0.5, -0.5, -0.5],
    ];
    const w = simplexWeights(gramOf(errors), 3);
    const alone = simplexWeights(gramOf(errors.map((row) => [row[0], row[2]])), 2);
    expect(w[0] + w[1]).toBeCloseTo(alone[0], 6);
    expect(w[2]).toBeCloseTo(alone[1], 6);
  });

  test("simplexWeights(gram, k) gives no weight to a member that only adds error", () => {
    // Member 1's errors are member 0's doubled: any weight on it makes the combination worse.
    const errors = [
      [1, 2],
      [-1, -2],
      [0.5, 1],
    ];
    expect(Array.from(simplexWeights(gramOf(errors), 2))).toEqual([1, 0]);
  });

  test("simplexWeights(gram, k) weights members with opposite errors so that they cancel", () => {
    const errors = [
      [1, -1],
      [-2, 2],
      [0.5, -0.5],
    ];
    const w = simplexWeights(gramOf(errors), 2);
    expect(w[0]).toBeCloseTo(0.5, 6);
    expect(objective(gramOf(errors), w)).toBeLessThan(1e-6);
  });

  test("simplexWeights(gram, k) returns equal weights when every error is zero", () => {
    expect(Array.from(simplexWeights(new Float64Array(9), 3))).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  test("simplexWeights(gram, k) gives the same weights for errors too small to square in normal floats", () => {
    // Errors of 1e-157 have subnormal squares: the scale-free solve still finds the weights of G = [1, 0; 0, 4].
    const tiny = 1e-314;
    const w = simplexWeights(Float64Array.of(tiny, 0, 0, 4 * tiny), 2);
    expect(w[0]).toBeCloseTo(0.8, 6);
    expect(w[1]).toBeCloseTo(0.2, 6);
    // Two members with the same subnormal errors (a near-singular G): finite weights summing to 1.
    const same = simplexWeights(
      Float64Array.of(3.9782403168e-313, 3.9782403168e-313, 3.9782403168e-313, 3.9782403168e-313),
      2,
    );
    expect(same.every(Number.isFinite)).toBe(true);
    expect(same[0] + same[1]).toBeCloseTo(1, 9);
  });

  test("simplexWeights(gram, 1) is [1]", () => {
    expect(Array.from(simplexWeights(Float64Array.of(2.5), 1))).toEqual([1]);
  });

  test("simplexWeights(gram, k) is no worse than any point of a grid on the simplex", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }), {
          minLength: 4,
          maxLength: 12,
        }),
        (errors) => {
          const gram = gramOf(errors);
          const w = simplexWeights(gram, 3);
          expect(w.every((x) => x >= 0)).toBe(true);
          expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          const best = objective(gram, w);
          // The solves carry a ridge of 1e-9 of the mean variance, so the optimum may sit that far above a
          // grid point that errs exactly nothing.
          const meanVariance = (gram[0] + gram[4] + gram[8]) / 3;
          const slack = 1e-8 * meanVariance + 1e-300;
          const steps = 20;
          for (let a = 0; a <= steps; a++) {
            for (let b = 0; a + b <= steps; b++) {
              const grid = [a / steps, b / steps, (steps - a - b) / steps];
              expect(best).toBeLessThanOrEqual(objective(gram, grid) * (1 + 1e-6) + slack);
            }
          }
        },
      ),
      {
        numRuns: 200,
        // A member that errs exactly nothing: the grid's best is 0, the ridge's optimum just above it.
        examples: [
          [
            [
              [0, 0, 0],
              [-0.00021081851001908655, 0, 0],
              [0, 0, 9.99999999999997],
              [0, 0, 0],
            ],
          ],
        ],
      },
    );
  });

  test("simplexWeights(gram, k) rejects a k out of range, a gram of the wrong size and non-finite entries", () => {
    expect(() => simplexWeights(new Float64Array(0), 0)).toThrow(/k: 0 is not an integer from 1/);
    const big = MAX_SIMPLEX_MEMBERS + 1;
    expect(() => simplexWeights(new Float64Array(big * big), big)).toThrow(/k: 13/);
    expect(() => simplexWeights(new Float64Array(3), 2)).toThrow(/gram: 3 entries for 2 x 2/);
    expect(() => simplexWeights(Float64Array.of(1, Number.NaN, Number.NaN, 1), 2)).toThrow(
      /gram\[1\] is NaN/,
    );
  });
});
