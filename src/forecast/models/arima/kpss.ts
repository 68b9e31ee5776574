import { assertSeries } from "../baselines/validate-input.js";
import { type KpssNull, kpssPValue } from "./kpss-p-value.js";

/** Options of the KPSS test. */
export interface KpssOptions {
  /** Stationarity around a level (default) or around a linear trend. */
  readonly null?: KpssNull;
  /**
   * Lag truncation of the long-run variance: "short" (default) trunc(4 (n/100)^(1/4)) or "long"
   * trunc(12 (n/100)^(1/4)), as tseries::kpss.test's lshort, or an integer >= 0 (lags of n or more
   * add nothing but lower the weights of the others, as in tseries).
   */
  readonly lags?: number | "short" | "long";
}

/** A KPSS test's outcome; a large statistic (small p-value) rejects stationarity. */
export interface KpssResult {
  readonly statistic: number;
  /** Interpolated in the critical value table, so within [0.01, 0.1]; NaN with the statistic. */
  readonly pValue: number;
  /** The lag truncation used. */
  readonly lags: number;
}

function resolveLags(lags: KpssOptions["lags"], n: number): number {
  if (lags === undefined || lags === "short") return Math.trunc(4 * (n / 100) ** 0.25);
  if (lags === "long") return Math.trunc(12 * (n / 100) ** 0.25);
  if (!Number.isInteger(lags) || lags < 0) {
    throw new RangeError(`options.lags must be "short", "long" or an integer >= 0, got ${lags}`);
  }
  return lags;
}

/** Residuals of y on a constant, or on a constant and t = 1..n by least squares, into `residuals`. */
function residualsInto(y: Float64Array, trend: boolean, residuals: Float64Array): void {
  const n = y.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t];
  mean /= n;
  const middle = (n - 1) / 2;
  let slope = 0;
  if (trend) {
    let covariance = 0;
    let spread = 0;
    for (let t = 0; t < n; t++) {
      covariance += (t - middle) * (y[t] - mean);
      spread += (t - middle) * (t - middle);
    }
    slope = covariance / spread;
  }
  // Without a trend the slope is 0 and the residuals are deviations from the mean.
  for (let t = 0; t < n; t++) residuals[t] = y[t] - mean - slope * (t - middle);
}

/**
 * The KPSS test of stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992, "Testing the null hypothesis
 * of stationarity against the alternative of a unit root", J. Econometrics 54, eq. 14): with e the
 * residuals from the level (or level and trend) and S their partial sums, the statistic is
 * sum(S_t^2) / (n^2 s^2(l)), where s^2(l) is the long-run variance of e with Bartlett weights
 * 1 - i/(l + 1) up to lag l (eq. 10). Matches R's tseries::kpss.test and urca::ur.kpss. A constant series
 * gives NaN (zero over zero).
 *
 * @param y the series, finite values, at least 2
 * @example
 * const line = Float64Array.from({ length: 100 }, (_, t) => t + (t % 2));
 * kpss(line).pValue // 0.01: a trending series is not level-stationary
 * kpss(line, { null: "trend" }).pValue // 0.1: but it is trend-stationary
 */
export function kpss(y: Float64Array, options: KpssOptions = {}): KpssResult {
  assertSeries(y);
  const n = y.length;
  if (n < 2) throw new RangeError(`y must hold at least 2 observations, got ${n}`);
  const nullHypothesis = options.null ?? "level";
  if (nullHypothesis !== "level" && nullHypothesis !== "trend") {
    throw new RangeError(`options.null must be "level" or "trend", got ${nullHypothesis}`);
  }
  const lags = resolveLags(options.lags, n);
  const residuals = new Float64Array(n);
  residualsInto(y, nullHypothesis === "trend", residuals);
  let partialSum = 0;
  let sumOfSquaredPartialSums = 0;
  let variance = 0;
  for (let t = 0; t < n; t++) {
    partialSum += residuals[t];
    sumOfSquaredPartialSums += partialSum * partialSum;
    variance += residuals[t] * residuals[t];
  }
  for (let lag = 1; lag <= lags; lag++) {
    let autocovariance = 0;
    for (let t = lag; t < n; t++) autocovariance += residuals[t] * residuals[t - lag];
    variance += 2 * (1 - lag / (lags + 1)) * autocovariance;
  }
  // Both sums divide by n once more: sum(S^2)/n^2 over (variance / n).
  const statistic = sumOfSquaredPartialSums / (n * variance);
  return { statistic, pValue: kpssPValue(statistic, nullHypothesis), lags };
}
