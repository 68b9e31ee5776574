/**
 * The p-quantile of sorted values by Hyndman & Fan's (1996) definition 8, approximately median-unbiased
 * whatever the distribution, and the one R's forecast package uses for simulated intervals.
 *
 * @param sorted ascending values, at least one
 * @param p probability in [0, 1]
 * @example sampleQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function sampleQuantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const position = n * p + (p + 1) / 3;
  const j = Math.floor(position);
  const g = position - j;
  if (j < 1) return sorted[0];
  if (j >= n) return sorted[n - 1];
  return (1 - g) * sorted[j - 1] + g * sorted[j];
}
