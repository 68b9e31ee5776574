import { quantilesInPlace } from "./quantiles-in-place.js";

/**
 * Multipliers of the pooled errors at each horizon hour that make the sample paths of a reference series (the
 * total) as wide as its calibrated interval: growth[t] = (upper[t] - lower[t]) / spread(phase of t), where
 * spread is the central `level` range of the reference's own pool errors at the pool rows a path may draw at
 * hour t (rows r with r ≡ t + phase, mod season). The paths then inherit the conformal calibration of the
 * reference's intervals (cross-validated multi-step errors) instead of taking one-step residuals at face value,
 * which understate later hours; every other series keeps its error size relative to the reference.
 *
 * @param poolErrors the reference's error at each pool row (for the total: each row summed over the leaves)
 * @param lower lower bounds of its `level` interval at each horizon hour
 * @param upper upper bounds, same length
 * @example
 * const growth = calibratedGrowth(totalPoolErrors, total.lower[0], total.upper[0], 0.8, 24, R % 24);
 */
export function calibratedGrowth(
  poolErrors: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  level: number,
  season: number,
  phase: number,
): Float64Array {
  if (lower.length !== upper.length) {
    throw new Error(`upper: length ${upper.length} is not the length of lower (${lower.length})`);
  }
  if (!(level > 0 && level < 1)) throw new Error(`level: ${level} is not in (0, 1)`);
  if (!Number.isInteger(season) || season < 1) throw new Error(`season: ${season} is not a positive integer`);
  if (!Number.isInteger(phase) || phase < 0) throw new Error(`phase: ${phase} is not a non-negative integer`);
  const R = poolErrors.length;
  if (R < season) throw new Error(`poolErrors: ${R} rows are fewer than a season (${season})`);
  // The central range of the pool errors at each phase of the season.
  const spread = new Float64Array(season);
  const tail = (1 - level) / 2;
  for (let p = 0; p < season; p++) {
    const rows: number[] = [];
    for (let r = p; r < R; r += season) rows.push(poolErrors[r]);
    const [low, high] = quantilesInPlace(Float64Array.from(rows), [tail, 1 - tail]);
    spread[p] = high - low;
  }
  const H = lower.length;
  const growth = new Float64Array(H);
  for (let t = 0; t < H; t++) {
    const width = upper[t] - lower[t];
    if (!(width >= 0 && width < Number.POSITIVE_INFINITY)) {
      throw new Error(`upper: hour ${t} is ${upper[t]} against lower ${lower[t]}, not a finite interval`);
    }
    const s = spread[(t + phase) % season];
    growth[t] = s > 0 ? width / s : 1;
  }
  return growth;
}
