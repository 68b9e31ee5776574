import { ndiffs } from "./ndiffs.js";
import { nsdiffs } from "./nsdiffs.js";

/**
 * The differences AutoARIMA takes, as R's auto.arima chooses them (Hyndman & Khandakar 2008): D seasonal
 * differences by the seasonal strength test (`nsdiffs`, at most 1), then d first differences of the
 * seasonally differenced series by repeated KPSS tests (`ndiffs`, at most 2, 5% level).
 *
 * @param y the series (with any regressors already regressed out)
 * @param period the seasonal period, 1 for none
 * @example unitRootDifferences(airPassengersLog, 12) // { d: 1, D: 1 }
 */
export function unitRootDifferences(y: Float64Array, period: number): { d: number; D: number } {
  const D = period > 1 ? nsdiffs(y, period) : 0;
  let x = y;
  if (D > 0) {
    x = new Float64Array(y.length - period);
    for (let t = period; t < y.length; t++) x[t - period] = y[t] - y[t - period];
  }
  return { d: ndiffs(x), D };
}
