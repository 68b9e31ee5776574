import type { Forecaster } from "../../forecaster.js";
import { normalIntervals } from "../../normal-intervals.js";
import { residualSigma } from "./residual-sigma.js";
import { optimalSesAlpha } from "./ses-alpha.js";
import { assertOrigins, assertRequest, assertSeries } from "./validate-input.js";

/**
 * The exponentially weighted moving average ("ewma"), i.e. simple exponential smoothing: the level
 * l[t] = l[t-1] + alpha * (y[t] - l[t-1]) starts at y[0], and every step is forecast by the last level.
 * Without `alpha`, the weight minimises the in-sample one-step squared errors (grid, then golden-section
 * search over [1e-4, 1]). Intervals are those of the local level model ETS(A,N,N),
 * sigma * sqrt(1 + alpha^2 (h - 1)) (FPP3 section 8.7), sigma from the one-step residuals with one degree
 * of freedom taken by an estimated alpha.
 *
 * @param alpha the smoothing weight in (0, 1]; estimated when omitted
 * @example
 * ewma(0.5).forecast(new Float64Array([0, 4, 8]), { horizon: 1, levels: [], seasons: [] }).mean // [5]
 */
export function ewma(alpha?: number): Forecaster {
  if (alpha !== undefined && !(alpha > 0 && alpha <= 1)) {
    throw new RangeError(`alpha must lie in (0, 1], got ${alpha}`);
  }
  return {
    name: "ewma",
    forecast(y, request) {
      assertSeries(y);
      assertRequest(request);
      const n = y.length;
      const weight = alpha ?? optimalSesAlpha(y, n);
      const fitted = new Float64Array(n);
      fitted[0] = Number.NaN;
      let level = y[0];
      for (let t = 1; t < n; t++) {
        fitted[t] = level;
        level += weight * (y[t] - level);
      }
      const sigma = residualSigma(y, fitted, alpha === undefined ? 1 : 0);
      const mean = new Float64Array(request.horizon).fill(level);
      const sd = new Float64Array(request.horizon);
      for (let h = 0; h < sd.length; h++) sd[h] = sigma * Math.sqrt(1 + weight * weight * h);
      const description = `EWMA(alpha=${Number(weight.toPrecision(4))})`;
      return { mean, ...normalIntervals(mean, sd, request.levels), fitted, description };
    },
    forecastOrigins(y, origins, request) {
      assertSeries(y);
      assertRequest(request);
      assertOrigins(origins, y.length);
      if (origins.length === 0) return [];
      // The weight is fitted once on y[0, origins[0]) and kept while the level runs on over the data.
      const weight = alpha ?? optimalSesAlpha(y, origins[0]);
      const forecasts: Float64Array[] = [];
      let level = y[0];
      let t = 1;
      for (const origin of origins) {
        for (; t < origin; t++) level += weight * (y[t] - level);
        forecasts.push(new Float64Array(request.horizon).fill(level));
      }
      return forecasts;
    },
  };
}
