import { type ArimaOrder, seasonalPeriod } from "./arima-order.js";
import { factorGradient } from "./factor-gradient.js";

/**
 * The gradient of R's CSS objective 0.5 log(S / count), S the conditional sum of squares of `cssResiduals`
 * (whose residuals `e` of the differenced series w = dy - dX beta are already computed for `coef`,
 * multiplied out into phi and theta), by reverse-mode differentiation of the residual recursion
 * e[t] = w[t] - sum phi[j] w[t-j-1] - sum theta[j] e[t-j-1]: the adjoint
 * g[t] = 2 e[t] - sum theta[j] g[t+j+1] runs backwards once, then dS/dphi[j] = -sum g[t] w[t-j-1],
 * dS/dtheta[j] = -sum g[t] e[t-j-1] (MA lags reaching before ncond left out, as in the recursion) and
 * dS/dbeta = -sum g[t] (phi(B) dX)[t], chained to the factored coefficients. About two evaluations of S
 * in all, where central differences take two per coefficient.
 *
 * @param adjoint scratch of w's length; byPhi and byTheta scratch of phi's and theta's lengths; lags
 *   scratch of phi.length + theta.length integers
 * @example cssGradient(coef, order, w, dcols, phi, theta, e, ncond, adjoint, byPhi, byTheta, lags, out)
 */
export function cssGradient(
  coef: Float64Array,
  order: ArimaOrder,
  w: Float64Array,
  dcols: readonly Float64Array[],
  phi: Float64Array,
  theta: Float64Array,
  e: Float64Array,
  ncond: number,
  adjoint: Float64Array,
  byPhi: Float64Array,
  byTheta: Float64Array,
  lags: Int32Array,
  out: Float64Array,
): void {
  const { p, q, P, Q } = order;
  const m = seasonalPeriod(order);
  const n = w.length;
  const narma = p + q + P + Q;
  let ssq = 0;
  for (let t = ncond; t < n; t++) ssq += e[t] * e[t];
  // The nonzero lags of phi, then of theta (a multiplied-out seasonal polynomial is mostly zeros).
  let np = 0;
  for (let j = 0; j < phi.length; j++) if (phi[j] !== 0) lags[np++] = j;
  let nq = 0;
  const maLags = lags.subarray(np);
  for (let j = 0; j < theta.length; j++) if (theta[j] !== 0) maLags[nq++] = j;
  // The last steps' MA lags reach past the end; before them every lag is inside and is not tested.
  const inside = nq > 0 ? Math.max(ncond, n - maLags[nq - 1] - 1) : n;
  for (let t = n - 1; t >= inside; t--) {
    let v = 2 * e[t];
    for (let i = 0; i < nq; i++) {
      const j = maLags[i];
      if (t + j + 1 >= n) break;
      v -= theta[j] * adjoint[t + j + 1];
    }
    adjoint[t] = v;
  }
  for (let t = Math.min(inside, n) - 1; t >= ncond; t--) {
    let v = 2 * e[t];
    for (let i = 0; i < nq; i++) {
      const j = maLags[i];
      v -= theta[j] * adjoint[t + j + 1];
    }
    adjoint[t] = v;
  }
  // dS/dphi[j] and dS/dtheta[j] only where some coefficient moves them: j below the non-seasonal order,
  // the seasonal lags (j + 1) m - 1, and the cross terms (s+1) m + i.
  byPhi.fill(0);
  byTheta.fill(0);
  for (let j = 0; j < phi.length; j++) {
    if (!(j < p || (j + 1) % m === 0 || j % m < p)) continue;
    let v = 0;
    for (let t = ncond; t < n; t++) v -= adjoint[t] * w[t - j - 1];
    byPhi[j] = v;
  }
  for (let j = 0; j < theta.length; j++) {
    if (!(j < q || (j + 1) % m === 0 || j % m < q)) continue;
    let v = 0;
    for (let t = ncond + j + 1; t < n; t++) v -= adjoint[t] * e[t - j - 1];
    byTheta[j] = v;
  }
  factorGradient(byPhi, byTheta, coef, order, out);
  for (let k = narma; k < coef.length; k++) {
    const column = dcols[k - narma];
    let v = 0;
    for (let t = ncond; t < n; t++) {
      let x = column[t];
      for (let i = 0; i < np; i++) x -= phi[lags[i]] * column[t - lags[i] - 1];
      v -= adjoint[t] * x;
    }
    out[k] = v;
  }
  // d(0.5 log(S / count)) = dS / (2 S)
  for (let k = 0; k < coef.length; k++) out[k] /= 2 * ssq;
}
