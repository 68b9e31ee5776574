import { assertOrderedBounds } from "./assert-ordered-bounds.js";
import { assertSameLength } from "./assert-same-length.js";

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
  assertSameLength("coverage", "actual", actual, "lower", lower);
  assertSameLength("coverage", "actual", actual, "upper", upper);
  let inside = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const lo = lower[i];
    const hi = upper[i];
    if (Number.isNaN(y) || Number.isNaN(lo) || Number.isNaN(hi)) continue;
    assertOrderedBounds("coverage", i, lo, hi);
    if (lo <= y && y <= hi) inside++;
    count++;
  }
  return count === 0 ? Number.NaN : inside / count;
}
