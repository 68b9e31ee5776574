import { eventAdjusted } from "../forecast/event-adjusted.js";
import { forecastSeries } from "../forecast/forecast-series.js";
import { resolveModel } from "../forecast/models/registry.js";
import { type CalendarSettings, seriesRegressors } from "./calendar-settings.js";
import type { ForecastTaskInput } from "./forecast-long-series.js";

/** The effects eventAdjusted lists in its description: " with events (x0.52, x0.71)". */
const EFFECTS = / with events \([^)]*\)/;

/** The settings every series of one `avails backtest` run shares. */
export interface BacktestSettings {
  readonly horizon: number;
  /** Folds: the last `windows * horizon` points are forecast `horizon` at a time. */
  readonly windows: number;
  readonly levels: readonly number[];
  readonly seasons: readonly number[];
  /** Names `resolveModel` knows. */
  readonly models: readonly string[];
  /** Calendar events whose effects each fold learns from its training data (`eventAdjusted`). */
  readonly calendar?: CalendarSettings;
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
  /** What the caller should know (e.g. no market for the calendar); absent when nothing. */
  readonly warnings?: readonly string[];
}

/**
 * Backtests one series (on a worker thread, or here): for each of `windows` origins, the last one
 * `horizon` before the end and each earlier one `horizon` before the next, every model forecasts the next
 * `horizon` points from the data before the origin only, exactly as `avails forecast` would (gaps
 * imputed, fallbacks, conformal intervals calibrated on that training data). With `calendar` settings each
 * fold learns the effects of the series' calendar events from its training data and forecasts them, as
 * `avails forecast` does; the events come from one set of columns over the whole series, cut at each fold's
 * end (a column with no occurrence before an origin has effect 1 in that fold).
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
  const { id, grid, start } = input;
  let xreg: Float64Array[] | undefined;
  let warnings: string[] | undefined;
  if (settings.calendar !== undefined && id !== undefined && grid !== undefined && start !== undefined) {
    // Columns over [0, n) cover every fold's training data and horizon: the last fold ends at n.
    const regressors = seriesRegressors({ id, grid, start, length: n }, 0, settings.calendar);
    xreg = regressors.xreg;
    warnings = regressors.warnings;
  }
  const models = settings.models.map((name): ModelBacktest => {
    const model = xreg === undefined ? resolveModel(name) : eventAdjusted(resolveModel(name));
    const mean = new Float64Array(windows * horizon);
    const lower = levels.map(() => new Float64Array(windows * horizon));
    const upper = levels.map(() => new Float64Array(windows * horizon));
    const descriptions: string[] = [];
    origins.forEach((origin, fold) => {
      const foldXreg = xreg?.map((column) => column.subarray(0, origin + horizon));
      const report = forecastSeries(values.subarray(0, origin), {
        model,
        horizon,
        levels,
        seasons,
        ...(foldXreg === undefined ? {} : { xreg: foldXreg }),
      });
      mean.set(report.result.mean, fold * horizon);
      for (let l = 0; l < levels.length; l++) {
        lower[l].set(report.result.lower[l], fold * horizon);
        upper[l].set(report.result.upper[l], fold * horizon);
      }
      // The learned effects differ by fold; the summary counts the models chosen.
      descriptions.push(report.description.replace(EFFECTS, " with events"));
    });
    return { model: name, actual, mean, lower, upper, origins, descriptions };
  });
  return warnings === undefined || warnings.length === 0 ? { values, models } : { values, models, warnings };
}
