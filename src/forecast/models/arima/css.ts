/**
 * The conditional sum of squares of R's ARIMA_CSS: with `w` already differenced, the ARMA residuals
 * e[t] = w[t] - sum phi[j] w[t-j-1] - sum theta[j] e[t-j-1] for t >= ncond (earlier residuals 0, and
 * an MA lag reaching before ncond counts as 0), and returns their mean square.
 *
 * @param residuals receives e (zeros before ncond)
 * @example cssResiduals(w, phi, theta, ncond, e) // sum e^2 / (n - ncond)
 */
export function cssResiduals(
  w: Float64Array,
  phi: Float64Array,
  theta: Float64Array,
  ncond: number,
  residuals: Float64Array,
): number {
  const n = w.length;
  const p = phi.length;
  const q = theta.length;
  let ssq = 0;
  let count = 0;
  for (let t = 0; t < ncond && t < n; t++) residuals[t] = 0;
  for (let t = ncond; t < n; t++) {
    let e = w[t];
    for (let j = 0; j < p; j++) e -= phi[j] * w[t - j - 1];
    const lags = Math.min(t - ncond, q);
    for (let j = 0; j < lags; j++) e -= theta[j] * residuals[t - j - 1];
    residuals[t] = e;
    ssq += e * e;
    count++;
  }
  return ssq / count;
}
