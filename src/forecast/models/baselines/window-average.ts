import type { Forecaster, ForecastRequest } from "../../forecaster.js";
import { normalIntervals } from "../../normal-intervals.js";
import { residualSigma } from "./residual-sigma.js";
import { smallestSeason } from "./smallest-season.js";
import { meanBefore, trailingMeanFitted } from "./trailing-mean.js";
import { assertOrigins, assertRequest, assertSeries } from "./validate-input.js";

/** The window a window-based baseline uses when none is given: the smallest season, else a week of days. */
export function defaultWindow(request: ForecastRequest): number {
  return smallestSeason(request.seasons) || 7;
}

/**
 * Throws unless `window` is undefined or an integer >= 1.
 * @param name the parameter's name, for the message
 */
export function assertWindow(window: number | undefined, name: string): void {
  if (window !== undefined && (!Number.isInteger(window) || window < 1)) {
    throw new RangeError(`${name} must be an integer >= 1, got ${window}`);
  }
}

/**
 * The window average ("window_average", statsforecast's WindowAverage): every step is forecast by the mean
 * of the last `window` observations (all of them when the series is shorter).
 *
 * Intervals treat the observations as independent around a level: then the one-step residuals
 * y[t] - mean(previous window) are honest out-of-sample errors whose spread, sigma, is also the spread of
 * the error at every horizon (it already carries FPP3's sqrt(1 + 1/window) factor of the mean method), so
 * the bounds are a constant mean -/+ z * sigma. Under a wandering level they are too narrow; the naive or
 * EWMA baselines suit such series.
 *
 * @param window observations to average (integer >= 1); defaults to the request's smallest season, else 7
 * @example
 * windowAverage(2).forecast(new Float64Array([1, 2, 3, 5]), { horizon: 2, levels: [], seasons: [] }).mean
 * // [4, 4]
 */
export function windowAverage(window?: number): Forecaster {
  assertWindow(window, "window");
  return {
    name: "window_average",
    forecast(y, request) {
      assertSeries(y);
      assertRequest(request);
      const w = Math.min(window ?? defaultWindow(request), y.length);
      const fitted = trailingMeanFitted(y, w, new Float64Array(y.length));
      const sigma = residualSigma(y, fitted, 0);
      const mean = new Float64Array(request.horizon).fill(meanBefore(y, y.length, w));
      const sd = new Float64Array(request.horizon).fill(sigma);
      return {
        mean,
        ...normalIntervals(mean, sd, request.levels),
        fitted,
        description: `WindowAverage(${w})`,
      };
    },
    forecastOrigins(y, origins, request) {
      assertSeries(y);
      assertRequest(request);
      assertOrigins(origins, y.length);
      const w = window ?? defaultWindow(request);
      const forecasts: Float64Array[] = [];
      for (const origin of origins)
        forecasts.push(new Float64Array(request.horizon).fill(meanBefore(y, origin, w)));
      return forecasts;
    },
  };
}
