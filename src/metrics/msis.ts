import { assertSeasonPeriod } from "./assert-season-period.js";
import { meanIntervalScore } from "./mean-interval-score.js";
import { seasonalNaiveMae } from "./seasonal-naive-mae.js";

/**
 * Mean scaled interval score, as in the M4 competition (Makridakis, Spiliotis & Assimakopoulos 2020,
 * "The M4 Competition", IJF 36(1)): the mean interval score of Gneiting & Raftery (2007) divided by the
 * in-sample MAE of the seasonal naive forecast, the same scale as MASE, so it compares across series of
 * different size.
 *
 * Points with a NaN actual or bound are skipped, as are NaN differences in the scale. When the scale is 0
 * (an in-sample series that repeats exactly every season) or undefined (a series no longer than
 * `seasonPeriod`) the result is NaN, as for `mase`. Empty input gives NaN. Throws when the lengths differ,
 * `level` is not strictly between 0 and 100, a lower bound is above its upper bound, or `seasonPeriod` is
 * not a whole number >= 1.
 *
 * @param actual observed values over the forecast horizon
 * @param lower lower bounds of the `level`% intervals, aligned with `actual`
 * @param upper upper bounds, aligned with `actual`
 * @param level nominal coverage in percent, e.g. 95 as in M4, strictly between 0 and 100
 * @param insample the training series the forecast was fitted on, oldest first
 * @param seasonPeriod seasonal period in steps, a whole number >= 1
 * @example
 * // interval score 9 (see intervalScore), in-sample seasonal naive MAE 2 (see seasonalNaiveMae)
 * msis([5, 9], [3, 4], [7, 8], 80, [1, 2, 3, 5, 4, 7], 2); // 4.5
 */
export function msis(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  level: number,
  insample: ArrayLike<number>,
  seasonPeriod: number,
): number {
  assertSeasonPeriod("msis", seasonPeriod);
  const score = meanIntervalScore("msis", actual, lower, upper, level);
  const scale = seasonalNaiveMae(insample, seasonPeriod);
  return scale > 0 ? score / scale : Number.NaN;
}
