import type { Forecaster, ForecastRequest, ForecastResult } from "./forecaster.js";
import { validateFinite, validateRequest, validateXreg } from "./validate-request.js";

/** How to cross-validate: the forecast request plus the rolling origins. */
export interface CrossValidationOptions extends ForecastRequest {
  /** Number of forecast origins (folds), >= 1. */
  readonly windows: number;
  /** Steps between consecutive origins, >= 1; default `horizon` (windows that do not overlap). */
  readonly step?: number;
  /**
   * Refit the model at every origin even when it has `forecastOrigins`; default false. Models without
   * `forecastOrigins` are always refitted.
   */
  readonly refit?: boolean;
  /**
   * Fits a model with `forecastOrigins` makes, each on the data before its run of origins
   * (`Forecaster.forecastOrigins`); default 1. Ignored when the model is refitted at every origin.
   */
  readonly fits?: number;
}

/** One fold: the forecast made at `origin` from `y[0, origin)` and what happened next. */
export interface CrossValidationFold {
  /** Index of the first forecast step; the model saw `y[0, origin)`. */
  readonly origin: number;
  /** `y[origin, origin + horizon)`. */
  readonly actual: Float64Array;
  /** Point forecasts, length `horizon`. */
  readonly mean: Float64Array;
  /** The model's own lower bounds, one array per level; empty on the refit-free path (points only). */
  readonly lower: readonly Float64Array[];
  /** The model's own upper bounds, as `lower`. */
  readonly upper: readonly Float64Array[];
}

/** Every fold of a rolling-origin cross-validation, oldest origin first. */
export interface CrossValidation {
  readonly horizon: number;
  readonly levels: readonly number[];
  /** True when the model was refitted at every origin, false when its `forecastOrigins` was used. */
  readonly refit: boolean;
  readonly folds: readonly CrossValidationFold[];
  /**
   * The forecast from the end of the series by a model with `forecastOriginsThenFinal`, reusing what its
   * folds' fits found; absent for other models and when refitted.
   */
  readonly final?: (request: ForecastRequest) => ForecastResult;
}

/**
 * The origins of a rolling-origin cross-validation: `t_k = n - horizon - (windows - 1 - k) * step` for
 * k = 0..windows-1, so the last fold ends at the last observation. Throws when the first origin would
 * leave fewer than `minTrain` points to fit on.
 *
 * @example
 * foldOrigins(20, 4, 3, 2); // [12, 14, 16]
 */
export function foldOrigins(
  n: number,
  horizon: number,
  windows: number,
  step: number,
  minTrain = 1,
): number[] {
  if (!Number.isInteger(windows) || windows < 1)
    throw new Error(`windows: ${windows} is not an integer >= 1`);
  if (!Number.isInteger(step) || step < 1) throw new Error(`step: ${step} is not an integer >= 1`);
  const needed = minTrain + horizon + (windows - 1) * step;
  if (n < needed) {
    throw new Error(
      `y: ${n} points are too few for ${windows} windows of horizon ${horizon} with step ${step} ` +
        `(need at least ${needed})`,
    );
  }
  const origins = new Array<number>(windows);
  for (let k = 0; k < windows; k++) origins[k] = n - horizon - (windows - 1 - k) * step;
  return origins;
}

/** Throws unless `values` has `length` finite numbers; names the model and the origin. */
function checkForecast(
  values: Float64Array | undefined,
  length: number,
  model: string,
  origin: number,
): void {
  if (!(values instanceof Float64Array) || values.length !== length) {
    throw new Error(
      `model "${model}" returned ${values?.length ?? "no"} values at origin ${origin}, not ${length}`,
    );
  }
  for (let j = 0; j < length; j++) {
    if (!Number.isFinite(values[j])) {
      throw new Error(
        `model "${model}" returned a non-finite forecast (${values[j]}) at origin ${origin}, step ${j + 1}`,
      );
    }
  }
}

/**
 * Rolling-origin cross-validation (Tashman 2000; statsforecast's `cross_validation`): forecasts
 * `horizon` steps from each origin `t_k = n - horizon - (windows - 1 - k) * step` using `y[0, t_k)` only.
 * A model with `forecastOrigins` is fitted once (or `fits` times) and filtered forward (point forecasts
 * only) unless `refit`;
 * any other model is refitted at each origin and its own intervals are kept.
 *
 * @example
 * const cv = crossValidate(y, model, { horizon: 7, windows: 4, step: 7, seasons: [7], levels: [80, 95] });
 * cv.folds[0].origin; // y.length - 28
 */
export function crossValidate(
  y: Float64Array,
  forecaster: Forecaster,
  options: CrossValidationOptions,
): CrossValidation {
  validateRequest(options);
  validateFinite(y);
  validateXreg(options, y.length);
  const { horizon, levels, seasons, xreg } = options;
  const step = options.step ?? horizon;
  const origins = foldOrigins(y.length, horizon, options.windows, step);
  const request: ForecastRequest =
    xreg === undefined ? { horizon, levels, seasons } : { horizon, levels, seasons, xreg };
  const folds: CrossValidationFold[] = [];
  const refit = options.refit === true || forecaster.forecastOrigins === undefined;
  let final: CrossValidation["final"];
  if (!refit && forecaster.forecastOrigins) {
    let means: Float64Array[];
    if (forecaster.forecastOriginsThenFinal) {
      ({ means, final } = forecaster.forecastOriginsThenFinal(y, origins, request, options.fits ?? 1));
    } else {
      means = forecaster.forecastOrigins(y, origins, request, options.fits ?? 1);
    }
    if (!Array.isArray(means) || means.length !== origins.length) {
      throw new Error(
        `model "${forecaster.name}" returned ${means?.length} forecasts for ${origins.length} origins`,
      );
    }
    for (let k = 0; k < origins.length; k++) {
      checkForecast(means[k], horizon, forecaster.name, origins[k]);
      const actual = y.slice(origins[k], origins[k] + horizon);
      folds.push({ origin: origins[k], actual, mean: means[k], lower: [], upper: [] });
    }
  } else {
    for (const origin of origins) {
      const foldRequest =
        xreg === undefined
          ? request
          : { ...request, xreg: xreg.map((column) => column.subarray(0, origin + horizon)) };
      const result = forecaster.forecast(y.slice(0, origin), foldRequest);
      checkForecast(result.mean, horizon, forecaster.name, origin);
      for (let l = 0; l < levels.length; l++) {
        checkForecast(result.lower[l], horizon, forecaster.name, origin);
        checkForecast(result.upper[l], horizon, forecaster.name, origin);
      }
      const actual = y.slice(origin, origin + horizon);
      folds.push({ origin, actual, mean: result.mean, lower: result.lower, upper: result.upper });
    }
  }
  return final === undefined ? { horizon, levels, refit, folds } : { horizon, levels, refit, folds, final };
}
