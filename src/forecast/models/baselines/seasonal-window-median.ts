import type { Forecaster } from "../../forecaster.js";
import { selectKth } from "../../select-kth.js";
import { longestSeason } from "./longest-season.js";
import { seasonalWindow } from "./seasonal-window.js";

/**
 * The median of y[target - j * m] for j = 1..seasons (the same position in the `seasons` seasons before),
 * the mean of the middle two when `seasons` is even. `scratch` holds at least `seasons` values.
 */
function sameSeasonMedian(
  y: Float64Array,
  target: number,
  m: number,
  seasons: number,
  scratch: Float64Array,
): number {
  for (let j = 1; j <= seasons; j++) scratch[j - 1] = y[target - j * m];
  const upper = seasons >> 1;
  const high = selectKth(scratch, upper, seasons);
  if (seasons % 2 === 1) return high;
  // selectKth leaves every value below index `upper` no greater than `high`: the lower middle is their maximum.
  let low = scratch[0];
  for (let i = 1; i < upper; i++) if (scratch[i] > low) low = scratch[i];
  return (low + high) / 2;
}

/**
 * The seasonal window median ("seasonal_window_median"): each step is forecast by the median of the same
 * position in the last `windowSeasons` seasons (as many as the series holds), the season being `season` or
 * else the request's longest, whose profile repeats the shorter ones (a week holds the days).
 *
 * The robust sibling of the seasonal window average: a holiday, an outage or a one-off spike in one of the
 * seasons moves the mean of its position by 1 / windowSeasons of its size but leaves the median alone
 * (breakdown point of the median, Hampel 1974), and a level that stays put between them is followed. It is
 * the "same weekday over the last weeks" rule that ad operations teams keep in spreadsheets, made robust.
 * It has no trend: on a growing series it lags. `auto` offers it on daily series only (docs/forecasting.md).
 *
 * Intervals are a constant mean -/+ z * sigma, sigma from the one-step residuals against the median of the
 * preceding seasons, as for the seasonal window average. Falls back to the naive method, and says so, when
 * there is no season or the series is no longer than one season.
 *
 * @param windowSeasons seasons to take the median over (integer >= 1), default 8
 * @param season the seasonal period in steps (>= 2); defaults to the request's longest season
 * @example
 * const y = new Float64Array([1, 10, 2, 11, 90, 12]);
 * seasonalWindowMedian(3).forecast(y, { horizon: 2, levels: [], seasons: [2] }).mean // [2, 11]
 */
export function seasonalWindowMedian(windowSeasons = 8, season?: number): Forecaster {
  return seasonalWindow(windowSeasons, season, {
    name: "seasonal_window_median",
    label: "SeasonalWindowMedian",
    statistic: sameSeasonMedian,
    defaultSeason: (request) => longestSeason(request.seasons),
  });
}
