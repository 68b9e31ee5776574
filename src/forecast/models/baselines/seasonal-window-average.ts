import type { Forecaster } from "../../forecaster.js";
import { seasonalWindow } from "./seasonal-window.js";
import { smallestSeason } from "./smallest-season.js";

/** The mean of y[target - j * m] for j = 1..seasons: the same position in the `seasons` seasons before. */
function sameSeasonMean(y: Float64Array, target: number, m: number, seasons: number): number {
  let sum = 0;
  for (let j = 1; j <= seasons; j++) sum += y[target - j * m];
  return sum / seasons;
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
  return seasonalWindow(windowSeasons, season, {
    name: "seasonal_window_average",
    label: "SeasonalWindowAverage",
    statistic: sameSeasonMean,
    defaultSeason: (request) => smallestSeason(request.seasons),
  });
}
