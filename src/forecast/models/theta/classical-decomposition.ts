/**
 * The seasonal indices of classical decomposition (R's `decompose`, the deseasonalisation of the M4 Theta
 * benchmark): a centred moving average of order `period` (2 x period for an even period) estimates the
 * trend, each season's index is the mean of the detrended values in that position, and the indices are
 * normalised to average 1 (multiplicative) or 0 (additive). Positions count from y[0].
 *
 * @param y observations, positive when `multiplicative`
 * @param count observations to use, >= 2 * period
 * @param period season length, >= 2
 * @param multiplicative ratios to the trend (true) or differences from it (false)
 * @returns `period` indices; index i applies to times t with t % period === i
 * @example classicalSeasonalIndices(new Float64Array([1, 3, 1, 3, 1, 3]), 6, 2, false) // [-1, 1]
 */
export function classicalSeasonalIndices(
  y: Float64Array,
  count: number,
  period: number,
  multiplicative: boolean,
): Float64Array {
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  // The moving average slides: `window` is the sum of y[t - half + 1 .. t + half - 1] (odd periods: of
  // y[t - half .. t + half]), updated by one value in and one out per step instead of summed afresh, which
  // made this O(count x period) on hourly data with a weekly period.
  const first = even ? 1 - half : -half;
  let window = 0;
  for (let j = first; j <= half - (even ? 1 : 0); j++) window += y[half + j];
  for (let t = half; t < count - half; t++) {
    if (t > half) window += (even ? y[t + half - 1] : y[t + half]) - y[t - 1 + first];
    const trend = (even ? window + 0.5 * (y[t - half] + y[t + half]) : window) / period;
    sums[t % period] += multiplicative ? y[t] / trend : y[t] - trend;
    counts[t % period] += 1;
  }
  let total = 0;
  for (let i = 0; i < period; i++) {
    sums[i] /= counts[i];
    total += sums[i];
  }
  const average = total / period;
  for (let i = 0; i < period; i++) sums[i] = multiplicative ? sums[i] / average : sums[i] - average;
  return sums;
}
