import { forecastSeries } from "../forecast/forecast-series.js";
import { resolveModel } from "../forecast/models/registry.js";
import type { ForecastTaskInput, ForecastTaskOutput } from "./forecast-long-series.js";

/** The settings every series of one `avails forecast --input` run shares. */
export interface ForecastTaskSettings {
  readonly horizon: number;
  readonly levels: readonly number[];
  readonly seasons: readonly number[];
  /** A name `resolveModel` knows, e.g. "auto" or "ets". */
  readonly model: string;
}

/**
 * Forecasts one series of a file run (on a worker thread, or here): gaps imputed, fallbacks and count
 * clipping applied by `forecastSeries`, conformal intervals; the model column says what forecast it.
 *
 * @example runTask({ values }, { horizon: 14, levels: [80, 95], seasons: [7], model: "auto" }).model // "auto: theta"
 */
export function runTask(input: ForecastTaskInput, settings: ForecastTaskSettings): ForecastTaskOutput {
  const report = forecastSeries(input.values, {
    model: resolveModel(settings.model),
    horizon: settings.horizon,
    levels: settings.levels,
    seasons: settings.seasons,
  });
  const { mean, lower, upper } = report.result;
  return { mean, lower: [...lower], upper: [...upper], model: report.description, warnings: report.warnings };
}
