/**
 * The seasonal component of a classical decomposition (R's `decompose`, after Kendall & Stuart): a centred
 * moving average of one period estimates the trend, each season's detrended values (differences, or ratios
 * when multiplicative) are averaged, and the averages are centred to sum to 0 (additive) or to average 1
 * (multiplicative). Needs at least two full periods.
 *
 * @param y the series
 * @param period seasonal period m >= 2
 * @param multiplicative ratios to the trend instead of differences
 * @returns the seasonal figure, out[j] for the observations at j, j + m, j + 2m, ...
 * @example seasonalFigure(Float64Array.of(1, 3, 1, 3, 1, 3), 2, false) // [-1, 1]
 */
export function seasonalFigure(y: Float64Array, period: number, multiplicative: boolean): Float64Array {
  const n = y.length;
  if (!(Number.isInteger(period) && period >= 2))
    throw new RangeError(`seasonalFigure: period must be an integer >= 2, got ${period}`);
  if (n < 2 * period)
    throw new RangeError(`seasonalFigure: y needs two full periods (${2 * period} values), got ${n}`);
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  // A window of m + 1 values with halved ends for even m (the 2 x m moving average), of m values for odd m.
  let window = 0;
  for (let i = 0; i < (even ? period + 1 : period); i++)
    window += even && (i === 0 || i === period) ? 0.5 * y[i] : y[i];
  for (let t = half; t < n - half; t++) {
    if (t > half) {
      // Slide the window one step: drop the old ends, add the new ones, with the halves for even m.
      const oldStart = t - half - 1;
      const newEnd = t + half;
      if (even) window += 0.5 * (y[newEnd] + y[newEnd - 1]) - 0.5 * (y[oldStart] + y[oldStart + 1]);
      else window += y[newEnd] - y[oldStart];
    }
    const trend = window / period;
    const detrended = multiplicative ? y[t] / trend : y[t] - trend;
    const j = t % period;
    sums[j] += detrended;
    counts[j]++;
  }
  const figure = new Float64Array(period);
  let total = 0;
  for (let j = 0; j < period; j++) {
    figure[j] = sums[j] / counts[j];
    total += figure[j];
  }
  const centre = total / period;
  for (let j = 0; j < period; j++) figure[j] = multiplicative ? figure[j] / centre : figure[j] - centre;
  return figure;
}
