import type { Forecaster } from "../../forecaster.js";
import { adidaRates, bucketSums } from "./aggregate-rates.js";
import { meanDemandInterval } from "./demand-parts.js";
import { rateForecaster } from "./rate-forecaster.js";
import { optimalWeight } from "./ses-weight.js";

interface AdidaFit {
  readonly bucket: number;
  readonly alpha: number;
}

/**
 * The bucket size of ADIDA: the mean interval between demands in y[0, end), rounded, at least 1 (1 when
 * there is no demand).
 *
 * @example aggregationLevel(new Float64Array([0, 0, 1, 0, 0, 2, 0, 0, 0, 1]), 10) // round(10 / 3) = 3
 */
export function aggregationLevel(y: Float64Array, end: number): number {
  const interval = meanDemandInterval(y, end);
  return Number.isNaN(interval) ? 1 : Math.max(1, Math.round(interval));
}

/**
 * The aggregate-disaggregate intermittent demand approach ("adida", Nikolopoulos, Syntetos, Boylan,
 * Petropoulos & Assimakopoulos 2011): sum the series over non-overlapping buckets as long as the mean
 * interval between demands (`aggregationLevel`), so that most buckets hold a demand; forecast the sums by
 * simple exponential smoothing, its weight in [0.1, 0.3] minimising the one-step squared errors of the
 * sums (`optimalWeight`, as statsforecast); spread the forecast sum evenly over the bucket's periods.
 * Intervals are `empiricalIntervals`; the series must not go negative.
 *
 * @example
 * adida().forecast(y, { horizon: 24, levels: [80], seasons: [] }).description // e.g. "ADIDA(bucket=4, alpha=0.1)"
 */
export function adida(): Forecaster {
  return rateForecaster<AdidaFit>({
    name: "adida",
    fit(y, end) {
      const bucket = aggregationLevel(y, end);
      const sums = bucketSums(y, end, bucket);
      return { bucket, alpha: optimalWeight(sums, sums.length) };
    },
    run: (y, fit, rates) => adidaRates(y, fit.bucket, fit.alpha, rates, new Float64Array(fit.bucket)),
    describe: (fit) => `ADIDA(bucket=${fit.bucket}, alpha=${Number(fit.alpha.toPrecision(4))})`,
  });
}
