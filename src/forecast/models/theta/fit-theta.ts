import { minimizeBounded } from "./minimize-bounded.js";
import { type ThetaParameters, thetaFilter } from "./theta-filter.js";
import { profileThetaSse } from "./theta-profile.js";
import { dynamicTrend, staticTrend, type ThetaTrend } from "./theta-trend.js";

/** The members of the Theta family: standard, optimised, dynamic optimised. */
export type ThetaKind = "stm" | "otm" | "dotm";

/** A fitted Theta model on the deseasonalised scale. */
export interface ThetaFit {
  readonly kind: ThetaKind;
  readonly parameters: ThetaParameters;
  /** Trend states for t = 0 .. the `length` asked of fitTheta. */
  readonly trend: ThetaTrend;
  /** Levels l_0 .. l_count. */
  readonly levels: Float64Array;
  /** One-step forecasts of y[0] .. y[count - 1]. */
  readonly fitted: Float64Array;
  /** Mean squared one-step error after the burn-in: what AutoTheta compares. */
  readonly mse: number;
  /** Variance of the one-step errors, corrected for the estimated parameters. */
  readonly sigma2: number;
}

/** forecast::ets's bounds for the SES inside the standard Theta method (thetaf). */
const SES_ALPHA: readonly [number, number] = [1e-4, 0.9999];
/** forecTheta's (Fiorucci's R package) and statsforecast's bounds for the optimised models. */
const OPTIMISED_ALPHA: readonly [number, number] = [0.1, 0.99];
/** Grid points of alpha's search before Brent refines the best (both bounds included). */
const ALPHA_GRID = 9;
/**
 * Absolute tolerance on alpha. The squared error is flat at its minimum (a step of 1e-4 in alpha moves it
 * by a fraction of order 1e-8), far inside alpha's sampling error; a tolerance of 1e-6 took a third more
 * evaluations of the profile, the hot loop of every Theta fit, for no change in the benchmark's MASE or
 * coverage at three decimals.
 */
const ALPHA_TOLERANCE = 1e-4;

/** Leading one-step errors left out of the MSE: three, as statsforecast, fewer on very short series. */
export function burnInFor(count: number): number {
  return Math.min(3, Math.max(0, count - 4));
}

/**
 * Fits one member of the Theta family to `y[0, count)`, count >= 4.
 *
 * - STM, the standard Theta method (Assimakopoulos & Nikolopoulos 2000) as Hyndman & Billah (2003) show it
 *   and forecast::thetaf computes it: simple exponential smoothing with alpha and l_0 by least squares,
 *   plus a drift of half the least-squares slope. Written in the state-space form with theta = 2.
 * - OTM, the optimised Theta model (Fiorucci et al. 2016): alpha, theta >= 1 and l_0 minimise the
 *   in-sample MSE of the one-step forecasts; static trend line.
 * - DOTM, the dynamic optimised Theta model (same paper): as OTM with the trend line refitted recursively
 *   as each observation arrives.
 *
 * @param y observations (deseasonalised)
 * @param count observations to fit
 * @param kind which model
 * @param length how far to compute the trend states (>= count), for filtering later data
 */
export function fitTheta(y: Float64Array, count: number, kind: ThetaKind, length = count): ThetaFit {
  const trend = kind === "dotm" ? dynamicTrend(y, length) : staticTrend(y, count, length);
  const burnIn = burnInFor(count);
  const solution = new Float64Array(2);
  let parameters: ThetaParameters;
  if (kind === "stm") {
    const sesSse = (alpha: number) => profileThetaSse(y, count, null, alpha, 0, 0, solution);
    const { x: alpha } = minimizeBounded(sesSse, SES_ALPHA[0], SES_ALPHA[1], ALPHA_GRID, ALPHA_TOLERANCE);
    sesSse(alpha);
    // SES from l'_0 plus the drift B/2 (1 - (1 - alpha)^t) / alpha equals the state-space form with
    // theta = 2 and l_0 = l'_0 - (A + B) / 2 (expand both one-step forecasts).
    const level0 = solution[0] - 0.5 * (trend.intercept[0] + trend.slope[0]);
    parameters = { alpha, trendWeight: 0.5, level0 };
  } else {
    const thetaSse = (alpha: number) => profileThetaSse(y, count, trend, alpha, burnIn, Number.NaN, solution);
    const { x: alpha } = minimizeBounded(
      thetaSse,
      OPTIMISED_ALPHA[0],
      OPTIMISED_ALPHA[1],
      ALPHA_GRID,
      ALPHA_TOLERANCE,
    );
    thetaSse(alpha);
    parameters = { alpha, trendWeight: solution[1], level0: solution[0] };
  }
  const levels = new Float64Array(count + 1);
  const fitted = new Float64Array(count);
  thetaFilter(y, count, parameters, trend, levels, fitted);
  let sse = 0;
  for (let t = burnIn; t < count; t++) sse += (y[t] - fitted[t]) ** 2;
  const errors = count - burnIn;
  const estimated = kind === "stm" ? 2 : 3;
  return {
    kind,
    parameters,
    trend,
    levels,
    fitted,
    mse: sse / errors,
    sigma2: sse / Math.max(1, errors - estimated),
  };
}
