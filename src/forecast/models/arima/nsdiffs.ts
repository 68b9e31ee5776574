import { assertSeries } from "../baselines/validate-input.js";
import { isConstant } from "./is-constant.js";
import { seasonalStrength } from "./seasonal-strength.js";

/** Options of nsdiffs(); the default is R forecast::nsdiffs()'s. */
export interface NsdiffsOptions {
  /** Most seasonal differences to take, an integer >= 0; default 1. */
  readonly maxD?: number;
}

/** The seasonal strength above which forecast::nsdiffs() differences (its "seas" test). */
const STRENGTH_THRESHOLD = 0.64;

/** Whether x[0, n) is seasonal enough to difference; STL needs more than two periods, else no. */
function stronglySeasonal(x: Float64Array, n: number, period: number): boolean {
  if (n <= 2 * period) return false;
  // A NaN strength (no seasonal or remainder variation) compares false, as R's failing test gives 0.
  return seasonalStrength(x.subarray(0, n), period) > STRENGTH_THRESHOLD;
}

/**
 * The number of seasonal differences y needs, as R's forecast::nsdiffs() chooses it for auto.arima with
 * its default "seas" test: difference at lag `period` while the seasonal strength of an STL
 * decomposition (Wang, Smith & Hyndman 2006; see seasonalStrength) exceeds 0.64, at most maxD times.
 * A period of 1 (where R stops with "Non seasonal data"), a constant series, or too few points for STL
 * (2 period + 1) gives 0.
 *
 * @param y the series, finite values (impute gaps first)
 * @param period the seasonal period, an integer >= 1
 * @example
 * const y = Float64Array.from({ length: 72 }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / 12) + t / 10);
 * nsdiffs(y, 12) // 1
 * nsdiffs(y, 1) // 0
 */
export function nsdiffs(y: Float64Array, period: number, options: NsdiffsOptions = {}): number {
  assertSeries(y);
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`period must be an integer >= 1, got ${period}`);
  }
  const { maxD = 1 } = options;
  if (!Number.isInteger(maxD) || maxD < 0) {
    throw new RangeError(`options.maxD must be an integer >= 0, got ${maxD}`);
  }
  const x = Float64Array.from(y);
  let n = x.length;
  let seasonalDifferences = 0;
  if (period < 2 || period >= n || isConstant(x, n)) return seasonalDifferences;
  let difference = stronglySeasonal(x, n, period);
  while (difference && seasonalDifferences < maxD) {
    seasonalDifferences++;
    // In place: x[t + period] is still undifferenced when x[t] takes the difference.
    for (let t = 0; t < n - period; t++) x[t] = x[t + period] - x[t];
    n -= period;
    if (isConstant(x, n)) return seasonalDifferences;
    // forecast::nsdiffs() tests again only with at least two periods left.
    difference = n >= 2 * period && seasonalDifferences < maxD && stronglySeasonal(x, n, period);
  }
  return seasonalDifferences;
}
