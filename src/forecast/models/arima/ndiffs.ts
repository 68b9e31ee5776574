import { assertSeries } from "../baselines/validate-input.js";
import { isConstant } from "./is-constant.js";
import { kpss } from "./kpss.js";
import type { KpssNull } from "./kpss-p-value.js";

/** Options of ndiffs(); the defaults are R forecast::ndiffs()'s. */
export interface NdiffsOptions {
  /** Size of the test, in [0.01, 0.1] (the range the KPSS table covers); default 0.05. */
  readonly alpha?: number;
  /** Most differences to take, an integer >= 0; default 2. */
  readonly maxD?: number;
  /** The unit root test; only KPSS, the default. */
  readonly test?: "kpss";
  /** Stationarity around a level (default) or a linear trend. */
  readonly type?: KpssNull;
}

function checkOptions(options: NdiffsOptions): void {
  const { alpha = 0.05, maxD = 2, test = "kpss", type = "level" } = options;
  if (!(alpha >= 0.01 && alpha <= 0.1)) {
    throw new RangeError(`options.alpha must lie in [0.01, 0.1], the KPSS table's range, got ${alpha}`);
  }
  if (!Number.isInteger(maxD) || maxD < 0) {
    throw new RangeError(`options.maxD must be an integer >= 0, got ${maxD}`);
  }
  if (test !== "kpss") throw new RangeError(`options.test must be "kpss", got ${test}`);
  if (type !== "level" && type !== "trend") {
    throw new RangeError(`options.type must be "level" or "trend", got ${type}`);
  }
}

/** Whether KPSS rejects stationarity of x[0, n) at size alpha: true, false, or null when undecidable. */
function rejects(x: Float64Array, n: number, alpha: number, type: KpssNull): boolean | null {
  // The lag truncation forecast::ndiffs hands urca::ur.kpss: trunc(3 sqrt(n) / 13).
  const lags = Math.trunc((3 * Math.sqrt(n)) / 13);
  const { pValue } = kpss(x.subarray(0, n), { null: type, lags });
  return Number.isNaN(pValue) ? null : pValue < alpha;
}

/**
 * The number of first differences that make y stationary, as R's forecast::ndiffs() chooses it for
 * auto.arima (Hyndman & Khandakar 2008, "Automatic time series forecasting: the forecast package for R",
 * J. Statistical Software 27(3), section 3.2): difference while the KPSS test rejects stationarity at
 * size alpha, at most maxD times, stopping once the series is constant.
 *
 * @param y the series, finite values (impute gaps first)
 * @example
 * ndiffs(Float64Array.from({ length: 100 }, (_, t) => t * t)) // 2
 * ndiffs(Float64Array.from({ length: 100 }, (_, t) => Math.cos(t))) // 0
 */
export function ndiffs(y: Float64Array, options: NdiffsOptions = {}): number {
  assertSeries(y);
  checkOptions(options);
  const { alpha = 0.05, maxD = 2, type = "level" } = options;
  const x = Float64Array.from(y);
  let n = x.length;
  let d = 0;
  if (isConstant(x, n)) return d;
  let difference = rejects(x, n, alpha, type);
  if (difference === null) return d;
  while (difference && d < maxD) {
    d++;
    // In place: x[t] still holds the undifferenced value when x[t + 1] - x[t] is formed.
    for (let t = 0; t < n - 1; t++) x[t] = x[t + 1] - x[t];
    n--;
    if (isConstant(x, n)) return d;
    difference = rejects(x, n, alpha, type);
    if (difference === null) return d - 1;
  }
  return d;
}
