import type { Forecaster } from "../../forecaster.js";
import { crostonRates } from "./croston-rates.js";
import { demandParts } from "./demand-parts.js";
import { rateForecaster } from "./rate-forecaster.js";
import { optimalWeight } from "./ses-weight.js";

interface Weights {
  readonly size: number;
  readonly interval: number;
}

/**
 * Croston's method with optimised weights ("croston_optimized", as statsforecast's CrostonOptimized):
 * the weight of the demand sizes minimises the in-sample one-step squared errors of exponential
 * smoothing on the sizes, and the weight of the intervals those on the intervals, each in [0.1, 0.3]
 * (`optimalWeight`). The forecast is the ratio of the smoothed size to the smoothed interval, without
 * bias correction. Intervals are `empiricalIntervals`; the series must not go negative.
 *
 * @example
 * crostonOptimized().forecast(y, { horizon: 24, levels: [80], seasons: [] }).description
 * // e.g. "CrostonOptimized(size=0.1, interval=0.3)"
 */
export function crostonOptimized(): Forecaster {
  return rateForecaster<Weights>({
    name: "croston_optimized",
    fit(y, end) {
      const { sizes, intervals } = demandParts(y, end);
      return {
        size: optimalWeight(sizes, sizes.length),
        interval: optimalWeight(intervals, intervals.length),
      };
    },
    run: (y, weights, rates) => crostonRates(y, weights.size, weights.interval, 1, rates),
    describe: (weights) =>
      `CrostonOptimized(size=${round(weights.size)}, interval=${round(weights.interval)})`,
  });
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
