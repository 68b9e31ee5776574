import type { Forecaster, ForecastRequest, ForecastResult } from "../../forecaster.js";
import { normalIntervals } from "../../normal-intervals.js";
import { naiveResult } from "./naive.js";
import { residualSigma } from "./residual-sigma.js";
import { assertOrigins, assertRequest, assertSeries } from "./validate-input.js";
import { assertWindow } from "./window-average.js";

/**
 * A statistic of y[target - j * m] for j = 1..seasons (the same position in the `seasons` seasons before);
 * `scratch` holds at least `seasons` values for it to reorder.
 */
export type SameSeasonStatistic = (
  y: Float64Array,
  target: number,
  m: number,
  seasons: number,
  scratch: Float64Array,
) => number;

/** How a seasonal window model is named and which season it takes when none is given. */
export interface SeasonalWindowKind {
  /** The model's name, as `--model` knows it. */
  readonly name: string;
  /** The description's prefix, e.g. "SeasonalWindowAverage". */
  readonly label: string;
  /** The statistic of each position over the window. */
  readonly statistic: SameSeasonStatistic;
  /** The season when the model is built without one. */
  readonly defaultSeason: (request: ForecastRequest) => number;
}

function seasonalWindowResult(
  y: Float64Array,
  request: ForecastRequest,
  m: number,
  windowSeasons: number,
  kind: SeasonalWindowKind,
): ForecastResult {
  const n = y.length;
  const seasons = Math.min(windowSeasons, Math.floor(n / m));
  const scratch = new Float64Array(seasons);
  const fitted = new Float64Array(n);
  fitted.fill(Number.NaN, 0, m);
  // Before `seasons` full seasons exist, the fitted value takes the seasons there are.
  for (let t = m; t < n; t++)
    fitted[t] = kind.statistic(y, t, m, Math.min(seasons, Math.floor(t / m)), scratch);
  const sigma = residualSigma(y, fitted, 0);
  const mean = new Float64Array(request.horizon);
  for (let h = 0; h < mean.length; h++) mean[h] = kind.statistic(y, n + (h % m), m, seasons, scratch);
  const sd = new Float64Array(request.horizon).fill(sigma);
  const description = `${kind.label}(${m} x ${seasons})`;
  return { mean, ...normalIntervals(mean, sd, request.levels), fitted, description };
}

/**
 * A model that forecasts each step by a statistic (`kind.statistic`) of the same position in the last
 * `windowSeasons` seasons, with constant normal intervals from its one-step residuals and the naive fallback
 * without a season or with no more than one: what the seasonal window average and median share.
 *
 * @example
 * const last = (y: Float64Array, target: number, m: number) => y[target - m]; // the seasonal naive method
 * seasonalWindow(1, 7, { name: "last", label: "Last", statistic: last, defaultSeason: () => 7 })
 */
export function seasonalWindow(
  windowSeasons: number,
  season: number | undefined,
  kind: SeasonalWindowKind,
): Forecaster {
  assertWindow(windowSeasons, "windowSeasons");
  if (season !== undefined && (!Number.isInteger(season) || season < 2)) {
    throw new RangeError(`season must be an integer >= 2, got ${season}`);
  }
  return {
    name: kind.name,
    forecast(y, request) {
      assertSeries(y);
      assertRequest(request);
      const m = season ?? kind.defaultSeason(request);
      if (m < 2) return naiveResult(y, request, "Naive (no season)");
      if (y.length <= m)
        return naiveResult(y, request, `Naive (season ${m} needs more than ${y.length} points)`);
      return seasonalWindowResult(y, request, m, windowSeasons, kind);
    },
    forecastOrigins(y, origins, request) {
      assertSeries(y);
      assertRequest(request);
      assertOrigins(origins, y.length);
      const m = season ?? kind.defaultSeason(request);
      const scratch = new Float64Array(windowSeasons);
      const forecasts: Float64Array[] = [];
      for (const origin of origins) {
        const forecast = new Float64Array(request.horizon);
        const seasons = Math.min(windowSeasons, Math.floor(origin / m));
        for (let h = 0; h < forecast.length; h++) {
          forecast[h] =
            m < 2 || origin <= m ? y[origin - 1] : kind.statistic(y, origin + (h % m), m, seasons, scratch);
        }
        forecasts.push(forecast);
      }
      return forecasts;
    },
  };
}
