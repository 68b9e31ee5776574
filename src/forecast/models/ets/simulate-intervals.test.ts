import { describe, expect, test } from "vitest";
import { normalQuantile } from "../../normal-quantile.js";
import type { EtsFit } from "./fit-ets.js";
import { simulateEtsIntervals } from "./simulate-intervals.js";

function makeFit(error: "A" | "M", sigma2: number): EtsFit {
  return {
    form: { error, trend: "N", damped: false, season: "N", period: 1 },
    alpha: 0.4,
    beta: 0,
    gamma: 0,
    phi: 1,
    initialState: Float64Array.of(100, 0),
    finalState: Float64Array.of(100, 0),
    fitted: new Float64Array(0),
    n: 0,
    logLikelihood: 0,
    aic: 0,
    aicc: 0,
    bic: 0,
    sigma2,
    estimated: 0,
    evaluations: 0,
    point: new Float64Array(0),
  };
}

describe("simulateEtsIntervals(fit, horizon, levels)", () => {
  test("reproduces the exact ETS(A,N,N) interval sigma (1 + (h-1) alpha^2)^(1/2) z within sampling error", () => {
    const { lower, upper } = simulateEtsIntervals(makeFit("A", 4), 6, [80, 95], { paths: 20_000 });
    for (let h = 0; h < 6; h++) {
      const sd = Math.sqrt(4 * (1 + h * 0.16));
      expect(upper[1][h] - 100).toBeCloseTo(normalQuantile(0.975) * sd, 0);
      expect(100 - lower[0][h]).toBeCloseTo(normalQuantile(0.9) * sd, 0);
    }
  });

  test("is reproducible for a seed and changes with it", () => {
    const a = simulateEtsIntervals(makeFit("M", 0.01), 4, [90], { seed: 5, paths: 500 });
    const b = simulateEtsIntervals(makeFit("M", 0.01), 4, [90], { seed: 5, paths: 500 });
    const c = simulateEtsIntervals(makeFit("M", 0.01), 4, [90], { seed: 6, paths: 500 });
    expect(Array.from(a.upper[0])).toEqual(Array.from(b.upper[0]));
    expect(Array.from(a.upper[0])).not.toEqual(Array.from(c.upper[0]));
  });

  test("keeps a multiplicative-error series non-negative however wide the noise", () => {
    const { lower } = simulateEtsIntervals(makeFit("M", 4), 5, [99], { paths: 2000 });
    for (let h = 0; h < 5; h++) expect(lower[0][h]).toBeGreaterThanOrEqual(0);
  });
});
