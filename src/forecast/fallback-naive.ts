import type { Forecaster, ForecastRequest, ForecastResult } from "./forecaster.js";
import { normalQuantile } from "./normal-quantile.js";

/**
 * The naive (random walk) forecaster that `forecastSeries` falls back to on series too short for a
 * seasonal model: every forecast is the last value; the interval at step h is last ± z * sigma * sqrt(h)
 * with sigma² the mean squared one-step change (Hyndman & Athanasopoulos 2021, section 5.5). One
 * observation gives zero-width intervals: there is no change to measure. Seasons are ignored.
 *
 * @example
 * fallbackNaive.forecast(Float64Array.of(3, 5, 4), { horizon: 2, levels: [80], seasons: [] }).mean; // [4, 4]
 */
export const fallbackNaive: Forecaster = {
  name: "naive",
  forecast(y: Float64Array, request: ForecastRequest): ForecastResult {
    const n = y.length;
    if (n < 1) throw new Error("y: the naive forecast needs at least one observation");
    const last = y[n - 1];
    let squares = 0;
    for (let t = 1; t < n; t++) squares += (y[t] - y[t - 1]) ** 2;
    const sigma = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
    const mean = new Float64Array(request.horizon).fill(last);
    const lower: Float64Array[] = [];
    const upper: Float64Array[] = [];
    for (const level of request.levels) {
      const z = normalQuantile(0.5 + level / 200);
      const lo = new Float64Array(request.horizon);
      const hi = new Float64Array(request.horizon);
      for (let j = 0; j < request.horizon; j++) {
        const width = z * sigma * Math.sqrt(j + 1);
        lo[j] = last - width;
        hi[j] = last + width;
      }
      lower.push(lo);
      upper.push(hi);
    }
    const fitted = new Float64Array(n);
    fitted[0] = Number.NaN;
    for (let t = 1; t < n; t++) fitted[t] = y[t - 1];
    return { mean, lower, upper, fitted, description: "Naive" };
  },
  forecastOrigins(y: Float64Array, origins: readonly number[], request: ForecastRequest): Float64Array[] {
    return origins.map((origin) => new Float64Array(request.horizon).fill(y[origin - 1]));
  },
};
