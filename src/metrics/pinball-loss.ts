import { assertSameLength } from "./assert-same-length.js";

/**
 * Mean pinball (quantile) loss of a quantile forecast (Koenker & Bassett 1978; Gneiting 2011,
 * "Quantiles as optimal point forecasts"): the mean of q * (actual - quantile) where the actual is at or
 * above the quantile, and (1 - q) * (quantile - actual) where it is below. The same loss as utilsforecast's
 * `quantile_loss`, without a factor of 2, so at q = 0.5 it is half the MAE.
 *
 * A pair where either side is NaN is skipped; empty input, or input with no complete pair, gives NaN.
 * Throws when the lengths differ or `q` is not strictly between 0 and 1.
 *
 * @param actual observed values
 * @param quantilePrediction forecasts of the q-quantile, aligned with `actual`
 * @param q the quantile level, strictly between 0 and 1 (0.9 for a P90 forecast)
 * @example
 * // P90 forecasts: an actual 10 above costs 0.9 * 10, an actual 10 below costs 0.1 * 10
 * pinballLoss([110, 90], [100, 100], 0.9); // (9 + 1) / 2 = 5
 */
export function pinballLoss(
  actual: ArrayLike<number>,
  quantilePrediction: ArrayLike<number>,
  q: number,
): number {
  assertSameLength("pinballLoss", "actual", actual, "quantilePrediction", quantilePrediction);
  if (!(q > 0 && q < 1)) throw new RangeError(`pinballLoss: q must be strictly between 0 and 1, got ${q}`);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const f = quantilePrediction[i];
    if (Number.isNaN(y) || Number.isNaN(f)) continue;
    const error = y - f;
    sum += error >= 0 ? q * error : (q - 1) * error;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
