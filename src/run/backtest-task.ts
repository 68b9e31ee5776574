import { forecastSeries } from "../forecast/forecast-series.js";
import { resolveModel } from "../forecast/models/registry.js";
import type { ForecastTaskInput } from "./forecast-long-series.js";

/** The settings every series of one `avails backtest` run shares. */
export interface BacktestSettings {
  readonly horizon: number;
  /** Folds: the last `windows * horizon` points are forecast `horizon` at a time. */
  readonly windows: number;
  readonly levels: readonly number[];
  readonly seasons: readonly number[];
  /** Names `resolveModel` knows. */
  readonly models: readonly string[];
}

/** One model's backtest of one series: its folds' forecasts laid end to end, fold-major. */
export interface ModelBacktest {
  readonly model: string;
  /** `windows * horizon` actuals (NaN where the input had a gap). */
  readonly actual: Float64Array;
  readonly mean: Float64Array;
  /** One array per level, as `mean`. */
  readonly lower: readonly Float64Array[];
  readonly upper: readonly Float64Array[];
  /** Where each fold's training data ends (its origin), fold by fold. */
  readonly origins: readonly number[];
  /** What forecast each fold, e.g. "auto: theta". */
  readonly descriptions: readonly string[];
}

/** A series' backtest: every model, and the series (the folds' training data) for scaled metrics. */
export interface SeriesBacktest {
  readonly values: Float64Array;
  readonly models: readonly ModelBacktest[];
}

/**
 * Backtests one series (on a worker thread, or here): for each of `windows` origins, the last one
 * `horizon` before the end and each earlier one `horizon` before the next, every model forecasts the next
 * `horizon` points from the data before the origin only, exactly as `avails forecast` would (gaps
 * imputed, fallbacks, conformal intervals calibrated on that training data).
 *
 * @example runTask({ values }, { horizon: 14, windows: 3, levels: [80, 95], seasons: [7], models: ["theta"] })
 */
export function runTask(input: ForecastTaskInput, settings: BacktestSettings): SeriesBacktest {
  const { values } = input;
  const { horizon, windows, levels, seasons } = settings;
  const n = values.length;
  if (n <= windows * horizon) {
    throw new Error(
      `${n} points leave no training data for ${windows} windows of ${horizon} (need more than ${windows * horizon})`,
    );
  }
  const origins: number[] = [];
  for (let k = windows; k >= 1; k--) origins.push(n - k * horizon);
  const actual = values.slice(n - windows * horizon);
  const models = settings.models.map((name): ModelBacktest => {
    const model = resolveModel(name);
    const mean = new Float64Array(windows * horizon);
    const lower = levels.map(() => new Float64Array(windows * horizon));
    const upper = levels.map(() => new Float64Array(windows * horizon));
    const descriptions: string[] = [];
    origins.forEach((origin, fold) => {
      const report = forecastSeries(values.subarray(0, origin), { model, horizon, levels, seasons });
      mean.set(report.result.mean, fold * horizon);
      for (let l = 0; l < levels.length; l++) {
        lower[l].set(report.result.lower[l], fold * horizon);
        upper[l].set(report.result.upper[l], fold * horizon);
      }
      descriptions.push(report.description);
    });
    return { model: name, actual, mean, lower, upper, origins, descriptions };
  });
  return { values, models };
}
