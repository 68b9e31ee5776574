import { assertSeasonPeriod } from "./assert-season-period.js";

/**
 * In-sample mean absolute error of the seasonal naive forecast, mean(|y[t] - y[t - m]|) over
 * t = m ... n - 1: the scale that MASE and MSIS divide by (Hyndman & Koehler 2006; the M4 competition's
 * guide uses the same scale). With `seasonPeriod` 1 it is the naive (random walk) forecast's error.
 *
 * A difference with NaN on either side is skipped. A series no longer than `seasonPeriod` has no
 * difference and gives NaN. A series that repeats itself exactly every season gives 0. Compute it once per
 * series and reuse it when scaling many forecasts of the same series.
 *
 * @param insample the training series, oldest first
 * @param seasonPeriod seasonal period in steps, a whole number >= 1 (24 hourly, 7 daily, 12 monthly)
 * @example
 * seasonalNaiveMae([1, 2, 3, 5, 4, 7], 2); // (|3 - 1| + |5 - 2| + |4 - 3| + |7 - 5|) / 4 = 2
 */
export function seasonalNaiveMae(insample: ArrayLike<number>, seasonPeriod: number): number {
  assertSeasonPeriod("seasonalNaiveMae", seasonPeriod);
  let sum = 0;
  let count = 0;
  for (let t = seasonPeriod; t < insample.length; t++) {
    const y = insample[t];
    const lagged = insample[t - seasonPeriod];
    if (Number.isNaN(y) || Number.isNaN(lagged)) continue;
    sum += Math.abs(y - lagged);
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
