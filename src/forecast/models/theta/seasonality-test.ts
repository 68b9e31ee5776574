import { normalQuantile } from "../../normal-quantile.js";

const CRITICAL = normalQuantile(0.95);

/**
 * The seasonality test of the M4 Theta benchmark and forecast::thetaf: the autocorrelation at lag
 * `period` is significant at the 90% level (two-sided), its standard error from Bartlett's formula,
 * sqrt((1 + 2 sum_{k < period} r_k^2) / n). A constant series is not seasonal.
 *
 * @param y observations
 * @param count observations to test, y[0, count)
 * @param period seasonal lag (>= 2, < count)
 * @example passesSeasonalityTest(new Float64Array([1, 5, 1, 5, 1, 5, 1, 5]), 8, 2) // true
 */
export function passesSeasonalityTest(y: Float64Array, count: number, period: number): boolean {
  let mean = 0;
  for (let t = 0; t < count; t++) mean += y[t];
  mean /= count;
  // The centred values once, so that each of the `period` lags costs one product per observation.
  const centred = new Float64Array(count);
  let variance = 0;
  for (let t = 0; t < count; t++) {
    centred[t] = y[t] - mean;
    variance += centred[t] * centred[t];
  }
  if (!(variance > 0)) return false;
  let sumSquares = 0;
  let atPeriod = 0;
  for (let lag = 1; lag <= period; lag++) {
    let covariance = 0;
    for (let t = lag; t < count; t++) covariance += centred[t] * centred[t - lag];
    const r = covariance / variance;
    if (lag < period) sumSquares += r * r;
    else atPeriod = r;
  }
  const standardError = Math.sqrt((1 + 2 * sumSquares) / count);
  return Math.abs(atPeriod) / standardError > CRITICAL;
}
