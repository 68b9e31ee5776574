import { ensemble } from "../forecast/ensemble.js";
import { forecastSeries, type SeriesForecastReport } from "../forecast/forecast-series.js";
import type { Forecaster } from "../forecast/forecaster.js";
import { MODEL_NAMES, resolveModel } from "../forecast/models/registry.js";

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
  /** This series' model instead of the settings' (a drift alarm's fallback). */
  readonly model?: string;
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
  /**
   * Day-ahead errors over the same hours: each day of the window forecast 24 hours ahead from its first hour
   * (`dayAheadModel`: the run's model, or what `auto` chose, fitted before the window), actual minus forecast.
   * Errors of one forecast persist through its day, as a run's errors do; one-step residuals do not. The
   * one-step residuals where the series is too short for it.
   */
  readonly dayAheadErrors: Float64Array;
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
  const model = resolveModel(input.model ?? settings.model);
  const report = forecastSeries(values, {
    model,
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
  const dayAheadErrors = dayAhead(values, kept, settings.seasons, dayAheadModel(report, model)) ?? residuals;
  return {
    mean,
    lower,
    upper,
    residuals,
    dayAheadErrors,
    model: report.description,
    warnings: report.warnings,
  };
}

/**
 * The day-ahead errors' model where the run's own cannot serve (a fallback replaced it, or `auto` pooled a
 * candidate the registry does not name): the mean of Theta and MSTL, `auto`'s two candidates on hourly series.
 */
const DAY_AHEAD_MODEL = ensemble([resolveModel("theta"), resolveModel("mstl")], "mean");

/**
 * The model whose day-ahead errors stand for the run's, so that the errors are those of the forecast being
 * published: what `auto` chose for the series (one candidate, or the weighted mean of its pool), or any other
 * model itself (a single model or a user's ensemble); `DAY_AHEAD_MODEL` when a fallback replaced the model, or
 * when a member is no registry model (a candidate fitted without its season) or a model lacks the fast path.
 */
function dayAheadModel(report: SeriesForecastReport, model: Forecaster): Forecaster {
  const { members, weights } = report;
  if (members === null) {
    return report.fallback === null && model.forecastOrigins !== undefined ? model : DAY_AHEAD_MODEL;
  }
  if (members.length === 0 || !members.every((name) => MODEL_NAMES.includes(name))) return DAY_AHEAD_MODEL;
  const models = members.map((name) => resolveModel(name));
  if (models.some((member) => member.forecastOrigins === undefined)) return DAY_AHEAD_MODEL;
  return models.length === 1 ? models[0] : ensemble(models, "mean", weights ?? undefined);
}

/** Day-ahead errors over the last `hours` of `values` (whole days back from the end), or null when too short. */
function dayAhead(
  values: Float64Array,
  hours: number,
  seasons: readonly number[],
  model: Forecaster,
): Float64Array | null {
  const n = values.length;
  const days = Math.floor(hours / 24);
  const first = n - days * 24;
  const longest = seasons.length > 0 ? seasons[seasons.length - 1] : 1;
  if (days < 1 || first < 2 * longest + 2) return null;
  const origins = Array.from({ length: days }, (_, k) => first + 24 * k);
  let forecasts: Float64Array[];
  try {
    // biome-ignore lint/style/noNonNullAssertion: dayAheadModel gives only models with the fast path
    forecasts = model.forecastOrigins!(values, origins, { horizon: 24, levels: [], seasons });
  } catch {
    return null;
  }
  const out = new Float64Array(hours);
  const offset = hours - days * 24;
  for (let k = 0; k < days; k++) {
    for (let j = 0; j < 24; j++) {
      const error = values[origins[k] + j] - forecasts[k][j];
      out[offset + 24 * k + j] = Number.isFinite(error) ? error : 0;
    }
  }
  return out;
}
