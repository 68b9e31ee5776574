import { classicalSeasonalIndices } from "./classical-decomposition.js";
import { passesSeasonalityTest } from "./seasonality-test.js";

/** How a series was deseasonalised before the Theta model saw it. */
export interface SeasonalAdjustment {
  readonly period: number;
  readonly multiplicative: boolean;
  /** Index for times t with t % period === i, counted from the first observation. */
  readonly indices: Float64Array;
}

/** Smallest multiplicative index accepted; below it the ratios are unstable and additive is used. */
const SMALLEST_MULTIPLICATIVE_INDEX = 0.01;

/**
 * Decides whether and how to deseasonalise `y[0, count)` for a Theta model. The period is the longest of
 * `seasons` with at least two full seasons of data that the 90% autocorrelation test finds, trying the
 * longer ones first: a weekly profile of hourly data holds the daily one too (what R's thetaf does with
 * an `msts` series, whose frequency is its longest period), while a daily one misses the weekend.
 * The decomposition is multiplicative, as in the M4 Theta benchmark and R's thetaf, unless the data
 * has negative values or a multiplicative index falls below 0.01 (statsforecast's guard); then it is
 * additive. Zeros stay multiplicative, as in R's `decompose`.
 *
 * @param y observations
 * @param count observations to use
 * @param seasons candidate periods, ascending
 * @returns the adjustment, or null for none
 * @example
 * const spikes = Float64Array.from({ length: 14 }, (_, t) => (t % 7 === 6 ? 20 : 2));
 * chooseSeasonalAdjustment(spikes, 14, [7]) // { period: 7, multiplicative: true, indices: [...] }
 */
export function chooseSeasonalAdjustment(
  y: Float64Array,
  count: number,
  seasons: readonly number[],
): SeasonalAdjustment | null {
  let period = 0;
  for (let i = seasons.length - 1; i >= 0 && period === 0; i--) {
    const season = seasons[i];
    if (season >= 2 && count >= 2 * season && passesSeasonalityTest(y, count, season)) period = season;
  }
  if (period === 0) return null;
  // Zeros are fine for ratios to the trend (a quiet night hour of ad traffic); negative values are not.
  let nonNegative = true;
  let total = 0;
  for (let t = 0; t < count; t++) {
    if (!(y[t] >= 0)) nonNegative = false;
    total += y[t];
  }
  if (nonNegative && total > 0) {
    const indices = classicalSeasonalIndices(y, count, period, true);
    if (indices.every((index) => index >= SMALLEST_MULTIPLICATIVE_INDEX)) {
      return { period, multiplicative: true, indices };
    }
  }
  return { period, multiplicative: false, indices: classicalSeasonalIndices(y, count, period, false) };
}

/**
 * Removes the seasonal pattern from y[0, length) into `out`.
 * @param adjustment from chooseSeasonalAdjustment
 */
export function deseasonalize(
  y: Float64Array,
  length: number,
  adjustment: SeasonalAdjustment,
  out: Float64Array,
): void {
  const { period, multiplicative, indices } = adjustment;
  for (let t = 0; t < length; t++) {
    const index = indices[t % period];
    out[t] = multiplicative ? y[t] / index : y[t] - index;
  }
}

/**
 * Puts the seasonal pattern back, in place, into values for times firstTime .. firstTime + count - 1.
 * @param adjustment from chooseSeasonalAdjustment
 */
export function reseasonalize(
  values: Float64Array,
  offset: number,
  count: number,
  firstTime: number,
  adjustment: SeasonalAdjustment,
): void {
  const { period, multiplicative, indices } = adjustment;
  for (let j = 0; j < count; j++) {
    const index = indices[(firstTime + j) % period];
    if (multiplicative) values[offset + j] *= index;
    else values[offset + j] += index;
  }
}
