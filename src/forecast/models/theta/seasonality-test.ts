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
  // Four lags per pass over the data (a quarter of the loads and loop steps; with period 168 on thousands of
  // hourly points this test was a tenth of an hourly auto fit). Each lag still sums its products in order of
  // t, so the result is the same to the bit as one lag at a time.
  for (let lag = 1; lag <= period; lag += 4) {
    const lags = Math.min(4, period - lag + 1);
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    // The first three t of the block, where the longer lags have no product yet.
    const head = Math.min(lag + 3, count);
    for (let t = lag; t < head; t++) {
      const x = centred[t];
      c0 += x * centred[t - lag];
      if (t >= lag + 1) c1 += x * centred[t - lag - 1];
      if (t >= lag + 2) c2 += x * centred[t - lag - 2];
    }
    for (let t = head; t < count; t++) {
      const x = centred[t];
      c0 += x * centred[t - lag];
      c1 += x * centred[t - lag - 1];
      c2 += x * centred[t - lag - 2];
      c3 += x * centred[t - lag - 3];
    }
    for (let i = 0; i < lags; i++) {
      const r = (i === 0 ? c0 : i === 1 ? c1 : i === 2 ? c2 : c3) / variance;
      if (lag + i < period) sumSquares += r * r;
      else atPeriod = r;
    }
  }
  const standardError = Math.sqrt((1 + 2 * sumSquares) / count);
  return Math.abs(atPeriod) / standardError > CRITICAL;
}
