import { assertSameLength } from "./assert-same-length.js";

/**
 * Symmetric mean absolute percentage error as a fraction in [0, 1]:
 * mean(|actual - predicted| / (|actual| + |predicted|)).
 *
 * This is utilsforecast's `smape` convention (bounded by 1, i.e. 100%). The M3/M4 competitions report
 * 200 * mean(|actual - predicted| / (|actual| + |predicted|)), bounded by 200%; multiply by 200 to get it.
 * A pair with both sides zero is a perfect forecast and counts as 0 (as in utilsforecast). A pair where
 * either side is NaN is skipped; empty input, or input with no complete pair, gives NaN. Throws when the
 * lengths differ.
 *
 * @param actual observed values
 * @param predicted point forecasts, aligned with `actual`
 * @example
 * smape([100, 0, 0], [300, 5, 0]); // (200 / 400 + 5 / 5 + 0) / 3 = 0.5
 */
export function smape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertSameLength("smape", "actual", actual, "predicted", predicted);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const f = predicted[i];
    if (Number.isNaN(y) || Number.isNaN(f)) continue;
    const scale = Math.abs(y) + Math.abs(f);
    if (scale > 0) sum += Math.abs(y - f) / scale;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
