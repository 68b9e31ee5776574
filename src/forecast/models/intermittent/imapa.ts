import type { Forecaster } from "../../forecaster.js";
import { aggregationLevel } from "./adida.js";
import { adidaRates, bucketSums } from "./aggregate-rates.js";
import { rateForecaster } from "./rate-forecaster.js";
import { optimalWeight } from "./ses-weight.js";

/**
 * The intermittent multiple aggregation prediction algorithm ("imapa", Petropoulos & Kourentzes 2015):
 * ADIDA at every bucket size from 1 to the mean interval between demands (`aggregationLevel`), each with
 * its own smoothing weight in [0.1, 0.3], and the mean of their per-period forecasts. Combining levels
 * spares the choice of one and averages out the noise of each (as statsforecast's IMAPA). Intervals are
 * `empiricalIntervals`; the series must not go negative.
 *
 * @example
 * imapa().forecast(y, { horizon: 24, levels: [80], seasons: [] }).description // e.g. "IMAPA(buckets=1..4)"
 */
export function imapa(): Forecaster {
  return rateForecaster<Float64Array>({
    name: "imapa",
    fit(y, end) {
      // alphas[k - 1] is the weight at bucket size k.
      const alphas = new Float64Array(aggregationLevel(y, end));
      for (let k = 1; k <= alphas.length; k++) {
        const sums = bucketSums(y, end, k);
        alphas[k - 1] = optimalWeight(sums, sums.length);
      }
      return alphas;
    },
    run(y, alphas, rates) {
      const levels = alphas.length;
      const scratch = new Float64Array(rates.length);
      const phases = new Float64Array(levels);
      rates.fill(0);
      for (let k = 1; k <= levels; k++) {
        adidaRates(y, k, alphas[k - 1], scratch, phases);
        for (let t = 0; t < rates.length; t++) rates[t] += scratch[t] / levels;
      }
      // Before the largest bucket fills, some levels have no forecast: the mean is NaN there, deliberately.
    },
    describe: (alphas) => `IMAPA(buckets=1..${alphas.length})`,
  });
}
