import { eventAdjusted } from "../forecast/event-adjusted.js";
import { forecastSeries } from "../forecast/forecast-series.js";
import { resolveModel } from "../forecast/models/registry.js";
import { quantileLevels, quantiles } from "../forecast/quantiles.js";
import { type CalendarSettings, seriesRegressors } from "./calendar-settings.js";
import type { ForecastTaskInput, ForecastTaskOutput } from "./forecast-long-series.js";

/** The settings every series of one `avails forecast --input` run shares. */
export interface ForecastTaskSettings {
  readonly horizon: number;
  /** Interval levels written to the output, in their order. */
  readonly levels: readonly number[];
  /** Quantile probabilities written to the output (`q-0.1`...); none by default. */
  readonly quantiles?: readonly number[];
  readonly seasons: readonly number[];
  /** A name `resolveModel` knows, e.g. "auto" or "ets". */
  readonly model: string;
  /** Calendar events to learn and forecast the effects of (`eventAdjusted`); none when absent. */
  readonly calendar?: CalendarSettings;
}

/**
 * Forecasts one series of a file run (on a worker thread, or here): gaps imputed, fallbacks and count
 * clipping applied by `forecastSeries`, conformal intervals; the model column says what forecast it. With
 * `calendar` settings the model learns the effects of the series' calendar events (`seriesRegressors`,
 * `eventAdjusted`) and forecasts them.
 *
 * @example runTask({ values }, { horizon: 14, levels: [80, 95], seasons: [7], model: "auto" }).model // "auto: theta"
 */
export function runTask(input: ForecastTaskInput, settings: ForecastTaskSettings): ForecastTaskOutput {
  const probs = settings.quantiles ?? [];
  // The model is asked for the output's levels and those the quantiles are bounds of.
  const levels = [...settings.levels];
  for (const level of quantileLevels(probs)) if (!levels.includes(level)) levels.push(level);
  let model = resolveModel(settings.model);
  let xreg: Float64Array[] | undefined;
  const warnings: string[] = [];
  const { id, grid, start } = input;
  if (settings.calendar !== undefined && id !== undefined && grid !== undefined && start !== undefined) {
    const series = { id, grid, start, length: input.values.length };
    const regressors = seriesRegressors(series, settings.horizon, settings.calendar);
    warnings.push(...regressors.warnings);
    model = eventAdjusted(model);
    xreg = regressors.xreg;
  }
  const report = forecastSeries(input.values, {
    model,
    horizon: settings.horizon,
    levels,
    seasons: settings.seasons,
    xreg,
  });
  const { mean, lower, upper } = report.result;
  const written = settings.levels.length;
  return {
    mean,
    lower: lower.slice(0, written),
    upper: upper.slice(0, written),
    quantiles: probs.length > 0 ? quantiles(report.result, levels, probs) : undefined,
    model: report.description,
    warnings: [...warnings, ...report.warnings],
  };
}
