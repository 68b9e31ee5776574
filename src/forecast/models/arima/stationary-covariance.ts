import { stationaryFirstColumn } from "./stationary-first-column.js";

/**
 * The stationary covariance of the ARMA part of the state (in units of the innovation variance), the
 * solution of P = T P T' + R R' for Harvey's (1989) state space form with transition T (phi in the first
 * column, ones on the superdiagonal) and R = (1, theta[0], ..., theta[r-2]). R's arima gets the same matrix
 * from Gardner, Harvey & Phillips (1980). Here the first column comes from the autocovariances
 * (`stationaryFirstColumn`) and the rest from the equation itself read entry by entry,
 * P[i][j] = P[i+1][j+1] + phi_i c[j+1] + phi_j c[i+1] + phi_i phi_j c[0] + R_i R_j with c the first column
 * (terms past the last state are 0), filled from the bottom-right corner up: O(r^2) after the O(p^3)
 * autocovariances.
 *
 * Writes the r x r matrix into `out` (row-major) and returns false when phi is not stationary enough for
 * the autocovariances to exist (see `stationaryFirstColumn`), true otherwise.
 *
 * @param scratch from `stationaryScratch(phi.length, theta.length)`, reused across calls
 * @example
 * const out = new Float64Array(1);
 * stationaryCovariance(Float64Array.of(0.5), new Float64Array(0), 1, out, stationaryScratch(1, 0)); // [4/3]
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
  // Row 0 holds c while the rows below are filled; it is the first column, so it is also row 0 of P.
  if (!stationaryFirstColumn(phi, theta, r, out, scratch)) return false;
  const c0 = out[0];
  for (let i = r - 1; i >= 1; i--) {
    const phiI = i < p ? phi[i] : 0;
    const ri = i - 1 < q ? theta[i - 1] : 0;
    const cI = i + 1 < r ? out[i + 1] : 0;
    for (let j = r - 1; j >= i; j--) {
      const phiJ = j < p ? phi[j] : 0;
      const rj = j - 1 < q ? theta[j - 1] : 0;
      let v = i + 1 < r && j + 1 < r ? out[(i + 1) * r + j + 1] : 0;
      v += phiI * (j + 1 < r ? out[j + 1] : 0) + phiJ * cI + phiI * phiJ * c0 + ri * rj;
      out[i * r + j] = v;
      out[j * r + i] = v;
    }
  }
  for (let i = 1; i < r; i++) out[i * r] = out[i];
  return true;
}
