import { forecastSeries } from "../../forecast/forecast-series.js";
import type { Forecaster } from "../../forecast/forecaster.js";
import type { LeafTraffic } from "./leaf-traffic.js";

/** A forecast of every leaf made at one hour, from the history before it only. */
export interface LeafForecast {
  /** The hour (traffic index) it was made at: the first hour it forecasts. */
  at: number;
  horizon: number;
  /** Mean forecast, leaf-major: `mean[leaf * horizon + t]` is hour `at + t`. */
  mean: Float64Array;
}

/** How to forecast the leaves. */
export interface LeafForecastOptions {
  model: Forecaster;
  /** Most hours of history each fit sees, back from `at`; default 672 (four weeks). */
  historyHours?: number;
}

/**
 * Forecasts the matched opportunities of every leaf for `horizon` hours from hour `at`, each leaf from its
 * own hourly history before `at` (seasons 24 and 168; missing hours, NaN, imputed by forecastSeries). It
 * reads nothing at or after `at`: the forecast a pacer could have had at that moment.
 *
 * @example
 * const f = forecastLeaves(traffic, traffic.stretchStart, 24 * 14, { model: resolveModel("auto") });
 * f.mean[leaf * f.horizon]; // the leaf's forecast for the stretch's first hour
 */
export function forecastLeaves(
  traffic: LeafTraffic,
  at: number,
  horizon: number,
  options: LeafForecastOptions,
): LeafForecast {
  const { hours, keys, values } = traffic;
  if (!(Number.isInteger(at) && at >= 2 && at <= hours)) {
    throw new Error(`forecast hour: expected a whole hour index in [2, ${hours}], got ${at}`);
  }
  if (!(Number.isInteger(horizon) && horizon >= 1)) {
    throw new Error(`forecast horizon: expected a whole number of hours >= 1, got ${horizon}`);
  }
  const historyHours = options.historyHours ?? 672;
  const from = Math.max(0, at - historyHours);
  const mean = new Float64Array(keys.length * horizon);
  for (let leaf = 0; leaf < keys.length; leaf++) {
    const history = values.slice(leaf * hours + from, leaf * hours + at);
    let observed = 0;
    for (let i = 0; i < history.length; i++) if (!Number.isNaN(history[i])) observed++;
    // A leaf with no observation at all (every hour missing) has no forecast: 0 matched.
    if (observed === 0) continue;
    const report = forecastSeries(history, {
      model: options.model,
      horizon,
      levels: [80],
      seasons: [24, 168],
      conformal: false,
    });
    mean.set(report.result.mean, leaf * horizon);
  }
  return { at, horizon, mean };
}
