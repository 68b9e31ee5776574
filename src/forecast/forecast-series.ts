import type { AutoReport } from "./auto-forecaster.js";
import { conformalForecaster } from "./conformal-forecaster.js";
import { fallbackNaive } from "./fallback-naive.js";
import { type ForecastReport, isReportingForecaster } from "./forecast-report.js";
import type { Forecaster, ForecastRequest, ForecastResult } from "./forecaster.js";
import { imputeGaps } from "./impute-gaps.js";
import { validateRequest, validateXreg } from "./validate-request.js";

/** What to forecast a series with. */
export interface SeriesForecastRequest extends ForecastRequest {
  /** The model, e.g. `autoForecaster([...])` or a single model. */
  readonly model: Forecaster;
  /** Conformal intervals calibrated by cross-validation when the series allows; default true. */
  readonly conformal?: boolean;
  /** The model for series too short for their seasons; default the naive (random walk) forecast. */
  readonly fallback?: Forecaster;
}

/** A published-ready forecast of one series and how it was made. */
export interface SeriesForecastReport {
  /** Forecasts and bounds, all finite; `fitted` has the length of the input (NaN where none). */
  readonly result: ForecastResult;
  /** What the caller should know: gaps filled, seasons dropped, fallbacks, uncalibrated intervals, clipping. */
  readonly warnings: readonly string[];
  /** The model that made the forecast, e.g. "auto: ensemble(ets, theta)" or "Constant(0)". */
  readonly description: string;
  /** Why a fallback replaced the model: a constant series or one too short for its seasons; null if none. */
  readonly fallback: "constant" | "short" | null;
  /** Where the intervals come from: conformal calibration, the model itself, or a constant (zero width). */
  readonly intervals: "conformal" | "model" | "constant";
  /**
   * The candidates an automatic model chose, by name (its selection's members: one, or the pool the forecast is
   * the weighted mean of); null for any other model or a fallback.
   */
  readonly members: readonly string[] | null;
  /** Each member's weight, summing to 1, beside `members`; null when they are. */
  readonly weights: readonly number[] | null;
}

/** Fewest points any model is given; shorter series get the fallback. */
const MIN_MODEL_POINTS = 4;

/**
 * Forecasts one series end to end, the way a forecast run publishes it:
 * - gaps (NaN) are filled by `imputeGaps` (seasonal interpolation; leading NaN dropped), with a warning
 *   that counts them; a series with no observation throws;
 * - a constant series (all zeros included) is forecast as that constant with zero-width intervals;
 * - a series shorter than two periods of its smallest season (or than 4 points) is forecast by the
 *   fallback model without seasons; seasons longer than half the series are dropped; both with warnings;
 * - intervals are conformal (`conformalForecaster`, or the model's own calibration when it reports, as
 *   `autoForecaster` does) unless `conformal` is false or the series is too short, which is reported;
 * - a series with no negative value is a count: forecasts and bounds below zero are raised to zero, with a
 *   warning that counts the point forecasts raised;
 * - regressors (`xreg`, covering the values and the horizon) go to the model, cut like the values when
 *   leading gaps are dropped; the fallbacks ignore them;
 * - a model that returns a non-finite forecast or bound throws an error naming it: nothing non-finite is
 *   ever returned.
 *
 * @param values observations, oldest first; NaN marks a gap
 * @example
 * const { result, warnings } = forecastSeries(values, {
 *   model: autoForecaster([ets, theta]), horizon: 168, levels: [80, 95], seasons: [24, 168],
 * });
 */
export function forecastSeries(values: Float64Array, request: SeriesForecastRequest): SeriesForecastReport {
  validateRequest(request);
  const { model, horizon, levels } = request;
  if (!model || typeof model.forecast !== "function") throw new Error("model: expected a Forecaster");
  const fallbackModel = request.fallback ?? fallbackNaive;
  if (!(values instanceof Float64Array)) throw new Error("values: expected a Float64Array");
  if (values.length === 0) throw new Error("values: the series is empty");
  validateXreg(request, values.length);
  for (let i = 0; i < values.length; i++) {
    if (values[i] === Number.POSITIVE_INFINITY || values[i] === Number.NEGATIVE_INFINITY) {
      throw new Error(`values[${i}] is ${values[i]}: a series holds finite numbers and NaN for gaps`);
    }
  }
  const warnings: string[] = [];
  const imputed = imputeGaps(values, request.seasons);
  if (imputed.leading > 0)
    warnings.push(`dropped ${imputed.leading} missing values before the first observation`);
  if (imputed.imputed > 0) {
    const how =
      imputed.period > 1 ? `seasonal interpolation (period ${imputed.period})` : "linear interpolation";
    warnings.push(`imputed ${imputed.imputed} missing values of ${values.length} by ${how}`);
  }
  const y = imputed.values;
  const n = y.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < n; t++) {
    if (y[t] < min) min = y[t];
    if (y[t] > max) max = y[t];
  }
  if (min === max) {
    warnings.push(
      min === 0
        ? "all-zero series: the forecast is 0 with zero-width intervals"
        : `constant series (every value is ${min}): the forecast is ${min} with zero-width intervals`,
    );
    const result = constantForecast(min, horizon, levels.length, values.length, imputed.leading);
    return {
      result,
      warnings,
      description: result.description,
      fallback: "constant",
      intervals: "constant",
      members: null,
      weights: null,
    };
  }

  let seasons = request.seasons;
  let chosen = model;
  let fallback: SeriesForecastReport["fallback"] = null;
  if (n < MIN_MODEL_POINTS || (seasons.length > 0 && n < 2 * seasons[0])) {
    const reason =
      seasons.length > 0 && n < 2 * seasons[0]
        ? `${n} points are fewer than two periods of the smallest season (${seasons[0]})`
        : `${n} points are too few for a model`;
    warnings.push(
      `${reason}: used the "${fallbackModel.name}" model without seasons instead of "${model.name}"`,
    );
    seasons = [];
    chosen = fallbackModel;
    fallback = "short";
  } else {
    const kept = seasons.filter((period) => n >= 2 * period);
    if (kept.length < seasons.length) {
      const dropped = seasons.filter((period) => n < 2 * period);
      warnings.push(`dropped seasons ${dropped.join(", ")}: ${n} points are fewer than two periods of each`);
      seasons = kept;
    }
  }

  // Regressors follow the series: cut where leading gaps were dropped; the fallback models take none.
  const xreg =
    fallback === null && request.xreg !== undefined && request.xreg.length > 0
      ? request.xreg.map((column) => column.subarray(imputed.leading))
      : undefined;
  const modelRequest: ForecastRequest =
    xreg === undefined ? { horizon, levels, seasons } : { horizon, levels, seasons, xreg };
  const conformal = request.conformal !== false;
  let report: ForecastReport;
  if (isReportingForecaster(chosen)) report = chosen.forecastWithReport(y, modelRequest, { conformal });
  else if (conformal) report = conformalForecaster(chosen).forecastWithReport(y, modelRequest);
  else report = { result: chosen.forecast(y, modelRequest), intervals: "model", warnings: [] };
  warnings.push(...report.warnings);
  checkOutput(report.result, chosen.name, horizon, levels.length);

  const mean = report.result.mean.slice();
  const lower = report.result.lower.map((bound) => bound.slice());
  const upper = report.result.upper.map((bound) => bound.slice());
  if (min >= 0) {
    // A lower bound under zero is routine for symmetric intervals at a quiet hour, so bounds are raised
    // silently; a point forecast under zero says the model went wrong, so that is reported.
    const raised = clipAtZero(mean);
    for (const bound of [...lower, ...upper]) clipAtZero(bound);
    if (raised > 0) {
      warnings.push(
        `non-negative series: ${raised} of ${horizon} point forecasts below zero were raised to zero`,
      );
    }
  }
  const fitted = new Float64Array(values.length).fill(Number.NaN);
  fitted.set(report.result.fitted.subarray(0, n), imputed.leading);
  const { description } = report.result;
  const selection = fallback === null && "selection" in report ? (report as AutoReport).selection : null;
  return {
    result: { mean, lower, upper, fitted, description },
    warnings,
    description,
    fallback,
    intervals: report.intervals,
    members: selection === null ? null : [...selection.members],
    weights: selection === null ? null : [...selection.weights],
  };
}

/** The forecast of a constant series: that constant everywhere, intervals of zero width. */
function constantForecast(
  value: number,
  horizon: number,
  levels: number,
  length: number,
  leading: number,
): ForecastResult {
  const mean = new Float64Array(horizon).fill(value);
  const fitted = new Float64Array(length).fill(value);
  fitted.fill(Number.NaN, 0, leading);
  const bounds = () => Array.from({ length: levels }, () => mean.slice());
  return { mean, lower: bounds(), upper: bounds(), fitted, description: `Constant(${value})` };
}

/** Raises negative values to zero in place; returns how many it raised. */
function clipAtZero(values: Float64Array): number {
  let raised = 0;
  for (let j = 0; j < values.length; j++) {
    if (values[j] < 0) {
      values[j] = 0;
      raised++;
    }
  }
  return raised;
}

/** Throws unless the model's output has the requested shape and only finite forecasts and bounds. */
function checkOutput(result: ForecastResult, name: string, horizon: number, levels: number): void {
  const check = (values: Float64Array | undefined, what: string) => {
    if (!(values instanceof Float64Array) || values.length !== horizon) {
      throw new Error(`model "${name}" returned ${values?.length ?? "no"} ${what} values, not ${horizon}`);
    }
    for (let j = 0; j < horizon; j++) {
      if (!Number.isFinite(values[j])) {
        throw new Error(`model "${name}" returned a non-finite ${what} (${values[j]}) at step ${j + 1}`);
      }
    }
  };
  check(result.mean, "mean");
  if (result.lower.length !== levels || result.upper.length !== levels) {
    throw new Error(`model "${name}" returned ${result.lower.length} intervals for ${levels} levels`);
  }
  for (let l = 0; l < levels; l++) {
    check(result.lower[l], "lower bound");
    check(result.upper[l], "upper bound");
  }
}
