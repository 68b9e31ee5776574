import { describe, expect, test } from "vitest";
import { expandArma } from "./arima-polynomials.js";
import { stationaryCovariance } from "./stationary-covariance.js";
import { stationaryFirstColumn, stationaryScratch } from "./stationary-first-column.js";

/** sum_k T^k R R' T'^k by brute force: the state's MA(infinity) weights v_k = T^k R, 4000 terms. */
function bruteForce(phi: Float64Array, theta: Float64Array, r: number): Float64Array {
  const out = new Float64Array(r * r);
  let v = new Float64Array(r);
  v[0] = 1;
  for (let i = 1; i < r; i++) v[i] = i - 1 < theta.length ? theta[i - 1] : 0;
  for (let k = 0; k < 4000; k++) {
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) out[i * r + j] += v[i] * v[j];
    const next = new Float64Array(r);
    for (let i = 0; i < r; i++) next[i] = (i + 1 < r ? v[i + 1] : 0) + (i < phi.length ? phi[i] * v[0] : 0);
    v = next;
  }
  return out;
}

function seasonal(coef: number[], p: number, q: number, P: number, Q: number, period: number) {
  const phi = new Float64Array(p + period * P);
  const theta = new Float64Array(q + period * Q);
  expandArma(Float64Array.from(coef), { p, d: 0, q, P, D: 0, Q, period }, phi, theta);
  return { phi, theta, r: Math.max(phi.length, theta.length + 1) };
}

const models = [
  ["AR(1)", seasonal([0.5], 1, 0, 0, 0, 1)],
  ["ARMA(1,1)", seasonal([0.7, 0.4], 1, 1, 0, 0, 1)],
  ["ARMA(2,3)", seasonal([1.2, -0.5, 0.3, -0.2, 0.1], 2, 3, 0, 0, 1)],
  ["MA(2)", seasonal([0.6, -0.3], 0, 2, 0, 0, 1)],
  ["ARMA(1,1)(1,2)[12]", seasonal([0.6, -0.4, 0.8, -0.5, 0.2], 1, 1, 1, 2, 12)],
  ["ARMA(2,0)(2,0)[4]", seasonal([0.3, 0.2, 0.5, 0.3], 2, 0, 2, 0, 4)],
] as const;

describe("stationaryCovariance(phi, theta, r)", () => {
  test.each(models)("%s: the sum of T^k R R' T'^k, to 1e-9 relative", (_, { phi, theta, r }) => {
    const out = new Float64Array(r * r);
    expect(stationaryCovariance(phi, theta, r, out, stationaryScratch(phi.length, theta.length))).toBe(true);
    const expected = bruteForce(phi, theta, r);
    const scale = Math.max(...expected.map(Math.abs));
    for (let i = 0; i < r * r; i++) expect(Math.abs(out[i] - expected[i])).toBeLessThan(1e-9 * scale);
  });

  test("an ARMA(1,1) has the textbook variance (1 + 2 phi theta + theta^2) / (1 - phi^2)", () => {
    const out = new Float64Array(2);
    stationaryFirstColumn(Float64Array.of(0.7), Float64Array.of(0.4), 2, out, stationaryScratch(1, 1));
    expect(out[0]).toBeCloseTo((1 + 2 * 0.7 * 0.4 + 0.16) / (1 - 0.49), 12);
  });

  test("a unit or explosive AR root has no stationary covariance", () => {
    const out = new Float64Array(4);
    const scratch = stationaryScratch(1, 0);
    expect(stationaryFirstColumn(Float64Array.of(1), new Float64Array(0), 1, out, scratch)).toBe(false);
    expect(stationaryFirstColumn(Float64Array.of(1.2), new Float64Array(0), 1, out, scratch)).toBe(false);
    const ar2 = Float64Array.of(2.5, -1); // (1 - 0.5B)(1 - 2B): a root inside the unit circle
    expect(stationaryCovariance(ar2, new Float64Array(0), 2, out, stationaryScratch(2, 0))).toBe(false);
  });
});
