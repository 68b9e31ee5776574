import { assertOrderedBounds } from "./assert-ordered-bounds.js";
import { assertSameLength } from "./assert-same-length.js";

/**
 * The mean interval score behind `intervalScore` and `msis`, with the caller's name in its errors.
 * Gneiting & Raftery (2007), eq. 43: for a central (1 - alpha) interval [l, u] and outcome y,
 * S = (u - l) + (2 / alpha) (l - y) 1{y < l} + (2 / alpha) (y - u) 1{y > u}.
 *
 * @param metric the public function's name, used as the message prefix
 * @param level nominal coverage in percent, strictly between 0 and 100
 */
export function meanIntervalScore(
  metric: string,
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  level: number,
): number {
  assertSameLength(metric, "actual", actual, "lower", lower);
  assertSameLength(metric, "actual", actual, "upper", upper);
  if (!(level > 0 && level < 100)) {
    throw new RangeError(`${metric}: level must be a percentage strictly between 0 and 100, got ${level}`);
  }
  // 2 / alpha with alpha = 1 - level / 100, written so that 80 and 95 give exactly 10 and 40.
  const penalty = 200 / (100 - level);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const lo = lower[i];
    const hi = upper[i];
    if (Number.isNaN(y) || Number.isNaN(lo) || Number.isNaN(hi)) continue;
    assertOrderedBounds(metric, i, lo, hi);
    let score = hi - lo;
    if (y < lo) score += penalty * (lo - y);
    else if (y > hi) score += penalty * (y - hi);
    sum += score;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
