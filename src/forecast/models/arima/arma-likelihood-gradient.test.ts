import { describe, expect, test } from "vitest";
import { Random } from "../../random.js";
import { expandArma } from "./arima-polynomials.js";
import { armaLikelihood, armaLikelihoodScratch } from "./arma-likelihood.js";
import { armaGradientScratch, armaLikelihoodGradient } from "./arma-likelihood-gradient.js";

function series(n: number, seed: number): Float64Array {
  const random = new Random(seed);
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++)
    x[t] = random.normal() + (t > 0 ? 0.5 * x[t - 1] : 0) + (t >= 4 ? 0.3 * x[t - 4] : 0);
  return x;
}

function objective(phi: Float64Array, theta: Float64Array, x: Float64Array): number {
  const sums = { ssq: 0, sumlog: 0, nu: 0 };
  armaLikelihood(phi, theta, x, sums, armaLikelihoodScratch(phi.length, theta.length));
  return 0.5 * (Math.log(sums.ssq / sums.nu) + sums.sumlog / sums.nu);
}

const models = [
  ["ARMA(1,1)", [0.6, 0.3], { p: 1, d: 0, q: 1, P: 0, D: 0, Q: 0, period: 1 }],
  ["ARMA(2,1)(1,1)[4]", [0.4, -0.2, 0.3, 0.35, -0.5], { p: 2, d: 0, q: 1, P: 1, D: 0, Q: 1, period: 4 }],
  ["MA(2)(1)[4]", [-0.3, 0.2, -0.6], { p: 0, d: 0, q: 2, P: 0, D: 0, Q: 1, period: 4 }],
  ["AR(3)", [0.5, -0.3, 0.2], { p: 3, d: 0, q: 0, P: 0, D: 0, Q: 0, period: 1 }],
] as const;

describe("armaLikelihoodGradient(phi, theta, x)", () => {
  test.each(models)("%s: the central differences of the objective in phi, theta and x", (_, coef, order) => {
    const phi = new Float64Array(order.p + order.period * order.P);
    const theta = new Float64Array(order.q + order.period * order.Q);
    expandArma(Float64Array.from(coef), order, phi, theta);
    const x = series(120, 3);
    const phiBar = new Float64Array(phi.length);
    const thetaBar = new Float64Array(theta.length);
    const xBar = new Float64Array(x.length);
    const scratch = armaGradientScratch(phi.length, theta.length, x.length);
    const value = armaLikelihoodGradient(phi, theta, x, scratch, phiBar, thetaBar, xBar);
    expect(value).toBeCloseTo(objective(phi, theta, x), 10);
    const check = (vector: Float64Array, exact: Float64Array, indices: number[]) => {
      for (const j of indices) {
        const keep = vector[j];
        vector[j] = keep + 1e-6;
        const up = objective(phi, theta, x);
        vector[j] = keep - 1e-6;
        const down = objective(phi, theta, x);
        vector[j] = keep;
        const difference = (up - down) / 2e-6;
        expect(Math.abs(exact[j] - difference)).toBeLessThan(1e-6 * Math.max(1, Math.abs(difference)));
      }
    };
    check(phi, phiBar, Array.from(phi.keys()));
    check(theta, thetaBar, Array.from(theta.keys()));
    check(x, xBar, [0, 1, 5, 60, 119]);
  });

  test("on a long series, past the steady state, the same value as armaLikelihood and its central differences", () => {
    // An ARMA(1,1) settles to a fixed gain within a few dozen steps: most of 600 steps are steady ones.
    const phi = Float64Array.of(0.5);
    const theta = Float64Array.of(0.3);
    const x = series(600, 11);
    const phiBar = new Float64Array(1);
    const thetaBar = new Float64Array(1);
    const xBar = new Float64Array(x.length);
    const scratch = armaGradientScratch(1, 1, x.length);
    const value = armaLikelihoodGradient(phi, theta, x, scratch, phiBar, thetaBar, xBar);
    expect(value).toBe(objective(phi, theta, x));
    for (const [vector, exact, j] of [
      [phi, phiBar, 0],
      [theta, thetaBar, 0],
      [x, xBar, 3],
      [x, xBar, 300],
      [x, xBar, 599],
    ] as const) {
      const keep = vector[j];
      vector[j] = keep + 1e-6;
      const up = objective(phi, theta, x);
      vector[j] = keep - 1e-6;
      const down = objective(phi, theta, x);
      vector[j] = keep;
      const difference = (up - down) / 2e-6;
      expect(Math.abs(exact[j] - difference)).toBeLessThan(1e-6 * Math.max(1, Math.abs(difference)));
    }
  });

  test("returns NaN for a non-stationary AR part", () => {
    const out = new Float64Array(3);
    const scratch = armaGradientScratch(1, 0, 3);
    const phi = Float64Array.of(1);
    expect(
      armaLikelihoodGradient(phi, new Float64Array(0), Float64Array.of(1, 2, 3), scratch, out, out, out),
    ).toBeNaN();
  });
});
