import type { Forecaster, ForecastRequest } from "../../forecaster.js";
import { normalIntervals } from "../../normal-intervals.js";
import { residualSigma } from "./residual-sigma.js";
import { trailingMeanFitted } from "./trailing-mean.js";
import { assertOrigins, assertRequest, assertSeries } from "./validate-input.js";
import { assertWindow, defaultWindow } from "./window-average.js";

/**
 * Rolls the mean forward over y[0, end): step h forecasts the mean of the `window` values before it,
 * earlier forecasts standing in for the observations not yet seen. `buffer` holds window + horizon values.
 */
function rollForward(y: Float64Array, end: number, window: number, buffer: Float64Array, out: Float64Array) {
  let sum = 0;
  for (let i = 0; i < window; i++) {
    buffer[i] = y[end - window + i];
    sum += buffer[i];
  }
  for (let h = 0; h < out.length; h++) {
    const next = sum / window;
    out[h] = next;
    buffer[window + h] = next;
    sum += next - buffer[h];
  }
}

/**
 * The h-step standard deviations of the rolling mean, seen as the autoregression
 * y[t] = (y[t-1] + ... + y[t-w]) / w + e[t]: sigma * sqrt(psi_0^2 + ... + psi_{h-1}^2), with the
 * moving-average weights psi_0 = 1, psi_j = (psi_{j-1} + ... + psi_{j-w}) / w (Box & Jenkins' psi form).
 */
function rollingSd(sigma: number, window: number, horizon: number): Float64Array {
  const psi = new Float64Array(horizon);
  const sd = new Float64Array(horizon);
  let windowSum = 0;
  let squares = 0;
  for (let j = 0; j < horizon; j++) {
    psi[j] = j === 0 ? 1 : windowSum / window;
    windowSum += psi[j];
    if (j >= window) windowSum -= psi[j - window];
    squares += psi[j] * psi[j];
    sd[j] = sigma * Math.sqrt(squares);
  }
  return sd;
}

/**
 * The rolling mean ("rolling_mean"): a recursive moving average. The next step is forecast by the mean of
 * the last `window` observations, and each later step by the mean of the `window` values before it, its
 * own earlier forecasts included. Unlike the flat window average, its forecasts follow the recent shape
 * of the series and settle on a weighted mean of the window, and its intervals widen with the horizon:
 * the recursion is an autoregression with a unit root, whose psi weights give the h-step variance
 * (window 1 is the naive method). Sigma comes from the one-step residuals y[t] - mean(previous window).
 *
 * @param window observations to average (integer >= 1); defaults to the request's smallest season, else 7
 * @example
 * rollingMean(2).forecast(new Float64Array([0, 2, 4]), { horizon: 3, levels: [], seasons: [] }).mean
 * // [3, 3.5, 3.25]
 */
export function rollingMean(window?: number): Forecaster {
  assertWindow(window, "window");
  const windowOf = (request: ForecastRequest) => window ?? defaultWindow(request);
  return {
    name: "rolling_mean",
    forecast(y, request) {
      assertSeries(y);
      assertRequest(request);
      const w = Math.min(windowOf(request), y.length);
      const fitted = trailingMeanFitted(y, w, new Float64Array(y.length));
      const mean = new Float64Array(request.horizon);
      rollForward(y, y.length, w, new Float64Array(w + request.horizon), mean);
      const sd = rollingSd(residualSigma(y, fitted, 0), w, request.horizon);
      return { mean, ...normalIntervals(mean, sd, request.levels), fitted, description: `RollingMean(${w})` };
    },
    forecastOrigins(y, origins, request) {
      assertSeries(y);
      assertRequest(request);
      assertOrigins(origins, y.length);
      const w = windowOf(request);
      const buffer = new Float64Array(w + request.horizon);
      const forecasts: Float64Array[] = [];
      for (const origin of origins) {
        const forecast = new Float64Array(request.horizon);
        rollForward(y, origin, Math.min(w, origin), buffer, forecast);
        forecasts.push(forecast);
      }
      return forecasts;
    },
  };
}
