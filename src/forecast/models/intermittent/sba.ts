import type { Forecaster } from "../../forecaster.js";
import { assertAlpha } from "./assert-demand.js";
import { crostonRates } from "./croston-rates.js";
import { rateForecaster } from "./rate-forecaster.js";

/**
 * The Syntetos-Boylan approximation ("sba", Syntetos & Boylan 2005): Croston's forecast times
 * 1 - alpha / 2, which removes most of its upward bias (the expected ratio of smoothed size to smoothed
 * interval exceeds the demand rate). With the default weight 0.1 this is 0.95 times `croston`, as
 * statsforecast's CrostonSBA. Intervals are `empiricalIntervals`; the series must not go negative.
 *
 * @param alpha the smoothing weight of sizes and intervals in (0, 1], default 0.1
 * @example
 * sba().forecast(new Float64Array([0, 3, 0, 0, 6]), { horizon: 1, levels: [], seasons: [] }).mean
 * // [0.95 * 3.3 / 2.1]
 */
export function sba(alpha = 0.1): Forecaster {
  assertAlpha(alpha, "alpha");
  return rateForecaster({
    name: "sba",
    fit: () => alpha,
    run: (y, weight, rates) => crostonRates(y, weight, weight, 1 - weight / 2, rates),
    describe: (weight) => `SBA(alpha=${weight})`,
  });
}
