import { meanIntervalScore } from "./mean-interval-score.js";

/**
 * Mean interval score of central prediction intervals (Gneiting & Raftery 2007, eq. 43), unscaled, in the
 * units of the series: the interval's width plus 2 / alpha times how far each actual falls outside it,
 * where alpha = 1 - level / 100. Lower is better; it rewards narrow intervals only while they keep
 * covering, and is never below the mean width. Divide by a scale for `msis`.
 *
 * A point where the actual or either bound is NaN is skipped; empty input, or input with no complete
 * point, gives NaN. Throws when the lengths differ, `level` is not strictly between 0 and 100, or a lower
 * bound is above its upper bound.
 *
 * @param actual observed values
 * @param lower lower bounds of the `level`% intervals, aligned with `actual`
 * @param upper upper bounds, aligned with `actual`
 * @param level nominal coverage in percent, e.g. 80 or 95, strictly between 0 and 100
 * @example
 * // 80% intervals (2 / alpha = 10): one inside (width 4), one 1 above (4 + 10 * 1)
 * intervalScore([5, 9], [3, 4], [7, 8], 80); // (4 + 14) / 2 = 9
 */
export function intervalScore(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  level: number,
): number {
  return meanIntervalScore("intervalScore", actual, lower, upper, level);
}
