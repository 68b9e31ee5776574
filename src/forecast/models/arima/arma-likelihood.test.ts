import { describe, expect, test } from "vitest";
import { Random } from "../../random.js";
import { expandArma } from "./arima-polynomials.js";
import { armaLikelihood, armaLikelihoodScratch } from "./arma-likelihood.js";
import { kalmanFilter } from "./kalman-filter.js";
import { createStateSpace, resetStateSpace } from "./state-space.js";

function simulate(phi: Float64Array, theta: Float64Array, n: number, seed: number): Float64Array {
  const random = new Random(seed);
  const burn = 500;
  const e = new Float64Array(n + burn);
  const x = new Float64Array(n + burn);
  for (let t = 0; t < n + burn; t++) {
    e[t] = random.normal();
    let v = e[t];
    for (let j = 0; j < phi.length && j < t; j++) v += phi[j] * x[t - j - 1];
    for (let j = 0; j < theta.length && j < t; j++) v += theta[j] * e[t - j - 1];
    x[t] = v;
  }
  return x.subarray(burn);
}

function polynomials(coef: number[], p: number, q: number, P: number, Q: number, period: number) {
  const phi = new Float64Array(p + period * P);
  const theta = new Float64Array(q + period * Q);
  expandArma(Float64Array.from(coef), { p, d: 0, q, P, D: 0, Q, period }, phi, theta);
  return { phi, theta };
}

const models = [
  ["ARMA(1,1)", polynomials([0.7, 0.4], 1, 1, 0, 0, 1)],
  ["MA(1) near non-invertible", polynomials([-0.97], 0, 1, 0, 0, 1)],
  ["ARMA(2,1)(1,1)[12]", polynomials([0.5, 0.2, -0.3, 0.6, -0.7], 2, 1, 1, 1, 12)],
  ["MA(1)(2)[12]", polynomials([-0.4, -0.6, 0.1], 0, 1, 0, 2, 12)],
  ["white noise", polynomials([], 0, 0, 0, 0, 1)],
] as const;

describe("armaLikelihood(phi, theta, x)", () => {
  test.each(models)("%s: the sums of the full Kalman filter, to 1e-10 relative", (_, { phi, theta }) => {
    const x = simulate(phi, theta, 300, 7);
    const fast = { ssq: 0, sumlog: 0, nu: 0 };
    expect(armaLikelihood(phi, theta, x, fast, armaLikelihoodScratch(phi.length, theta.length))).toBe(true);
    const model = createStateSpace(phi.length, theta.length, new Float64Array(0));
    expect(resetStateSpace(model, phi, theta)).toBe(true);
    const full = { ssq: 0, sumlog: 0, nu: 0 };
    kalmanFilter(model, x, 0, x.length, full, null);
    expect(fast.nu).toBe(300);
    expect(Math.abs(fast.ssq - full.ssq)).toBeLessThan(1e-10 * full.ssq);
    expect(Math.abs(fast.sumlog - full.sumlog)).toBeLessThan(1e-10 * Math.max(1, Math.abs(full.sumlog)));
  });

  test("refuses a non-stationary AR part", () => {
    const sums = { ssq: 0, sumlog: 0, nu: 0 };
    const phi = Float64Array.of(1);
    const ok = armaLikelihood(
      phi,
      new Float64Array(0),
      Float64Array.of(1, 2, 3),
      sums,
      armaLikelihoodScratch(1, 0),
    );
    expect(ok).toBe(false);
  });
});
