/*
 * The two accuracy measures that model selection needs, kept minimal and in one file so that they can be
 * swapped for src/metrics (MASE, interval score) when that module lands.
 */

/**
 * The MASE denominator: the in-sample mean absolute error of the seasonal naive forecast with `period`
 * (Hyndman & Koehler 2006), or of the naive forecast when the series is not longer than the period.
 * Falls back to the naive error, then to 1, when the series repeats itself exactly (a zero scale would
 * divide by zero; the candidates are compared with each other, so any positive constant ranks them alike).
 *
 * @example
 * maseScale(Float64Array.of(1, 2, 1, 2, 1, 3), 2); // mean |y[t] - y[t - 2]| = (0 + 0 + 0 + 1) / 4 = 0.25
 */
export function maseScale(y: Float64Array, period: number): number {
  const seasonal = meanAbsoluteDifference(y, period);
  if (seasonal > 0) return seasonal;
  const naive = meanAbsoluteDifference(y, 1);
  return naive > 0 ? naive : 1;
}

function meanAbsoluteDifference(y: Float64Array, lag: number): number {
  if (y.length <= lag) return 0;
  let sum = 0;
  for (let t = lag; t < y.length; t++) sum += Math.abs(y[t] - y[t - lag]);
  return sum / (y.length - lag);
}

/**
 * The interval score of a central (1 - alpha) interval for one observation (Gneiting & Raftery 2007,
 * eq. 43; the numerator of M4's MSIS): its width plus 2 / alpha times the distance by which it misses.
 *
 * @example
 * intervalScore(12, 8, 10, 0.05); // 2 + 40 * 2 = 82
 */
export function intervalScore(actual: number, lower: number, upper: number, alpha: number): number {
  let score = upper - lower;
  if (actual < lower) score += (2 / alpha) * (lower - actual);
  else if (actual > upper) score += (2 / alpha) * (actual - upper);
  return score;
}
