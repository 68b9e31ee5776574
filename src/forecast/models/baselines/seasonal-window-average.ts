import type { Forecaster, ForecastRequest, ForecastResult } from "../../forecaster.js";
import { normalIntervals } from "../../normal-intervals.js";
import { naiveResult } from "./naive.js";
import { residualSigma } from "./residual-sigma.js";
import { smallestSeason } from "./smallest-season.js";
import { assertOrigins, assertRequest, assertSeries } from "./validate-input.js";
import { assertWindow } from "./window-average.js";

/** The mean of y[target - j * m] for j = 1..seasons: the same position in the `seasons` seasons before. */
function sameSeasonMean(y: Float64Array, target: number, m: number, seasons: number): number {
  let sum = 0;
  for (let j = 1; j <= seasons; j++) sum += y[target - j * m];
  return sum / seasons;
}

function seasonalWindowResult(y: Float64Array, request: ForecastRequest, m: number, windowSeasons: number) {
  const n = y.length;
  const seasons = Math.min(windowSeasons, Math.floor(n / m));
  const fitted = new Float64Array(n);
  fitted.fill(Number.NaN, 0, m);
  // Before `seasons` full seasons exist, the fitted value averages the seasons there are.
  for (let t = m; t < n; t++) fitted[t] = sameSeasonMean(y, t, m, Math.min(seasons, Math.floor(t / m)));
  const sigma = residualSigma(y, fitted, 0);
  const mean = new Float64Array(request.horizon);
  for (let h = 0; h < mean.length; h++) mean[h] = sameSeasonMean(y, n + (h % m), m, seasons);
  const sd = new Float64Array(request.horizon).fill(sigma);
  const description = `SeasonalWindowAverage(${m} x ${seasons})`;
  const result: ForecastResult = { mean, ...normalIntervals(mean, sd, request.levels), fitted, description };
  return result;
}

/**
 * The seasonal window average ("seasonal_window_average", statsforecast's SeasonalWindowAverage): each
 * step is forecast by the mean of the same position in the last `windowSeasons` seasons (as many as the
 * series holds), the season being `season` or else the request's smallest.
 *
 * Intervals are a constant mean -/+ z * sigma, sigma from the one-step residuals against the same-position
 * mean of the preceding seasons; as for the window average, this assumes each position varies
 * independently around a fixed seasonal profile. Falls back to the naive method, and says so, when there
 * is no season or the series is no longer than one season.
 *
 * @param windowSeasons seasons to average (integer >= 1), default 4
 * @param season the seasonal period in steps (>= 2); defaults to the request's smallest season
 * @example
 * const y = new Float64Array([1, 10, 3, 12]);
 * seasonalWindowAverage(2).forecast(y, { horizon: 2, levels: [], seasons: [2] }).mean // [2, 11]
 */
export function seasonalWindowAverage(windowSeasons = 4, season?: number): Forecaster {
  assertWindow(windowSeasons, "windowSeasons");
  if (season !== undefined && (!Number.isInteger(season) || season < 2)) {
    throw new RangeError(`season must be an integer >= 2, got ${season}`);
  }
  return {
    name: "seasonal_window_average",
    forecast(y, request) {
      assertSeries(y);
      assertRequest(request);
      const m = season ?? smallestSeason(request.seasons);
      if (m < 2) return naiveResult(y, request, "Naive (no season)");
      if (y.length <= m)
        return naiveResult(y, request, `Naive (season ${m} needs more than ${y.length} points)`);
      return seasonalWindowResult(y, request, m, windowSeasons);
    },
    forecastOrigins(y, origins, request) {
      assertSeries(y);
      assertRequest(request);
      assertOrigins(origins, y.length);
      const m = season ?? smallestSeason(request.seasons);
      const forecasts: Float64Array[] = [];
      for (const origin of origins) {
        const forecast = new Float64Array(request.horizon);
        const seasons = Math.min(windowSeasons, Math.floor(origin / m));
        for (let h = 0; h < forecast.length; h++) {
          forecast[h] =
            m < 2 || origin <= m ? y[origin - 1] : sameSeasonMean(y, origin + (h % m), m, seasons);
        }
        forecasts.push(forecast);
      }
      return forecasts;
    },
  };
}
