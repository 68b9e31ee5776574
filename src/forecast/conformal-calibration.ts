import { conformalRank } from "./conformal-quantile.js";
import type { CrossValidation } from "./cross-validate.js";
import type { ForecastResult } from "./forecaster.js";
import { isotonicIncreasing } from "./isotonic-increasing.js";
import { selectKth } from "./select-kth.js";

/**
 * Pseudo-observations (distinct target times per phase) that pull each seasonal phase factor towards 1.
 * With tens of distinct targets per phase (hourly data, period 24) the factors follow the data; with a
 * handful (monthly data, period 12) they stay near 1, where noise would cost coverage.
 */
const PHASE_PRIOR_TARGETS = 30;

/**
 * A fitted conformal scheme: the half-width at level l, step j + 1 of a forecast made at origin t is
 * `quantiles[l] * stepScale[j] * phaseFactor[(t + j) % period]`.
 */
export interface ConformalFit {
  readonly horizon: number;
  readonly levels: readonly number[];
  /** Per level: the split-conformal quantile of the pooled normalised scores (Infinity: too few scores). */
  readonly quantiles: Float64Array;
  /** Per step: the mean normalised absolute error, non-decreasing in the step. */
  readonly stepScale: Float64Array;
  /** Seasonal period of the phase factors; 1 when there is none. */
  readonly period: number;
  /** Per phase of the target time index (t + j) % period: the relative size of its errors. */
  readonly phaseFactor: Float64Array;
  /** Number of forecast origins the errors came from. */
  readonly origins: number;
}

/**
 * Fits conformal intervals to cross-validation errors `absErrors[k * horizon + j]` = |y - yhat| of the
 * forecast made at `origins[k]` for step j + 1.
 *
 * Split conformal per horizon step (Stankeviciute et al. 2021; statsforecast's ConformalIntervals) has one
 * error per origin and step, so with tens of origins its 95% quantile is noisy. Here the errors are made
 * exchangeable across steps and pooled, as in normalised conformal prediction (Papadopoulos et al. 2011;
 * Lei et al. 2018, section 5.2): each error is divided by a step scale (the mean absolute error of its
 * step, made non-decreasing by isotonic regression since error does not shrink with the horizon) and by a
 * phase factor (the mean absolute error of its target's seasonal phase relative to all errors, shrunk
 * towards 1; for hours of the day with unequal noise). The conformal quantile of the pooled scores then
 * scales back to each step and phase. Its level is the coverage r / (d + 1) of the finite-sample
 * conformal rank r = ceil((d + 1) * level) among d scores, with d the number of distinct target times
 * taken as the sample size: overlapping folds score the same observation up to `horizon` times, so the
 * m pooled scores hold far fewer independent errors than m.
 *
 * @param period seasonal period for the phase factors (the smallest season), 1 for none
 * @param originScales optional scale of each origin's errors (see `relativeScales`): errors are divided
 *   by it, and the half-widths of a forecast are multiplied by the scale at its origin
 * @example
 * const fit = fitConformal(errors, origins, 14, [80, 95], 7);
 * conformalHalfWidths(fit, y.length)[1][0]; // 95% half-width one step after the data
 */
export function fitConformal(
  absErrors: Float64Array,
  origins: readonly number[],
  horizon: number,
  levels: readonly number[],
  period = 1,
  originScales?: Float64Array,
): ConformalFit {
  const count = origins.length;
  if (count < 1 || count * horizon !== absErrors.length) {
    throw new Error(
      `absErrors: length ${absErrors.length} is not ${origins.length} origins x horizon ${horizon}`,
    );
  }
  if (!Number.isInteger(period) || period < 1) throw new Error(`period: ${period} is not an integer >= 1`);
  if (originScales !== undefined) {
    if (originScales.length !== count) {
      throw new Error(`originScales: ${originScales.length} scales for ${count} origins`);
    }
    const relative = new Float64Array(absErrors.length);
    for (let k = 0; k < count; k++) {
      for (let j = 0, i = k * horizon; j < horizon; j++, i++) relative[i] = absErrors[i] / originScales[k];
    }
    absErrors = relative;
  }
  const phaseFactor = phaseFactors(absErrors, origins, horizon, period);
  const stepScale = new Float64Array(horizon);
  // Phases advance with j and wrap, which spares a modulo per error.
  for (let k = 0; k < count; k++) {
    let phase = origins[k] % period;
    for (let j = 0, i = k * horizon; j < horizon; j++, i++) {
      stepScale[j] += absErrors[i] / phaseFactor[phase];
      if (++phase === period) phase = 0;
    }
  }
  for (let j = 0; j < horizon; j++) stepScale[j] /= count;
  isotonicIncreasing(stepScale, stepScale);
  const scores = new Float64Array(count * horizon);
  for (let k = 0; k < count; k++) {
    let phase = origins[k] % period;
    for (let j = 0, i = k * horizon; j < horizon; j++, i++) {
      const scale = stepScale[j] * phaseFactor[phase];
      // A zero scale means every error of the step was zero; its scores carry no spread.
      scores[i] = scale > 0 ? absErrors[i] / scale : 0;
      if (++phase === period) phase = 0;
    }
  }
  const quantiles = new Float64Array(levels.length);
  const distinct = distinctTargets(origins, horizon);
  const ranks = levels.map((level) => {
    const distinctRank = conformalRank(distinct, level / 100);
    // Rank r of d covers with probability r / (d + 1); the pooled scores are read at that quantile.
    const rank = Math.ceil((scores.length * distinctRank) / (distinct + 1) - 1e-9);
    return distinctRank > distinct ? Number.POSITIVE_INFINITY : Math.min(scores.length, rank);
  });
  // Highest rank first: each selection leaves the smaller scores in front, so the next one searches only
  // the prefix below the previous rank.
  const order = levels.map((_, l) => l).sort((a, b) => ranks[b] - ranks[a]);
  let prefix = scores.length;
  let previousRank = Number.NaN;
  let previous = Number.NaN;
  for (const l of order) {
    const rank = ranks[l];
    if (rank === Number.POSITIVE_INFINITY) quantiles[l] = rank;
    else if (rank === previousRank) quantiles[l] = previous;
    else {
      previous = selectKth(scores, rank - 1, prefix);
      previousRank = rank;
      prefix = rank;
      quantiles[l] = previous;
    }
  }
  return { horizon, levels, quantiles, stepScale, period, phaseFactor, origins: count };
}

/** How many distinct time indices the folds at ascending `origins` forecast. */
function distinctTargets(origins: readonly number[], horizon: number): number {
  let distinct = horizon;
  for (let k = 1; k < origins.length; k++) distinct += Math.min(horizon, origins[k] - origins[k - 1]);
  return distinct;
}

/** Mean absolute error per phase of the target time, relative to all errors, shrunk towards 1. */
function phaseFactors(absErrors: Float64Array, origins: readonly number[], horizon: number, period: number) {
  const factor = new Float64Array(period).fill(1);
  if (period === 1) return factor;
  const sum = new Float64Array(period);
  const hits = new Float64Array(period);
  let total = 0;
  for (let k = 0; k < origins.length; k++) {
    let phase = origins[k] % period;
    for (let j = 0, i = k * horizon; j < horizon; j++, i++) {
      sum[phase] += absErrors[i];
      hits[phase]++;
      total += absErrors[i];
      if (++phase === period) phase = 0;
    }
  }
  if (!(total > 0)) return factor;
  const overall = total / absErrors.length;
  // Overlapping folds reach the same target time many times, so the evidence for a phase is the number
  // of distinct target times in it, span / period, not its number of errors.
  const targets = distinctTargets(origins, horizon) / period;
  const weight = targets / (targets + PHASE_PRIOR_TARGETS);
  for (let c = 0; c < period; c++) {
    if (hits[c] > 0) factor[c] = 1 + weight * (sum[c] / hits[c] / overall - 1);
  }
  return factor;
}

/**
 * The half-widths of a forecast made at `origin` (normally `y.length`): one array of `horizon` per level.
 *
 * @param scale the scale at `origin` when the fit was given `originScales`, else 1
 * @example
 * const [w80, w95] = conformalHalfWidths(fit, y.length);
 */
export function conformalHalfWidths(fit: ConformalFit, origin: number, scale = 1): Float64Array[] {
  const { horizon, quantiles, stepScale, period, phaseFactor } = fit;
  const widths: Float64Array[] = [];
  for (let l = 0; l < quantiles.length; l++) {
    const width = new Float64Array(horizon);
    for (let j = 0; j < horizon; j++) {
      width[j] = quantiles[l] * stepScale[j] * phaseFactor[(origin + j) % period] * scale;
    }
    widths.push(width);
  }
  return widths;
}

/**
 * Conformal fit from a cross-validation: `fitConformal` on the absolute errors of its folds, optionally
 * relative to a scale per fold (`originScales`, one per fold).
 *
 * @example
 * const fit = conformalCalibration(crossValidate(y, model, options), [80, 95], 7);
 */
export function conformalCalibration(
  cv: CrossValidation,
  levels: readonly number[],
  period = 1,
  originScales?: Float64Array,
): ConformalFit {
  const { horizon, folds } = cv;
  if (folds.length === 0) throw new Error("cv: no folds to calibrate on");
  const errors = new Float64Array(folds.length * horizon);
  for (let k = 0; k < folds.length; k++) {
    const { actual, mean } = folds[k];
    for (let j = 0; j < horizon; j++) errors[k * horizon + j] = Math.abs(actual[j] - mean[j]);
  }
  return fitConformal(
    errors,
    folds.map((fold) => fold.origin),
    horizon,
    levels,
    period,
    originScales,
  );
}

/**
 * A forecast made at `origin` with its intervals replaced by conformal ones, mean ± the half-widths. A
 * level the fit has too few scores for (infinite half-width) keeps the model's own bounds.
 *
 * @param scale the scale at `origin` when the fit was given `originScales`, else 1
 * @example
 * const calibrated = applyConformal(model.forecast(y, request), fit, y.length);
 */
export function applyConformal(
  result: ForecastResult,
  fit: ConformalFit,
  origin: number,
  scale = 1,
): ForecastResult {
  const { mean } = result;
  if (mean.length !== fit.horizon) {
    throw new Error(`fit: horizon ${fit.horizon} does not match the forecast's ${mean.length}`);
  }
  if (result.lower.length !== fit.levels.length || result.upper.length !== fit.levels.length) {
    throw new Error(`fit: ${fit.levels.length} levels do not match the forecast's ${result.lower.length}`);
  }
  const widths = conformalHalfWidths(fit, origin, scale);
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (let l = 0; l < widths.length; l++) {
    if (!Number.isFinite(fit.quantiles[l])) {
      lower.push(result.lower[l]);
      upper.push(result.upper[l]);
      continue;
    }
    const lo = new Float64Array(mean.length);
    const hi = new Float64Array(mean.length);
    for (let j = 0; j < mean.length; j++) {
      lo[j] = mean[j] - widths[l][j];
      hi[j] = mean[j] + widths[l][j];
    }
    lower.push(lo);
    upper.push(hi);
  }
  return { mean, lower, upper, fitted: result.fitted, description: result.description };
}
