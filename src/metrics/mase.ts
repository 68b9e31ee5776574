import { assertSameLength } from "./assert-same-length.js";
import { assertSeasonPeriod } from "./assert-season-period.js";
import { mae } from "./mae.js";
import { seasonalNaiveMae } from "./seasonal-naive-mae.js";

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006, "Another look at measures of forecast accuracy",
 * with the seasonal scale of Hyndman & Athanasopoulos, FPP3 section 5.8): the out-of-sample MAE divided by
 * the in-sample MAE of the seasonal naive forecast. Below 1, the forecast beats what the seasonal naive
 * method did on the training data.
 *
 * NaN pairs are skipped on both sides of the ratio (see `mae` and `seasonalNaiveMae`). When the scale is 0
 * (an in-sample series that repeats exactly every season, e.g. a constant one) or undefined (a series no
 * longer than `seasonPeriod`), the ratio means nothing and the result is NaN, so that averages over many
 * series can skip it; utilsforecast returns 0 here and R's `accuracy()` Infinity or NaN. Empty `actual`
 * gives NaN. Throws when `actual` and `predicted` differ in length or `seasonPeriod` is not a whole
 * number >= 1.
 *
 * @param actual observed values over the forecast horizon
 * @param predicted point forecasts, aligned with `actual`
 * @param insample the training series the forecast was fitted on, oldest first
 * @param seasonPeriod seasonal period in steps, a whole number >= 1 (1 scales by the naive forecast)
 * @example
 * // out-of-sample MAE (1 + 3) / 2 = 2, in-sample seasonal naive MAE 2 (see seasonalNaiveMae)
 * mase([8, 10], [9, 7], [1, 2, 3, 5, 4, 7], 2); // 1
 */
export function mase(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  insample: ArrayLike<number>,
  seasonPeriod: number,
): number {
  assertSameLength("mase", "actual", actual, "predicted", predicted);
  assertSeasonPeriod("mase", seasonPeriod);
  const scale = seasonalNaiveMae(insample, seasonPeriod);
  if (!(scale > 0)) return Number.NaN;
  return mae(actual, predicted) / scale;
}
