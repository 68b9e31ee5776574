import type { ForecastRequest, ForecastResult } from "../../forecaster.js";
import { normalIntervals } from "../../normal-intervals.js";
import { fitTheta, type ThetaFit, type ThetaKind } from "./fit-theta.js";
import { naiveFallback, naiveOrigins } from "./naive-fallback.js";
import {
  chooseSeasonalAdjustment,
  deseasonalize,
  reseasonalize,
  type SeasonalAdjustment,
} from "./seasonal-adjustment.js";
import { thetaFilter, thetaForecastPath } from "./theta-filter.js";
import { thetaForecastVariance } from "./theta-variance.js";
import { validateForecastInput, validateOrigins } from "./validate-forecast-input.js";

/** A Theta family member, or "auto" for the one with the smallest in-sample MSE. */
export type ThetaVariant = ThetaKind | "auto";

/** Shortest series a Theta model is fitted to; shorter ones get the naive forecast. */
export const MIN_THETA_LENGTH = 4;

const AUTO_CANDIDATES: readonly ThetaKind[] = ["stm", "otm", "dotm"];
/** MSEs this close count as equal, and the simpler model (earlier in AUTO_CANDIDATES) wins. */
const MSE_TIE = 1e-9;

/**
 * Fits a Theta model to the first `count` observations, deseasonalised when seasonal, with trend states
 * out to `length`.
 */
function fitVariant(adjusted: Float64Array, count: number, variant: ThetaVariant, length: number): ThetaFit {
  if (variant !== "auto") return fitTheta(adjusted, count, variant, length);
  // statsforecast's AutoTheta: the candidate with the smallest in-sample one-step MSE.
  let best = fitTheta(adjusted, count, AUTO_CANDIDATES[0], length);
  for (let i = 1; i < AUTO_CANDIDATES.length; i++) {
    const fit = fitTheta(adjusted, count, AUTO_CANDIDATES[i], length);
    if (fit.mse < best.mse * (1 - MSE_TIE)) best = fit;
  }
  return best;
}

function describe(kind: ThetaKind, adjustment: SeasonalAdjustment | null): string {
  const name = kind.toUpperCase();
  if (adjustment === null) return `Theta(${name})`;
  const additive = adjustment.multiplicative ? "" : ", additive";
  return `Theta(${name}, seasonal ${adjustment.period}${additive})`;
}

/** Largest |y[t]| for t < count, or 1 when all are zero: fitting y / scale keeps sums of squares in range. */
function scaleOf(y: Float64Array, count: number): number {
  let scale = 0;
  for (let t = 0; t < count; t++) scale = Math.max(scale, Math.abs(y[t]));
  return scale > 0 ? scale : 1;
}

/** The series as the model sees it: y / scale, deseasonalised when y[0, count) is seasonal. */
interface Prepared {
  readonly scale: number;
  readonly adjustment: SeasonalAdjustment | null;
  readonly adjusted: Float64Array;
}

/** Scales y and deseasonalises it, deciding on seasonality and the indices from y[0, count) only. */
function prepare(y: Float64Array, count: number, seasons: readonly number[]): Prepared {
  const scale = scaleOf(y, count);
  // A plain loop: Float64Array.from with a mapping function is many times slower in V8.
  const adjusted = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) adjusted[t] = y[t] / scale;
  const adjustment = chooseSeasonalAdjustment(adjusted, count, seasons);
  if (adjustment !== null) deseasonalize(adjusted, adjusted.length, adjustment, adjusted);
  return { scale, adjustment, adjusted };
}

function multiply(values: Float64Array, factor: number): void {
  for (let i = 0; i < values.length; i++) values[i] *= factor;
}

/**
 * Fits a Theta model to `y` and forecasts `request.horizon` steps with Gaussian prediction intervals
 * from the model's state-space form, reseasonalised like the point forecasts.
 *
 * @param y observations, finite, at least one
 * @param request horizon, levels and seasons; the longest season with two full seasons of data that passes the seasonality test is used
 * @param variant "stm", "otm", "dotm" or "auto"
 * @example forecastTheta(new Float64Array([3, 5, 4, 6, 5, 7, 6, 8]), { horizon: 2, levels: [80], seasons: [] }, "otm")
 */
export function forecastTheta(
  y: Float64Array,
  request: ForecastRequest,
  variant: ThetaVariant,
): ForecastResult {
  validateForecastInput(y, request);
  const n = y.length;
  if (n < MIN_THETA_LENGTH) return naiveFallback(y, request);
  const { horizon, levels } = request;
  const { scale, adjustment, adjusted } = prepare(y, n, request.seasons);
  const fit = fitVariant(adjusted, n, variant, n);
  const mean = new Float64Array(horizon);
  thetaForecastPath(fit.parameters, fit.trend, fit.levels[n], n, horizon, mean);
  const variance = new Float64Array(horizon);
  thetaForecastVariance(fit.parameters, fit.trend, n, horizon, fit.sigma2, variance);
  const sd = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) sd[h] = Math.sqrt(variance[h]);
  const { lower, upper } = normalIntervals(mean, sd, levels);
  const fitted = Float64Array.from(fit.fitted);
  if (adjustment !== null) {
    // Multiplicative indices are positive, so the bounds keep their order.
    reseasonalize(mean, 0, horizon, n, adjustment);
    for (const bound of lower) reseasonalize(bound, 0, horizon, n, adjustment);
    for (const bound of upper) reseasonalize(bound, 0, horizon, n, adjustment);
    reseasonalize(fitted, 0, n, 0, adjustment);
  }
  for (const values of [mean, fitted, ...lower, ...upper]) multiply(values, scale);
  return { mean, lower, upper, fitted, description: describe(fit.kind, adjustment) };
}

/**
 * The refit-free cross-validation path: fits once on `y[0, origins[0])` (model choice, parameters and
 * seasonal indices all fixed there), runs the filter over the rest of `y`, and returns the point
 * forecasts of `request.horizon` steps from each origin.
 *
 * @param y observations
 * @param origins ascending, each in [1, y.length]
 * @param request horizon and seasons (levels are not used)
 * @param variant "stm", "otm", "dotm" or "auto"
 * @example forecastThetaOrigins(y, [100, 101, 102], { horizon: 7, levels: [], seasons: [7] }, "auto")
 */
export function forecastThetaOrigins(
  y: Float64Array,
  origins: readonly number[],
  request: ForecastRequest,
  variant: ThetaVariant,
): Float64Array[] {
  validateForecastInput(y, request);
  validateOrigins(origins, y.length);
  if (origins.length === 0) return [];
  const { horizon } = request;
  const training = origins[0];
  if (training < MIN_THETA_LENGTH) return naiveOrigins(y, origins, horizon);
  const n = y.length;
  const { scale, adjustment, adjusted } = prepare(y, training, request.seasons);
  const fit = fitVariant(adjusted, training, variant, n);
  const levels = new Float64Array(n + 1);
  const fitted = new Float64Array(n);
  thetaFilter(adjusted, n, fit.parameters, fit.trend, levels, fitted);
  return origins.map((origin) => {
    const forecast = new Float64Array(horizon);
    thetaForecastPath(fit.parameters, fit.trend, levels[origin], origin, horizon, forecast);
    if (adjustment !== null) reseasonalize(forecast, 0, horizon, origin, adjustment);
    multiply(forecast, scale);
    return forecast;
  });
}
