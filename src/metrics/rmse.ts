import { assertSameLength } from "./assert-same-length.js";

/**
 * Root mean squared error, sqrt(mean((actual - predicted)^2)), in the units of the series.
 *
 * A pair where either side is NaN is skipped; empty input, or input with no complete pair, gives NaN.
 * Throws when the lengths differ.
 *
 * @param actual observed values
 * @param predicted point forecasts, aligned with `actual`
 * @example
 * rmse([1, 2, 3], [2, 2, 5]); // sqrt((1 + 0 + 4) / 3) = 1.2909944487358056
 */
export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertSameLength("rmse", "actual", actual, "predicted", predicted);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const f = predicted[i];
    if (Number.isNaN(y) || Number.isNaN(f)) continue;
    const error = y - f;
    sum += error * error;
    count++;
  }
  return count === 0 ? Number.NaN : Math.sqrt(sum / count);
}
