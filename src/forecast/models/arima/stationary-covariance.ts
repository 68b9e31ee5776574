/**
 * The stationary covariance of the ARMA part of the state (in units of the innovation variance), the
 * solution of P = T P T' + R R' for Harvey's (1989) state space form with transition T (phi in the first
 * column, ones on the superdiagonal) and R = (1, theta[0], ..., theta[r-2]). R's arima gets the same matrix
 * from Gardner, Harvey & Phillips (1980); here the doubling algorithm sums the series
 * P = sum_k T^k R R' T'^k in log2 steps: P += A P A', A = A A.
 *
 * Writes the r x r matrix into `out` (row-major) and returns false when the sum does not converge within
 * 64 doublings (a non-stationary or nearly non-stationary phi), true otherwise.
 *
 * @param scratch at least 3 r^2 numbers, reused across calls
 * @example
 * const out = new Float64Array(1);
 * stationaryCovariance(Float64Array.of(0.5), new Float64Array(0), 1, out, new Float64Array(3)); // [4/3]
 */
export function stationaryCovariance(
  phi: Float64Array,
  theta: Float64Array,
  r: number,
  out: Float64Array,
  scratch: Float64Array,
): boolean {
  const p = phi.length;
  const q = theta.length;
  const size = r * r;
  const A = scratch.subarray(0, size);
  const AP = scratch.subarray(size, 2 * size);
  const next = scratch.subarray(2 * size, 3 * size);
  // P = R R'
  for (let i = 0; i < r; i++) {
    const ri = i === 0 ? 1 : i - 1 < q ? theta[i - 1] : 0;
    for (let j = 0; j < r; j++) {
      const rj = j === 0 ? 1 : j - 1 < q ? theta[j - 1] : 0;
      out[i * r + j] = ri * rj;
    }
  }
  // A = T
  A.fill(0);
  for (let i = 0; i < p; i++) A[i * r] = phi[i];
  for (let i = 0; i + 1 < r; i++) A[i * r + i + 1] = 1;
  for (let step = 0; step < 64; step++) {
    // AP = A P, row by row as axpys skipping A's zeros (the companion matrix and its first powers are
    // mostly zeros); the sums run in the same order as the dot products would. Then increment = AP A'.
    AP.fill(0);
    for (let i = 0; i < r; i++) {
      const row = i * r;
      for (let k = 0; k < r; k++) {
        const a = A[row + k];
        if (a === 0) continue;
        const from = k * r;
        for (let j = 0; j < r; j++) AP[row + j] += a * out[from + j];
      }
    }
    let largestIncrement = 0;
    let largest = 0;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = 0; k < r; k++) s += AP[i * r + k] * A[j * r + k];
        const v = out[i * r + j] + s;
        out[i * r + j] = v;
        out[j * r + i] = v;
        largestIncrement = Math.max(largestIncrement, Math.abs(s));
        largest = Math.max(largest, Math.abs(v));
      }
    }
    if (!Number.isFinite(largest)) return false;
    if (largestIncrement <= 1e-16 * largest) return true;
    // A = A A
    next.fill(0);
    for (let i = 0; i < r; i++) {
      const row = i * r;
      for (let k = 0; k < r; k++) {
        const a = A[row + k];
        if (a === 0) continue;
        const from = k * r;
        for (let j = 0; j < r; j++) next[row + j] += a * A[from + j];
      }
    }
    let largestA = 0;
    for (let i = 0; i < size; i++) largestA = Math.max(largestA, Math.abs(next[i]));
    A.set(next);
    if (largestA === 0) return true;
  }
  return false;
}
