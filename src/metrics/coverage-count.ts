import { assertOrderedBounds } from "./assert-ordered-bounds.js";
import { assertSameLength } from "./assert-same-length.js";

/**
 * The counts behind `coverage`: the points with an actual and both bounds, and those with lower <= actual <=
 * upper (bounds inclusive). A point where the actual or either bound is NaN is skipped. Throws, naming `metric`,
 * when the lengths differ or a lower bound is above its upper bound. Counts pool over windows where shares do
 * not, and `coverageStandardError` takes them per window.
 *
 * @param metric the name errors are reported under
 * @example
 * coverageCount("coverage", [5, 12, 8, 6], [4, 4, 4, 4], [10, 10, 10, 10]); // { inside: 3, points: 4 }
 */
export function coverageCount(
  metric: string,
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): { inside: number; points: number } {
  assertSameLength(metric, "actual", actual, "lower", lower);
  assertSameLength(metric, "actual", actual, "upper", upper);
  let inside = 0;
  let points = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const lo = lower[i];
    const hi = upper[i];
    if (Number.isNaN(y) || Number.isNaN(lo) || Number.isNaN(hi)) continue;
    assertOrderedBounds(metric, i, lo, hi);
    if (lo <= y && y <= hi) inside++;
    points++;
  }
  return { inside, points };
}
