import { describe, expect, it } from "vitest";
import { solveInPlace } from "./solve-in-place.js";

describe("solveInPlace(A, k, x)", () => {
  it("solves a system that needs a row swap, and says false for a singular one", () => {
    // [0 1; 2 3] x = [4, 13]: the zero pivot forces a swap; x = [0.5, 4].
    const x = Float64Array.of(4, 13);
    expect(solveInPlace(Float64Array.of(0, 1, 2, 3), 2, x)).toBe(true);
    expect(x[0]).toBeCloseTo(0.5, 14);
    expect(x[1]).toBeCloseTo(4, 14);
    expect(solveInPlace(Float64Array.of(1, 2, 2, 4), 2, Float64Array.of(1, 1))).toBe(false);
  });

  it("agrees with the product it inverts on a 4 × 4 system", () => {
    const A = Float64Array.of(4, -2, 1, 0, 3, 6, -4, 2, 2, 1, 8, -5, 1, 0, 2, 7);
    const truth = [1, -2, 0.5, 3];
    const b = Float64Array.from({ length: 4 }, (_, r) => truth.reduce((s, v, c) => s + A[r * 4 + c] * v, 0));
    expect(solveInPlace(A.slice(), 4, b)).toBe(true);
    for (let i = 0; i < 4; i++) expect(b[i]).toBeCloseTo(truth[i], 12);
  });

  it("solveInPlace(A, k, x, minPivot) refuses a pivot below minPivot and takes one at it", () => {
    expect(solveInPlace(Float64Array.of(1e-301, 0, 0, 1), 2, Float64Array.of(1, 1), 1e-300)).toBe(false);
    expect(solveInPlace(Float64Array.of(1e-301, 0, 0, 1), 2, Float64Array.of(1, 1))).toBe(true);
    const x = Float64Array.of(1e-300, 2);
    expect(solveInPlace(Float64Array.of(1e-300, 0, 0, 1), 2, x, 1e-300)).toBe(true);
    expect(Array.from(x)).toEqual([1, 2]);
  });
});
