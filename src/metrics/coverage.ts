import { coverageCount } from "./coverage-count.js";

/**
 * Empirical coverage of prediction intervals: the fraction of actuals with lower <= actual <= upper
 * (bounds inclusive, as utilsforecast's `coverage`). A calibrated 80% interval covers about 0.8.
 *
 * A point where the actual or either bound is NaN is skipped; empty input, or input with no complete
 * point, gives NaN. Throws when the lengths differ or a lower bound is above its upper bound.
 *
 * @param actual observed values
 * @param lower lower interval bounds, aligned with `actual`
 * @param upper upper interval bounds, aligned with `actual`
 * @example
 * coverage([5, 12, 8, 6], [4, 4, 4, 4], [10, 10, 10, 10]); // 5, 8 and 6 inside, 12 above: 0.75
 */
export function coverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  const { inside, points } = coverageCount("coverage", actual, lower, upper);
  return points === 0 ? Number.NaN : inside / points;
}
