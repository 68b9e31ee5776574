import { describe, expect, test } from "vitest";
import { applyProjection } from "./apply-projection.js";
import { buildHierarchy } from "./hierarchy.js";
import { mintProjection } from "./mint-projection.js";
import { denseS, gridHierarchy, multiply, randomBase, randomSpd, referenceG } from "./test-hierarchies.js";

const TWO = buildHierarchy(
  ["leaf=a", "leaf=b"],
  [
    { name: "total", dimensions: [] },
    { name: "leaf", dimensions: ["leaf"] },
  ],
);

function reconcileOne(weights: Float64Array, base: number[]): number[] {
  return [...applyProjection(TWO, mintProjection(TWO, weights), Float64Array.from(base), 1)];
}

describe("mintProjection(hierarchy, weights)", () => {
  test("2 leaves + total, W = I: the incoherence is split in three (OLS by hand)", () => {
    // total 12, leaves 4 + 5: d = 3, each leaf gets d / 3.
    const leaves = reconcileOne(Float64Array.of(1, 1, 1), [12, 4, 5]);
    expect(leaves[0]).toBeCloseTo(5, 12);
    expect(leaves[1]).toBeCloseTo(6, 12);
  });

  test("2 leaves + total, diagonal W: leaf i gets w_i / Σw of the incoherence (WLS by hand)", () => {
    const leaves = reconcileOne(Float64Array.of(1, 2, 3), [12, 4, 5]);
    expect(leaves[0]).toBeCloseTo(4 + (2 / 6) * 3, 12);
    expect(leaves[1]).toBeCloseTo(5 + (3 / 6) * 3, 12);
  });

  test("2 leaves + total, full W: b̃ = b̂ − JWU (U'WU)^-1 d by hand", () => {
    // W = [[4,1,1],[1,2,.5],[1,.5,3]]: U'WU = 4 − 2·1 − 2·1 + 2 + 2·0.5 + 3 = 6, JWU = [1 − 2 − .5, 1 − .5 − 3].
    const w = Float64Array.of(4, 1, 1, 1, 2, 0.5, 1, 0.5, 3);
    const leaves = reconcileOne(w, [12, 4, 5]);
    expect(leaves[0]).toBeCloseTo(4 + (1.5 / 6) * 3, 12);
    expect(leaves[1]).toBeCloseTo(5 + (2.5 / 6) * 3, 12);
  });

  test("equals the textbook (S'W^-1S)^-1 S'W^-1 for W = I (OLS) and for a full W, on a grouped hierarchy", () => {
    const h = gridHierarchy(["SE", "NO", "DK"], ["mobile", "desktop", "tv"]);
    const n = h.keys.length;
    const m = h.leafKeys.length;
    const steps = 5;
    const base = randomBase(h, steps, 3);
    const identity = new Float64Array(n * n);
    for (let i = 0; i < n; i++) identity[i * n + i] = 1;
    for (const [w, weights] of [
      [identity, new Float64Array(n).fill(1)],
      [randomSpd(n, 9), randomSpd(n, 9)],
    ]) {
      const g = referenceG(h, w);
      // base is series × steps; G ŷ per step is G (m × n) times base (n × steps).
      const expected = multiply(g, base, m, n, steps);
      const got = applyProjection(h, mintProjection(h, weights), base, steps);
      for (let i = 0; i < expected.length; i++) expect(got[i]).toBeCloseTo(expected[i], 9);
    }
  });

  test("leaves coherent forecasts unchanged (P S = I)", () => {
    const h = gridHierarchy(["SE", "NO"], ["mobile", "tv", "desktop"]);
    const n = h.keys.length;
    const m = h.leafKeys.length;
    const leaves = Float64Array.from({ length: m }, (_, l) => 10 + l);
    const coherent = multiply(denseS(h), leaves, n, m, 1);
    const got = applyProjection(h, mintProjection(h, randomSpd(n, 4)), coherent, 1);
    for (let l = 0; l < m; l++) expect(got[l]).toBeCloseTo(leaves[l], 10);
  });

  test("rejects weights of the wrong size, non-finite or not positive definite", () => {
    expect(() => mintProjection(TWO, new Float64Array(4))).toThrow("weights: length 4 is neither series (3)");
    expect(() => mintProjection(TWO, Float64Array.of(1, Number.NaN, 1))).toThrow("weights: entry 1 is NaN");
    expect(() => mintProjection(TWO, Float64Array.of(0, 0, 0))).toThrow(
      "weights (U'WU): not positive definite",
    );
  });
});
