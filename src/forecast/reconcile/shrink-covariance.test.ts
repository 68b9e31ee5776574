import { describe, expect, test } from "vitest";
import { Random } from "../random.js";
import { shrinkCovariance } from "./shrink-covariance.js";

/** Schäfer & Strimmer's λ* written out from its definition, one w_tij array per pair (reference only). */
function referenceLambda(e: number[][]): number {
  const n = e.length;
  const T = e[0].length;
  const x = e.map((row) => {
    const sd = Math.sqrt(row.reduce((s, v) => s + v * v, 0) / T);
    return row.map((v) => v / sd);
  });
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const w = x[i].map((v, t) => v * x[j][t]);
      const mean = w.reduce((s, v) => s + v, 0) / T;
      num += w.reduce((s, v) => s + (v - mean) ** 2, 0) / (T * (T - 1));
      den += mean * mean;
    }
  return Math.min(1, Math.max(0, num / den));
}

function correlated(n: number, T: number, rho: number, seed: number): number[][] {
  const random = new Random(seed);
  const common = Array.from({ length: T }, () => random.normal());
  return Array.from({ length: n }, (_, i) =>
    common.map((c) => (i + 1) * (Math.sqrt(rho) * c + Math.sqrt(1 - rho) * random.normal())),
  );
}

describe("shrinkCovariance(residuals, n, length)", () => {
  test("λ is Schäfer & Strimmer's λ* from its definition; W = diag + (1 − λ) off-diagonal covariances", () => {
    // 4, 6 and 3 series: whole blocks of four rows, a block and a remainder, a remainder only.
    for (const [n, rho, T] of [
      [4, 0.3, 50],
      [6, 0.8, 200],
      [3, 0, 30],
    ]) {
      const e = correlated(n, T, rho, 7);
      const { covariance, lambda, rows } = shrinkCovariance(Float64Array.from(e.flat()), n, T);
      expect(rows).toBe(T);
      expect(lambda).toBeCloseTo(referenceLambda(e), 12);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const s = e[i].reduce((acc, v, t) => acc + v * e[j][t], 0) / T;
          expect(covariance[i * n + j]).toBeCloseTo(i === j ? s : (1 - lambda) * s, 10);
        }
    }
  });

  test("shrinks little with strong correlation and long data, much with none", () => {
    const strong = shrinkCovariance(Float64Array.from(correlated(5, 500, 0.9, 1).flat()), 5, 500).lambda;
    const none = shrinkCovariance(Float64Array.from(correlated(5, 40, 0, 1).flat()), 5, 40).lambda;
    expect(strong).toBeLessThan(0.05);
    expect(none).toBeGreaterThan(0.5);
  });

  test("leaves out time steps where any series lacks a residual", () => {
    const e = correlated(3, 20, 0.5, 3);
    const withGaps = e.map((row) => [Number.NaN, ...row]);
    withGaps[1][5] = Number.NaN;
    const kept = e.map((row) => row.filter((_, t) => t !== 4));
    const a = shrinkCovariance(Float64Array.from(withGaps.flat()), 3, 21);
    const b = shrinkCovariance(Float64Array.from(kept.flat()), 3, 19);
    expect(a.rows).toBe(19);
    expect(a.lambda).toBe(b.lambda);
    expect([...a.covariance]).toEqual([...b.covariance]);
  });

  test("a series without error gets variance 0 and no correlation", () => {
    const e = correlated(3, 30, 0.5, 5);
    e[2] = e[2].map(() => 0);
    const { covariance } = shrinkCovariance(Float64Array.from(e.flat()), 3, 30);
    expect([covariance[2], covariance[5], covariance[8]]).toEqual([0, 0, 0]);
  });

  test("rejects bad input naming the parameter", () => {
    expect(() => shrinkCovariance(new Float64Array(5), 2, 3)).toThrow(
      "residuals: length 5 is not series (2) × length (3)",
    );
    expect(() => shrinkCovariance(Float64Array.of(1, Number.POSITIVE_INFINITY, 1, 2), 2, 2)).toThrow(
      "residuals: series 0 step 1 is Infinity",
    );
    expect(() => shrinkCovariance(Float64Array.of(1, Number.NaN, 1, 2), 2, 2)).toThrow(
      "residuals: only 1 time step(s) have a residual for every series",
    );
    expect(() => shrinkCovariance(new Float64Array(0), 0, 3)).toThrow("n: 0");
  });
});
