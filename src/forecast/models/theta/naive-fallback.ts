import type { ForecastRequest, ForecastResult } from "../../forecaster.js";
import { normalQuantile } from "../../normal-quantile.js";

/**
 * The forecast for series too short to fit a Theta model (fewer than 4 points, where alpha, theta and the
 * initial level cannot all be estimated): the last value, with random-walk intervals whose one-step
 * variance is the mean squared first difference (zero width for a single point).
 *
 * @param y observations, 1 to 3 of them
 * @param request horizon and levels
 * @example naiveFallback(new Float64Array([3, 5]), { horizon: 2, levels: [80], seasons: [] }).mean // [5, 5]
 */
export function naiveFallback(y: Float64Array, request: ForecastRequest): ForecastResult {
  const n = y.length;
  const last = y[n - 1];
  let sumSquares = 0;
  for (let t = 1; t < n; t++) sumSquares += (y[t] - y[t - 1]) ** 2;
  const sigma2 = n > 1 ? sumSquares / (n - 1) : 0;
  const mean = new Float64Array(request.horizon).fill(last);
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (const level of request.levels) {
    const z = normalQuantile(0.5 + level / 200);
    const low = new Float64Array(request.horizon);
    const high = new Float64Array(request.horizon);
    for (let h = 0; h < request.horizon; h++) {
      const spread = z * Math.sqrt(sigma2 * (h + 1));
      low[h] = last - spread;
      high[h] = last + spread;
    }
    lower.push(low);
    upper.push(high);
  }
  const fitted = new Float64Array(n);
  fitted[0] = Number.NaN;
  for (let t = 1; t < n; t++) fitted[t] = y[t - 1];
  return { mean, lower, upper, fitted, description: "Naive" };
}

/**
 * The naive forecasts from each origin (the last value before it), for cross-validation on short series.
 * @example naiveOrigins(new Float64Array([1, 2, 3]), [1, 2], 2) // [[1, 1], [2, 2]]
 */
export function naiveOrigins(y: Float64Array, origins: readonly number[], horizon: number): Float64Array[] {
  return origins.map((origin) => new Float64Array(horizon).fill(y[origin - 1]));
}
