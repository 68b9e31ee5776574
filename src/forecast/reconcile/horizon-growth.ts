/**
 * Multipliers for one-step errors at each horizon step, from a base model's central interval at one level:
 * the interval's width at step t over its width at the first step of the same phase (`season` 1: over the
 * first step), never below 1. For a normal interval the width is 2 z σ_t, so the ratio is σ_t / σ_1 whatever
 * the level. With `season` 24 an hourly model whose intervals widen at the daily peak (multiplicative
 * seasonality) is compared hour of day with hour of day, since errors drawn at the same hour of the day carry
 * that shape already; the first season then keeps 1.
 *
 * @param lower lower bounds of the interval, one per horizon step
 * @param upper upper bounds, same length
 * @example
 * const growth = horizonGrowth(total.lower[0], total.upper[0]); // pass to buildSamplePaths
 */
export function horizonGrowth(lower: Float64Array, upper: Float64Array, season = 1): Float64Array {
  if (lower.length !== upper.length) {
    throw new Error(`upper: length ${upper.length} is not the length of lower (${lower.length})`);
  }
  if (!Number.isInteger(season) || season < 1) throw new Error(`season: ${season} is not a positive integer`);
  const H = lower.length;
  const out = new Float64Array(H);
  for (let t = 0; t < H; t++) {
    const width = upper[t] - lower[t];
    if (!(width >= 0) || width === Number.POSITIVE_INFINITY) {
      throw new Error(`upper: step ${t} is ${upper[t]} against lower ${lower[t]}, not a finite interval`);
    }
    const reference = upper[t % season] - lower[t % season];
    out[t] = reference > 0 ? Math.max(1, width / reference) : 1;
  }
  return out;
}
