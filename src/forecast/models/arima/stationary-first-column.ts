import { solveInPlace } from "../../solve-in-place.js";
/**
 * Scratch for {@link stationaryFirstColumn} with AR and MA polynomials of the given lengths; allocate once
 * per model order.
 *
 * @example stationaryFirstColumn(phi, theta, r, out, stationaryScratch(phi.length, theta.length))
 */
export function stationaryScratch(pLength: number, qLength: number): Float64Array {
  const k = pLength + 1;
  return new Float64Array(k * k + 2 * k + qLength + 1);
}

/**
 * The first column of the stationary state covariance P0 (P0 = T P0 T' + R R', in units of the innovation
 * variance) for Harvey's ARMA state space form: entry k is Cov(x_t, a_t[k]), where state k collects
 * phi[j] x[t+k-1-j] for j >= k and theta[j-1] e[t+k-j] for j >= k (theta_0 = 1). It is built from the
 * autocovariances gamma(0..p) and the MA(infinity) weights psi(0..q), which give
 * c[k] = sum_{j>k} phi[j-1] gamma(j-k) + sum_{j>=k} theta_j psi(j-k).
 * The autocovariances solve the p + 1 linear equations of Brockwell & Davis (1991), "Time Series: Theory
 * and Methods", eq. (3.3.8): gamma(k) - sum_i phi_i gamma(|k-i|) = sum_{j>=k} theta_j psi(j-k), k = 0..p,
 * by Gaussian elimination with partial pivoting; that is O(p^3) for p AR coefficients, where the whole
 * r x r matrix (R's getQ0, or a doubling algorithm) costs O(r^3) or more.
 *
 * `phi` must be stationary: returns false when the system is singular or the variance is not a positive
 * finite number (phi on or near the unit circle), true otherwise.
 *
 * @param out receives r numbers, r >= max(phi.length, theta.length + 1)
 * @param scratch from {@link stationaryScratch}
 * @example
 * const out = new Float64Array(1);
 * stationaryFirstColumn(Float64Array.of(0.5), new Float64Array(0), 1, out, stationaryScratch(1, 0)); // [4/3]
 */
export function stationaryFirstColumn(
  phi: Float64Array,
  theta: Float64Array,
  r: number,
  out: Float64Array,
  scratch: Float64Array,
): boolean {
  const p = phi.length;
  const q = theta.length;
  const k = p + 1;
  const A = scratch.subarray(0, k * k);
  const gamma = scratch.subarray(k * k, k * k + k);
  const rhs = scratch.subarray(k * k + k, k * k + 2 * k);
  const psi = scratch.subarray(k * k + 2 * k, k * k + 2 * k + q + 1);
  // psi(j) = theta_j + sum_i phi_i psi(j - i): the MA(infinity) weights, needed up to q.
  psi[0] = 1;
  for (let j = 1; j <= q; j++) {
    let v = theta[j - 1];
    const top = Math.min(j, p);
    for (let i = 1; i <= top; i++) v += phi[i - 1] * psi[j - i];
    psi[j] = v;
  }
  // Row e of the system: gamma(e) - sum_i phi_i gamma(|e - i|) = sum_{j >= e} theta_j psi(j - e).
  A.fill(0);
  for (let e = 0; e < k; e++) {
    const row = e * k;
    A[row + e] += 1;
    for (let i = 1; i <= p; i++) A[row + Math.abs(e - i)] -= phi[i - 1];
    let b = 0;
    for (let j = e; j <= q; j++) b += (j === 0 ? 1 : theta[j - 1]) * psi[j - e];
    rhs[e] = b;
  }
  if (!solveInPlace(A, k, rhs)) return false;
  gamma.set(rhs);
  if (!(gamma[0] > 0 && Number.isFinite(gamma[0]))) return false;
  for (let s = 0; s < r; s++) {
    let v = 0;
    for (let j = s + 1; j <= p; j++) v += phi[j - 1] * gamma[j - s];
    for (let j = s; j <= q; j++) v += (j === 0 ? 1 : theta[j - 1]) * psi[j - s];
    out[s] = v;
  }
  out[0] = gamma[0];
  for (let s = 1; s < r; s++) if (!Number.isFinite(out[s])) return false;
  return true;
}
