/**
 * The local regression (loess) fit at position `x` from the points y[left..right] (inclusive, positions
 * 0..n-1), as in STL's `est` step (Cleveland et al. 1990, section 2): tricube neighbourhood weights
 * (1 - (d / h)^3)^3, h the distance to the farther end of the neighbourhood (widened by (span - n) / 2 when
 * the span exceeds the series), times the robustness weights when given; then a weighted mean (degree 0)
 * or a weighted least-squares line (degree 1) evaluated at `x`.
 *
 * `x` may lie outside [0, n - 1]: STL extrapolates each cycle-subseries one period either side.
 * Returns NaN when every weight is zero (the caller decides what stands in). One pass over the
 * neighbourhood gathers the weighted sums the fit needs, so nothing is written and nothing allocated.
 */
export function loessAt(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  x: number,
  left: number,
  right: number,
  robustness: Float64Array | null,
): number {
  let h = Math.max(x - left, right - x);
  if (span > n) h += Math.floor((span - n) / 2);
  // Points within 0.1% of h count as at the centre and points within 0.1% of the edge as outside, which
  // keeps the weights off the cube's flat ends and matches the reference implementation.
  const nearEdge = 0.999 * h;
  const nearCentre = 0.001 * h;
  let sumW = 0;
  let sumWy = 0;
  let sumWd = 0;
  let sumWdd = 0;
  let sumWdy = 0;
  for (let j = left; j <= right; j++) {
    const d = j - x;
    const distance = d < 0 ? -d : d;
    if (distance > nearEdge) continue;
    let weight = 1;
    if (distance > nearCentre) {
      const ratio = distance / h;
      const cube = 1 - ratio * ratio * ratio;
      weight = cube * cube * cube;
    }
    if (robustness !== null) weight *= robustness[j];
    const weightedY = weight * y[j];
    sumW += weight;
    sumWy += weightedY;
    sumWd += weight * d;
    sumWdd += weight * d * d;
    sumWdy += weightedY * d;
  }
  if (sumW <= 0) return Number.NaN;
  if (h > 0 && degree > 0) {
    // The weighted least-squares line through the points, at x: with offsets d = j - x, the weighted
    // centre c and spread s, fit = mean(y) - (c / s) * (mean(d y) - c mean(y)); skipped, as in the
    // reference implementation, when their spread is under 0.1% of the series length.
    const centre = sumWd / sumW;
    const spread = sumWdd / sumW - centre * centre;
    if (Math.sqrt(spread) > 0.001 * (n - 1)) {
      return (sumWy - (centre / spread) * (sumWdy - centre * sumWy)) / sumW;
    }
  }
  return sumWy / sumW;
}
