/**
 * The sums of y over non-overlapping buckets of `bucket` periods that end at `end`; the first
 * end % bucket values, which fill no bucket, are left out (as ADIDA in statsforecast).
 *
 * @example bucketSums(new Float64Array([9, 1, 0, 2, 3]), 5, 2) // [1, 5]
 */
export function bucketSums(y: Float64Array, end: number, bucket: number): Float64Array {
  const start = end % bucket;
  const sums = new Float64Array((end - start) / bucket);
  for (let t = start; t < end; t++) sums[Math.floor((t - start) / bucket)] += y[t];
  return sums;
}

/**
 * The ADIDA filter (Nikolopoulos et al. 2011): simple exponential smoothing, weight `alpha`, of the sums
 * over buckets of `bucket` periods, the smoothed sum spread evenly over the bucket's periods. The forecast
 * from y[0, t) uses the buckets that end at t, so each phase t % bucket has its own smoothed level; one
 * pass with a moving sum serves every t. Each level starts at its first bucket. Writes rates[t] for t in
 * [0, y.length]: NaN while t < bucket (no full bucket yet).
 *
 * @param levels scratch of at least `bucket` values, one smoothed sum per phase
 * @example
 * const rates = new Float64Array(6);
 * adidaRates(new Float64Array([0, 2, 0, 4, 0]), 2, 0.5, rates, new Float64Array(2)); // rates[5] = 3 / 2
 */
export function adidaRates(
  y: Float64Array,
  bucket: number,
  alpha: number,
  rates: Float64Array,
  levels: Float64Array,
): void {
  let sum = 0;
  for (let t = 0; t < bucket; t++) {
    rates[t] = Number.NaN;
    sum += y[t];
  }
  for (let end = bucket; end <= y.length; end++) {
    // Clamped: a moving sum of non-negative values that drifts below 0 by rounding would forecast < 0.
    if (end > bucket) sum = Math.max(0, sum + y[end - 1] - y[end - 1 - bucket]);
    const phase = end % bucket;
    // The first bucket of each phase ends before 2 * bucket.
    levels[phase] = end < 2 * bucket ? sum : levels[phase] + alpha * (sum - levels[phase]);
    rates[end] = levels[phase] / bucket;
  }
}
