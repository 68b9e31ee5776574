import { normalQuantile } from "./normal-quantile.js";

/** Lower and upper bounds, one array per level. */
export interface Intervals {
  readonly lower: Float64Array[];
  readonly upper: Float64Array[];
}

/**
 * Normal prediction intervals mean[h] -/+ z * sd[h] for each coverage level, z the standard normal
 * quantile at 0.5 + level / 200. A NaN standard deviation gives NaN bounds.
 *
 * @param levels coverage in percent, each strictly between 0 and 100
 * @example normalIntervals(new Float64Array([10]), new Float64Array([1]), [95]) // [8.04], [11.96]
 */
export function normalIntervals(mean: Float64Array, sd: Float64Array, levels: readonly number[]): Intervals {
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (const level of levels) {
    const z = normalQuantile(0.5 + level / 200);
    const low = new Float64Array(mean.length);
    const high = new Float64Array(mean.length);
    for (let h = 0; h < mean.length; h++) {
      low[h] = mean[h] - z * sd[h];
      high[h] = mean[h] + z * sd[h];
    }
    lower.push(low);
    upper.push(high);
  }
  return { lower, upper };
}
