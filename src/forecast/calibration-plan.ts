/** Rolling origins for conformal calibration, as `crossValidate` takes them. */
export interface CalibrationPlan {
  readonly windows: number;
  readonly step: number;
}

/** Limits of a calibration plan. */
export interface CalibrationPlanOptions {
  /** The model is refitted at each origin (no `forecastOrigins`): plan few origins. Default false. */
  readonly refit?: boolean;
  /**
   * Most origins; default 10 when refitting, else 60 or as many as keep origins x horizon within
   * `MAX_CALIBRATION_SCORES` (24 for hourly data with horizon 168), whichever is fewer, but at least 10.
   */
  readonly maxOrigins?: number;
}

/**
 * Budget of forecast errors (origins x horizon) on the refit-free path: long horizons get fewer origins,
 * which keeps calibration and the models' filter passes cheap; the step grows instead, so the folds still
 * span the same history.
 */
export const MAX_CALIBRATION_SCORES = 4096;

/** Fewest distinct target times worth calibrating on: a 95% conformal quantile needs 19. */
export const MIN_CALIBRATION_TARGETS = 20;

/**
 * Chooses the origins that calibrate conformal intervals for a series of `n` points. The first origin
 * leaves the model at least half the series and two periods of the longest season (so every fold fits on
 * a reasonable history); the last is `n - horizon`; the origins in between are spaced `step` apart with
 * `step` as small as the budget of origins allows, so that many overlapping folds see every step of the
 * horizon at every seasonal phase. Null when the folds would reach fewer than
 * `MIN_CALIBRATION_TARGETS` distinct observations: the series is too short to calibrate.
 *
 * @example
 * calibrationPlan(180, 14, [7]); // { windows: 39, step: 2 }
 */
export function calibrationPlan(
  n: number,
  horizon: number,
  seasons: readonly number[],
  options: CalibrationPlanOptions = {},
): CalibrationPlan | null {
  const maxOrigins =
    options.maxOrigins ??
    (options.refit ? 10 : Math.max(10, Math.min(60, Math.floor(MAX_CALIBRATION_SCORES / horizon))));
  if (!Number.isInteger(maxOrigins) || maxOrigins < 2)
    throw new Error(`maxOrigins: ${maxOrigins} is not an integer >= 2`);
  const longest = seasons.length > 0 ? seasons[seasons.length - 1] : 1;
  const minTrain = Math.max(2 * longest + 2, Math.ceil(n / 2), 3);
  const range = n - horizon - minTrain;
  if (range < 1) return null;
  let step = Math.max(1, Math.ceil((range + 1) / maxOrigins));
  if (options.refit) step = Math.max(step, Math.ceil(range / (maxOrigins - 1)));
  const windows = Math.floor(range / step) + 1;
  const distinct = horizon + (windows - 1) * Math.min(step, horizon);
  if (windows < 2 || distinct < MIN_CALIBRATION_TARGETS) return null;
  return { windows, step };
}
