import type { Forecaster, ForecastRequest, ForecastResult } from "../../forecaster.js";
import { normalIntervals } from "../../normal-intervals.js";
import { residualSigma } from "./residual-sigma.js";
import { assertOrigins, assertRequest, assertSeries } from "./validate-input.js";

/**
 * The naive method's forecast: every step repeats the last observation, with the random walk's
 * h-step standard deviation sigma * sqrt(h) (FPP3 section 5.5). Shared with the seasonal baselines,
 * which fall back to it when the series holds no full season.
 */
export function naiveResult(y: Float64Array, request: ForecastRequest, description: string): ForecastResult {
  const n = y.length;
  const fitted = new Float64Array(n);
  fitted[0] = Number.NaN;
  for (let t = 1; t < n; t++) fitted[t] = y[t - 1];
  const sigma = residualSigma(y, fitted, 0);
  const mean = new Float64Array(request.horizon).fill(y[n - 1]);
  const sd = new Float64Array(request.horizon);
  for (let h = 0; h < sd.length; h++) sd[h] = sigma * Math.sqrt(h + 1);
  return { mean, ...normalIntervals(mean, sd, request.levels), fitted, description };
}

/** The naive forecasts made at each origin: the observation just before it. */
function naiveOrigins(y: Float64Array, origins: readonly number[], horizon: number): Float64Array[] {
  const forecasts: Float64Array[] = [];
  for (const origin of origins) forecasts.push(new Float64Array(horizon).fill(y[origin - 1]));
  return forecasts;
}

/**
 * The naive method ("naive"): the forecast of every step is the last observation. Intervals follow the
 * random walk, sigma * sqrt(h), sigma from the one-step residuals y[t] - y[t - 1]. A single observation
 * has no residual, so its bounds are NaN.
 *
 * @example
 * naive().forecast(new Float64Array([3, 5, 4]), { horizon: 2, levels: [80], seasons: [] }).mean // [4, 4]
 */
export function naive(): Forecaster {
  return {
    name: "naive",
    forecast(y, request) {
      assertSeries(y);
      assertRequest(request);
      return naiveResult(y, request, "Naive");
    },
    forecastOrigins(y, origins, request) {
      assertSeries(y);
      assertRequest(request);
      assertOrigins(origins, y.length);
      return naiveOrigins(y, origins, request.horizon);
    },
  };
}
