import type { Forecaster, ForecastRequest, ForecastResult } from "../../forecaster.js";
import { normalIntervals } from "../../normal-intervals.js";
import { naiveResult } from "./naive.js";
import { residualSigma } from "./residual-sigma.js";
import { smallestSeason } from "./smallest-season.js";
import { assertOrigins, assertRequest, assertSeries } from "./validate-input.js";

function seasonOf(fixedSeason: number | undefined, request: ForecastRequest): number {
  return fixedSeason ?? smallestSeason(request.seasons);
}

function seasonalNaiveResult(y: Float64Array, request: ForecastRequest, m: number): ForecastResult {
  const n = y.length;
  const fitted = new Float64Array(n);
  fitted.fill(Number.NaN, 0, m);
  for (let t = m; t < n; t++) fitted[t] = y[t - m];
  const sigma = residualSigma(y, fitted, 0);
  const mean = new Float64Array(request.horizon);
  const sd = new Float64Array(request.horizon);
  for (let h = 0; h < mean.length; h++) {
    mean[h] = y[n - m + (h % m)];
    // FPP3 section 5.5: sigma * sqrt(k + 1), k the number of complete seasons before step h + 1.
    sd[h] = sigma * Math.sqrt(Math.floor(h / m) + 1);
  }
  return { mean, ...normalIntervals(mean, sd, request.levels), fitted, description: `SeasonalNaive(${m})` };
}

/**
 * The seasonal naive method ("snaive"): each step repeats the observation one season earlier. The season
 * is `season` when given, else the smallest of the request's seasons. Intervals are the seasonal random
 * walk's, sigma * sqrt(floor((h - 1) / m) + 1), sigma from the residuals y[t] - y[t - m] (FPP3 section
 * 5.5).
 *
 * Falls back to the naive method (and says so in the description) when there is no season or the series
 * is no longer than one season, since then no seasonal residual exists to size the intervals.
 *
 * @param season the seasonal period in steps (>= 2); defaults to the request's smallest season
 * @example
 * const y = new Float64Array([1, 2, 3, 1, 2, 3]);
 * seasonalNaive().forecast(y, { horizon: 4, levels: [], seasons: [3] }).mean // [1, 2, 3, 1]
 */
export function seasonalNaive(season?: number): Forecaster {
  if (season !== undefined && (!Number.isInteger(season) || season < 2)) {
    throw new RangeError(`season must be an integer >= 2, got ${season}`);
  }
  return {
    name: "snaive",
    forecast(y, request) {
      assertSeries(y);
      assertRequest(request);
      const m = seasonOf(season, request);
      if (m < 2) return naiveResult(y, request, "Naive (no season)");
      if (y.length <= m)
        return naiveResult(y, request, `Naive (season ${m} needs more than ${y.length} points)`);
      return seasonalNaiveResult(y, request, m);
    },
    forecastOrigins(y, origins, request) {
      assertSeries(y);
      assertRequest(request);
      assertOrigins(origins, y.length);
      const m = seasonOf(season, request);
      const forecasts: Float64Array[] = [];
      for (const origin of origins) {
        const forecast = new Float64Array(request.horizon);
        for (let h = 0; h < forecast.length; h++) {
          forecast[h] = m < 2 || origin <= m ? y[origin - 1] : y[origin - m + (h % m)];
        }
        forecasts.push(forecast);
      }
      return forecasts;
    },
  };
}
