import { assertSameLength } from "./assert-same-length.js";
import { dayNumber } from "./day-number.js";

/** Ten years of days: a larger window is almost surely a unit mistake (milliseconds, hours). */
const MAX_WINDOW_DAYS = 3660;

/**
 * MAPE of daily totals over the last `windowDays` calendar days ending at `endDay` (inclusive), as a
 * fraction like `mape`: the accuracy figure an ad-ops dashboard shows for "the last 7 days".
 *
 * Each point carries its calendar day, so the input can be one point per day or many (hourly points keyed
 * by their reporting day). Points of the same day are summed, actuals and forecasts alike, and each day's
 * error is |total actual - total forecast| / |total actual|; the result is the mean over days. Points
 * outside the window are ignored, whatever their order. A point where the actual or the forecast is NaN is
 * left out of both totals, so a partly missing day is still compared like with like; a day with no complete
 * point is missing and skipped, and so is a day whose total actual is zero (its percentage error is
 * undefined). When no day remains the result is NaN.
 *
 * Throws when the three inputs differ in length, when `endDay` or any entry of `days` is not a `YYYY-MM-DD`
 * date, or when `windowDays` is not a whole number from 1 to 3660.
 *
 * @param days the calendar day (`YYYY-MM-DD`, in the reporting time zone) of each point
 * @param actual observed values, aligned with `days`
 * @param predicted point forecasts, aligned with `days`
 * @param endDay the last day of the window (`YYYY-MM-DD`), included
 * @param windowDays length of the window in calendar days, default 7
 * @example
 * rollingMape(
 *   ["2026-11-01", "2026-11-02", "2026-11-02", "2026-11-03"],
 *   [100, 30, 20, 0],
 *   [90, 30, 30, 5],
 *   "2026-11-03",
 * ); // Nov 1 misses by 0.1, Nov 2 totals 50 vs 60 miss by 0.2, Nov 3 has zero actual: (0.1 + 0.2) / 2 = 0.15
 */
export function rollingMape(
  days: readonly string[],
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  endDay: string,
  windowDays = 7,
): number {
  assertSameLength("rollingMape", "days", days, "actual", actual);
  assertSameLength("rollingMape", "actual", actual, "predicted", predicted);
  const end = dayNumber(endDay);
  if (Number.isNaN(end)) throw new RangeError(`rollingMape: endDay "${endDay}" is not a date (YYYY-MM-DD)`);
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
    throw new RangeError(
      `rollingMape: windowDays must be a whole number from 1 to ${MAX_WINDOW_DAYS}, got ${windowDays}`,
    );
  }
  // Slot k holds the day k days before endDay.
  const actualTotals = new Float64Array(windowDays);
  const predictedTotals = new Float64Array(windowDays);
  const points = new Uint32Array(windowDays);
  for (let i = 0; i < days.length; i++) {
    const day = dayNumber(days[i]);
    if (Number.isNaN(day))
      throw new RangeError(`rollingMape: days[${i}] "${days[i]}" is not a date (YYYY-MM-DD)`);
    const slot = end - day;
    if (slot < 0 || slot >= windowDays) continue;
    const y = actual[i];
    const f = predicted[i];
    if (Number.isNaN(y) || Number.isNaN(f)) continue;
    actualTotals[slot] += y;
    predictedTotals[slot] += f;
    points[slot]++;
  }
  let sum = 0;
  let count = 0;
  for (let slot = 0; slot < windowDays; slot++) {
    const total = actualTotals[slot];
    if (points[slot] === 0 || total === 0) continue;
    sum += Math.abs(total - predictedTotals[slot]) / Math.abs(total);
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
