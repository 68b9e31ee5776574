/** A series with its gaps filled. */
export interface ImputedSeries {
  /** The series from its first observation on, with every NaN filled. */
  readonly values: Float64Array;
  /** NaN values before the first observation, dropped (`values` starts after them). */
  readonly leading: number;
  /** NaN values filled in, after the first observation. */
  readonly imputed: number;
  /** The seasonal period the gaps were interpolated along; 1 for plain linear interpolation. */
  readonly period: number;
}

/**
 * The period to interpolate along: the longest season with at least two full periods of data (the
 * weekly profile of hourly data is a better neighbour than the day before), else 1.
 */
function interpolationPeriod(length: number, seasons: readonly number[]): number {
  for (let s = seasons.length - 1; s >= 0; s--) if (length >= 2 * seasons[s]) return seasons[s];
  return 1;
}

/**
 * Fills the gaps (NaN) of a series by seasonal interpolation: a missing value at t is the linear
 * interpolation, in time, between the nearest observations at the same seasonal phase before and after
 * it (t - a * period and t + b * period), the longest season with two full periods of data being the
 * period. With an observation on one side only (a gap at the end) it is that observation: the seasonal
 * naive value. Without a season, or without an observation at the same phase on either side, it is the
 * linear interpolation between the nearest observations, or the last observation after the end. Leading
 * NaN values are dropped: nothing before the first observation informs the forecast. Interpolating
 * observed values only (never values imputed before) keeps the result independent of the fill order.
 * Throws when there is no observation at all.
 *
 * @example
 * imputeGaps(Float64Array.of(NaN, 1, NaN, 3), []).values; // Float64Array [1, 2, 3]
 */
export function imputeGaps(values: Float64Array, seasons: readonly number[]): ImputedSeries {
  let first = 0;
  while (first < values.length && Number.isNaN(values[first])) first++;
  if (first === values.length) {
    throw new Error(`values: no observations (all ${values.length} values are NaN)`);
  }
  const y = values.slice(first);
  const n = y.length;
  const period = interpolationPeriod(n, seasons);
  let imputed = 0;
  for (let t = 1; t < n; t++) {
    if (!Number.isNaN(values[first + t])) continue;
    imputed++;
    y[t] = period > 1 ? seasonalFill(values, first, n, t, period) : Number.NaN;
    if (Number.isNaN(y[t])) y[t] = linearFill(values, first, n, t);
  }
  return { values: y, leading: first, imputed, period };
}

/** Interpolation between the nearest observations at t's phase, NaN when there is none. */
function seasonalFill(values: Float64Array, first: number, n: number, t: number, period: number): number {
  let before = t - period;
  while (before >= 0 && Number.isNaN(values[first + before])) before -= period;
  let after = t + period;
  while (after < n && Number.isNaN(values[first + after])) after += period;
  const hasBefore = before >= 0;
  const hasAfter = after < n;
  if (hasBefore && hasAfter) {
    const weight = (t - before) / (after - before);
    return values[first + before] + weight * (values[first + after] - values[first + before]);
  }
  if (hasBefore) return values[first + before];
  if (hasAfter) return values[first + after];
  return Number.NaN;
}

/** Linear interpolation between the nearest observations; the last observation after the end. */
function linearFill(values: Float64Array, first: number, n: number, t: number): number {
  let before = t - 1;
  while (Number.isNaN(values[first + before])) before--;
  let after = t + 1;
  while (after < n && Number.isNaN(values[first + after])) after++;
  if (after === n) return values[first + before];
  const weight = (t - before) / (after - before);
  return values[first + before] + weight * (values[first + after] - values[first + before]);
}
