import { forecastSeries } from "../forecast/forecast-series.js";
import { resolveModel } from "../forecast/models/registry.js";

/** The settings every series of a hierarchy run shares. */
export interface HierarchyTaskSettings {
  /** Hours to forecast past the history's end. */
  readonly horizon: number;
  /** Interval levels, e.g. [80, 95]. */
  readonly levels: readonly number[];
  readonly seasons: readonly number[];
  /** A name `resolveModel` knows. */
  readonly model: string;
  /** Hours at the end of the history whose one-step residuals are returned (for reconciliation). */
  readonly residualHours: number;
}

/** One series of a hierarchy run. */
export interface HierarchyTaskInput {
  readonly values: Float64Array;
}

/** The forecast of one series of a hierarchy run, with what reconciliation and sample paths need. */
export interface HierarchyTaskOutput {
  readonly mean: Float64Array;
  /** One array per level, in the settings' order. */
  readonly lower: readonly Float64Array[];
  readonly upper: readonly Float64Array[];
  /**
   * Actual minus one-step fitted value over the last `residualHours` hours (0 where the model has no fitted
   * value: the first season of a seasonal naive model, or a fallback).
   */
  readonly residuals: Float64Array;
  readonly model: string;
  readonly warnings: readonly string[];
}

/**
 * Forecasts one series of a hierarchy run (on a worker thread of `runPool`, or in this thread) as a file run
 * does (`forecastSeries`: gaps, fallbacks, conformal intervals, count clipping) and returns its recent
 * one-step residuals too.
 *
 * @example runTask({ values }, { horizon: 840, levels: [80, 95], seasons: [24, 168], model: "auto", residualHours: 672 })
 */
export function runTask(input: HierarchyTaskInput, settings: HierarchyTaskSettings): HierarchyTaskOutput {
  const { values } = input;
  const report = forecastSeries(values, {
    model: resolveModel(settings.model),
    horizon: settings.horizon,
    levels: settings.levels,
    seasons: settings.seasons,
  });
  const { mean, lower, upper, fitted } = report.result;
  const n = values.length;
  const kept = Math.min(settings.residualHours, n);
  const residuals = new Float64Array(kept);
  for (let i = 0, t = n - kept; i < kept; i++, t++) {
    const r = values[t] - fitted[t];
    residuals[i] = Number.isFinite(r) ? r : 0;
  }
  return { mean, lower, upper, residuals, model: report.description, warnings: report.warnings };
}
