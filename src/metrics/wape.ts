import { assertSameLength } from "./assert-same-length.js";

/**
 * Weighted absolute percentage error as a fraction: sum(|actual - predicted|) / sum(|actual|), the total
 * absolute miss relative to the total volume (also called MAD/mean ratio, or ND in GluonTS).
 *
 * Unlike MAPE, zero actuals are kept: their error adds to the numerator and nothing to the denominator,
 * which is what makes WAPE usable on sparse ad-inventory slices. A pair where either side is NaN is skipped.
 * When the remaining actuals sum to zero in absolute value (all zero, or no complete pair, or empty input)
 * the ratio has no scale and the result is NaN. Throws when the lengths differ.
 *
 * @param actual observed values
 * @param predicted point forecasts, aligned with `actual`
 * @example
 * wape([100, 0, 50], [110, 5, 40]); // (10 + 5 + 10) / (100 + 0 + 50) = 0.16666666666666666
 */
export function wape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  assertSameLength("wape", "actual", actual, "predicted", predicted);
  let absoluteErrors = 0;
  let absoluteActuals = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i];
    const f = predicted[i];
    if (Number.isNaN(y) || Number.isNaN(f)) continue;
    absoluteErrors += Math.abs(y - f);
    absoluteActuals += Math.abs(y);
  }
  return absoluteActuals === 0 ? Number.NaN : absoluteErrors / absoluteActuals;
}
