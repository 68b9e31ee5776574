import { assertSameLength } from "./assert-same-length.js";

/**
 * Mean absolute percentage error as a fraction: mean(|actual - predicted| / |actual|), so 0.1 means 10%.
 * This follows utilsforecast's `mape`, which also returns a fraction; multiply by 100 for percent.
 *
 * A pair whose actual is zero is skipped, since its percentage error is undefined (utilsforecast counts
 * it as a zero error instead, which flatters forecasts of sparse series). A pair where either side is NaN
 * is skipped too. Empty input, or input with nothing left after skipping, gives NaN. Throws when the
 * lengths differ.
 *
 * @param actual observed values
 * @param predicted point forecasts, aligned with `actual`
 * @example
 * mape([100, 0, 50], [110, 7, 40]); // (0.1 + 0.2) / 2 = 0.15; the zero actual is skipped
 */
export function mape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertSameLength("mape", "actual", actual, "predicted", predicted);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const f = predicted[i];
    if (y === 0 || Number.isNaN(y) || Number.isNaN(f)) continue;
    sum += Math.abs(y - f) / Math.abs(y);
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
