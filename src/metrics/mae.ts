import { assertSameLength } from "./assert-same-length.js";

/**
 * Mean absolute error, mean(|actual - predicted|), in the units of the series.
 *
 * A pair where either side is NaN is skipped (a gap in the actuals or a horizon the model did not reach),
 * so the mean runs over the remaining pairs; infinities are not skipped and propagate. Empty input, or
 * input with no complete pair, gives NaN. Throws when the lengths differ.
 *
 * @param actual observed values
 * @param predicted point forecasts, aligned with `actual`
 * @example
 * mae([1, 2, 3], [2, 2, 5]); // (1 + 0 + 2) / 3 = 1
 */
export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertSameLength("mae", "actual", actual, "predicted", predicted);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const f = predicted[i];
    if (Number.isNaN(y) || Number.isNaN(f)) continue;
    sum += Math.abs(y - f);
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
