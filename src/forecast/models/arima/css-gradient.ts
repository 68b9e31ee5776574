import { type ArimaOrder, seasonalPeriod } from "./arima-order.js";

/**
 * Writes out[first + own] = dS/d(coefficient own of one factor), chaining the derivatives along the
 * multiplied-out coefficients it moves in (1 - ar B - ...)(1 - sar B^m - ...) (see `expandArma`):
 * phi[i] moves with ar_i (weight 1) and phi[(s+1)m + i] with ar_i (weight -sar_s); phi[(s+1)m - 1] with
 * sar_s (1) and phi[(s+1)m + i] with sar_s (-ar_i); theta likewise with + signs (`sign`).
 * `byCoefficient[j]` is dS/dphi[j] (or dS/dtheta[j]); the other factor's coefficients start at coef[other].
 */
function chain(
  byCoefficient: Float64Array,
  coef: Float64Array,
  first: number,
  count: number,
  other: number,
  otherCount: number,
  seasonal: boolean,
  m: number,
  sign: number,
  out: Float64Array,
): void {
  for (let own = 0; own < count; own++) {
    let v = byCoefficient[seasonal ? (own + 1) * m - 1 : own];
    for (let s = 0; s < otherCount; s++) {
      const c = coef[other + s];
      if (c !== 0) v += sign * c * byCoefficient[seasonal ? (own + 1) * m + s : (s + 1) * m + own];
    }
    out[first + own] = v;
  }
}

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
  for (let t = n - 1; t >= ncond; t--) {
    let v = 2 * e[t];
    for (let i = 0; i < nq; i++) {
      const j = maLags[i];
      if (t + j + 1 >= n) break;
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
  chain(byPhi, coef, 0, p, p + q, P, false, m, -1, out);
  chain(byTheta, coef, p, q, p + q + P, Q, false, m, 1, out);
  chain(byPhi, coef, p + q, P, 0, p, true, m, -1, out);
  chain(byTheta, coef, p + q + P, Q, p, q, true, m, 1, out);
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
