import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Random } from "../random.js";
import { applyProjection } from "./apply-projection.js";
import { coherenceError } from "./coherence-error.js";
import { mintProjection } from "./mint-projection.js";
import { RECONCILE_METHODS, reconcile } from "./reconcile.js";
import { shrinkCovariance } from "./shrink-covariance.js";
import { gridHierarchy, randomBase } from "./test-hierarchies.js";

const h = gridHierarchy(["SE", "NO", "DK", "FI"], ["mobile", "desktop", "tv"]);
const n = h.keys.length;
const steps = 24;
const T = 100;

function residuals(seed: number): Float64Array {
  const random = new Random(seed);
  const out = new Float64Array(n * T);
  // A shared shock per step plus each series' own noise, scaled by the series' size.
  for (let t = 0; t < T; t++) {
    const common = random.normal();
    for (let i = 0; i < n; i++) {
      const size = h.rowStart[i + 1] - h.rowStart[i];
      out[i * T + t] = size * (0.6 * common + random.normal());
    }
  }
  return out;
}

describe("reconcile(hierarchy, base, steps, options)", () => {
  const base = randomBase(h, steps, 11, 0.3);
  const res = residuals(3);

  test("every method gives coherent series (1e-9 relative) and non-negative leaves", () => {
    for (const method of RECONCILE_METHODS) {
      const r = reconcile(h, base, steps, { method, residuals: res, residualLength: T });
      expect(r.method).toBe(method);
      expect(coherenceError(h, r.series, steps)).toBeLessThan(1e-12);
      for (const v of r.series) expect(v).toBeGreaterThanOrEqual(0);
    }
  });

  test("defaults to MinT-shrink, reporting λ; it differs from OLS and WLS on correlated errors", () => {
    const r = reconcile(h, base, steps, { residuals: res, residualLength: T });
    expect(r.method).toBe("mint-shrink");
    expect(r.lambda).toBeGreaterThan(0);
    expect(r.lambda).toBeLessThan(1);
    const ols = reconcile(h, base, steps, { method: "ols" });
    const wls = reconcile(h, base, steps, { method: "wls", residuals: res, residualLength: T });
    const gap = (a: Float64Array, b: Float64Array) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    expect(gap(r.leaves, ols.leaves)).toBeGreaterThan(1e-3);
    expect(gap(r.leaves, wls.leaves)).toBeGreaterThan(1e-3);
  });

  test("wls weighs each series by its mean square error, the diagonal of the shrunk covariance", () => {
    const wls = reconcile(h, base, steps, {
      method: "wls",
      residuals: res,
      residualLength: T,
      nonNegative: false,
    });
    const { covariance } = shrinkCovariance(res, n, T);
    const diagonal = Float64Array.from({ length: n }, (_, i) => covariance[i * n + i]);
    const expected = applyProjection(h, mintProjection(h, diagonal), base, steps);
    for (let i = 0; i < expected.length; i++) expect(wls.leaves[i]).toBeCloseTo(expected[i], 9);
  });

  test("the projection it returns reconciles error rows the same linear way", () => {
    const r = reconcile(h, base, steps, { method: "ols", nonNegative: false });
    const again = applyProjection(h, r.projection as NonNullable<typeof r.projection>, base, steps);
    expect([...again]).toEqual([...r.leaves]);
  });

  test("sets negative leaves to zero and sums the aggregates from them, reporting what it clipped", () => {
    const b = Float64Array.from(base);
    const leaf = h.indexOf.get("geo=FI|device=tv") as number;
    for (let t = 0; t < steps; t++) b[leaf * steps + t] = -20;
    const raw = reconcile(h, b, steps, { method: "ols", nonNegative: false });
    const negatives = raw.leaves.filter((v) => v < 0);
    expect(negatives.length).toBeGreaterThan(0);
    const r = reconcile(h, b, steps, { method: "ols" });
    expect(r.clipped).toBe(negatives.length);
    expect(r.clippedMass).toBeCloseTo(-negatives.reduce((a, v) => a + v, 0), 9);
    for (const v of r.series) expect(v).toBeGreaterThanOrEqual(0);
    expect(coherenceError(h, r.series, steps)).toBeLessThan(1e-12);
  });

  test("any grid, any method, any signs of base forecasts: coherent and non-negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...RECONCILE_METHODS),
        fc.integer({ min: 0, max: 1000 }),
        (geos, devices, method, seed) => {
          const grid = gridHierarchy(
            Array.from({ length: geos }, (_, g) => `G${g}`),
            Array.from({ length: devices }, (_, d) => `d${d}`),
          );
          const random = new Random(seed);
          const size = grid.keys.length;
          const b = Float64Array.from({ length: size * 6 }, () => 10 * random.normal() + 5);
          const r0 = Float64Array.from({ length: size * 30 }, () => random.normal());
          const r = reconcile(grid, b, 6, { method, residuals: r0, residualLength: 30 });
          expect(coherenceError(grid, r.series, 6)).toBeLessThan(1e-9);
          for (const v of r.series) expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("rejects bad input naming the parameter", () => {
    expect(() => reconcile(h, new Float64Array(5), steps)).toThrow(
      `base: length 5 is not series (${n}) × steps (24)`,
    );
    const nan = Float64Array.from(base);
    nan[(h.indexOf.get("geo=NO") as number) * steps + 3] = Number.NaN;
    expect(() => reconcile(h, nan, steps, { method: "ols" })).toThrow('base: series "geo=NO" step 3 is NaN');
    expect(() => reconcile(h, base, steps)).toThrow("residuals: mint-shrink needs the in-sample errors");
    expect(() => reconcile(h, base, steps, { residuals: res })).toThrow("residualLength: needed");
    expect(() => reconcile(h, base, steps, { residuals: res, residualLength: T - 1 })).toThrow(
      "residuals: length",
    );
    expect(() => reconcile(h, base, steps, { method: "mint" as never })).toThrow(
      'method: "mint" is not one of',
    );
    expect(() => reconcile(h, base, 0)).toThrow("steps: 0");
  });

  test("an all-zero series does not break MinT (its variance is floored)", () => {
    const r0 = Float64Array.from(res);
    const leaf = h.indexOf.get("geo=DK|device=tv") as number;
    r0.fill(0, leaf * T, leaf * T + T);
    const r = reconcile(h, base, steps, { residuals: r0, residualLength: T });
    expect(coherenceError(h, r.series, steps)).toBeLessThan(1e-12);
  });
});
