import { calibrationPlan } from "./calibration-plan.js";
import { applyConformal, conformalCalibration } from "./conformal-calibration.js";
import { crossValidate } from "./cross-validate.js";
import type { ForecastReport, ReportingForecaster, ReportOptions } from "./forecast-report.js";
import type { Forecaster, ForecastRequest, ForecastResult } from "./forecaster.js";
import { relativeScales } from "./relative-scales.js";
import { validateFinite, validateRequest } from "./validate-request.js";

/** How `conformalForecaster` calibrates. */
export interface ConformalForecasterOptions {
  /** Most calibration origins; default 60 on the refit-free path, 10 when the model is refitted. */
  readonly maxOrigins?: number;
  /**
   * Measure errors relative to the local level of a series that never goes negative (`relativeScales`);
   * default true. Series with negative values always use absolute errors.
   */
  readonly relative?: boolean;
}

/**
 * Wraps a model so that its intervals are conformal: it cross-validates the model over the origins of
 * `calibrationPlan` (one fit and a filter pass with `forecastOrigins`, a fit per origin without), fits
 * `fitConformal` to the errors (phases of the smallest season; errors relative to the local level when
 * the series never goes negative, see `relativeScales`), fits the model once more on all of `y`
 * and replaces its intervals by mean ± the conformal half-widths. Point forecasts are the model's.
 * A series too short to calibrate, or a model that fails on the shorter histories, keeps the model's own
 * intervals, and the report says why.
 *
 * @example
 * const model = conformalForecaster(ets);
 * const { result, intervals, warnings } = model.forecastWithReport(y, { horizon: 14, levels: [80, 95], seasons: [7] });
 */
export function conformalForecaster(
  model: Forecaster,
  options: ConformalForecasterOptions = {},
): ReportingForecaster {
  const forecastWithReport = (
    y: Float64Array,
    request: ForecastRequest,
    report: ReportOptions = {},
  ): ForecastReport => {
    validateRequest(request);
    validateFinite(y);
    if (report.conformal === false)
      return { result: model.forecast(y, request), intervals: "model", warnings: [] };
    const { horizon, levels, seasons } = request;
    const refit = model.forecastOrigins === undefined;
    const plan = calibrationPlan(y.length, horizon, seasons, { refit, maxOrigins: options.maxOrigins });
    if (plan === null) {
      const warning =
        `too short to calibrate intervals (${y.length} points for horizon ${horizon}): ` +
        `the intervals are model "${model.name}"'s own`;
      return { result: model.forecast(y, request), intervals: "model", warnings: [warning] };
    }
    let cv: ReturnType<typeof crossValidate>;
    try {
      cv = crossValidate(y, model, {
        horizon,
        levels,
        seasons,
        xreg: request.xreg,
        windows: plan.windows,
        step: plan.step,
      });
    } catch (error) {
      const warning = `calibration failed (${(error as Error).message}): the intervals are model "${model.name}"'s own`;
      return { result: model.forecast(y, request), intervals: "model", warnings: [warning] };
    }
    const origins = cv.folds.map((fold) => fold.origin);
    const scales = options.relative === false ? null : relativeScales(y, origins, seasons);
    const fit = conformalCalibration(cv, levels, seasons.length > 0 ? seasons[0] : 1, scales?.origins);
    const result: ForecastResult = applyConformal(
      model.forecast(y, request),
      fit,
      y.length,
      scales?.forecast,
    );
    return { result, intervals: "conformal", warnings: uncalibratedLevels(fit.levels, fit.quantiles) };
  };
  const wrapped: ReportingForecaster = {
    name: model.name,
    forecast: (y, request) => forecastWithReport(y, request).result,
    forecastWithReport,
  };
  if (model.forecastOrigins) {
    const forecastOrigins = model.forecastOrigins.bind(model);
    return { ...wrapped, forecastOrigins };
  }
  return wrapped;
}

/**
 * Warnings for the levels whose conformal quantile is infinite (too few calibration targets).
 *
 * @example
 * uncalibratedLevels([80, 99.5], Float64Array.of(1.3, Infinity)); // ["99.5% interval: too few calibration points ..."]
 */
export function uncalibratedLevels(levels: readonly number[], quantiles: Float64Array): string[] {
  const warnings: string[] = [];
  for (let l = 0; l < levels.length; l++) {
    if (!Number.isFinite(quantiles[l])) {
      warnings.push(
        `${levels[l]}% interval: too few calibration points for this level; it is the model's own`,
      );
    }
  }
  return warnings;
}
