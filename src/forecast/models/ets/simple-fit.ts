import { ADDITIVE, etsFilter, NONE } from "./ets-filter.js";
import type { EtsFit } from "./fit-ets.js";

const SIMPLE_FORM = { error: "A", trend: "N", damped: false, season: "N", period: 1 } as const;

/**
 * ETS(A,N,N) with a given alpha and the first observation as the initial level, without optimisation: what
 * R's forecast::ets returns for a constant series (`ses(y, alpha = 0.99999, initial = "simple")`), and
 * the fallback for series too short to estimate anything (with alpha near 1: the naive forecast, whose
 * interval widens like a random walk's). sigma^2 is the mean squared one-step error after the first.
 *
 * @param y observations
 * @param n use y[0, n)
 * @param alpha level smoothing
 * @example simpleEtsFit(Float64Array.of(5, 5, 5), 3, 0.9999).sigma2 // 0
 */
export function simpleEtsFit(y: Float64Array, n: number, alpha: number): EtsFit {
  const state = Float64Array.of(y[0], 0);
  const initialState = state.slice();
  const fitted = new Float64Array(n);
  const totals = new Float64Array(2);
  const lik = etsFilter(
    y,
    n,
    ADDITIVE,
    NONE,
    NONE,
    1,
    alpha,
    0,
    0,
    1,
    state,
    new Float64Array(1),
    fitted,
    totals,
  );
  const sigma2 = n > 1 ? totals[0] / (n - 1) : 0;
  const bounded = Number.isNaN(lik) ? Number.POSITIVE_INFINITY : Math.max(lik, -1e10);
  return {
    form: SIMPLE_FORM,
    alpha,
    beta: 0,
    gamma: 0,
    phi: 1,
    initialState,
    finalState: state,
    fitted,
    n,
    logLikelihood: -0.5 * bounded,
    aic: Number.NaN,
    aicc: Number.NaN,
    bic: Number.NaN,
    sigma2,
    estimated: 0,
    evaluations: 0,
    point: Float64Array.of(alpha, y[0]),
  };
}
