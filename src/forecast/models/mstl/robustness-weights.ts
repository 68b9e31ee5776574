/**
 * STL's robustness weights (Cleveland et al. 1990, section 2, outer loop): with R = y - fit and
 * h = 6 median|R|, each point weighs B(|R| / h) for the bisquare B(u) = (1 - u^2)^2 on [0, 1), 0 beyond.
 * Residuals within 0.1% of h of zero weigh 1 and those within 0.1% of h of h weigh 0, as in the reference
 * implementation. `sorted` is scratch of at least n values.
 */
export function robustnessWeightsInto(
  y: Float64Array,
  fit: Float64Array,
  n: number,
  weights: Float64Array,
  sorted: Float64Array,
): void {
  for (let i = 0; i < n; i++) sorted[i] = Math.abs(y[i] - fit[i]);
  const absolute = sorted.subarray(0, n).sort();
  const upperMiddle = n >> 1;
  const lowerMiddle = n - upperMiddle - 1;
  const limit = 3 * (absolute[lowerMiddle] + absolute[upperMiddle]);
  const certain = 0.001 * limit;
  const outside = 0.999 * limit;
  for (let i = 0; i < n; i++) {
    const residual = Math.abs(y[i] - fit[i]);
    if (residual <= certain) {
      weights[i] = 1;
    } else if (residual <= outside) {
      const u = residual / limit;
      weights[i] = (1 - u * u) * (1 - u * u);
    } else {
      weights[i] = 0;
    }
  }
}
