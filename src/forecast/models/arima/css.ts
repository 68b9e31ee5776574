/**
 * The conditional sum of squares of R's ARIMA_CSS: with `w` already differenced, the ARMA residuals
 * e[t] = w[t] - sum phi[j] w[t-j-1] - sum theta[j] e[t-j-1] for t >= ncond (earlier residuals 0, and
 * an MA lag reaching before ncond counts as 0), and returns their mean square. Only the nonzero
 * coefficients are visited: a seasonal polynomial multiplied out, (1 - ar B)(1 - sar B^24), has 3 of its 25
 * coefficients nonzero, and skipping exact zeros leaves every sum as it was.
 *
 * @param residuals receives e (zeros before ncond)
 * @param lags scratch of at least phi.length + theta.length integers (allocated when absent)
 * @example cssResiduals(w, phi, theta, ncond, e) // sum e^2 / (n - ncond)
 */
export function cssResiduals(
  w: Float64Array,
  phi: Float64Array,
  theta: Float64Array,
  ncond: number,
  residuals: Float64Array,
  lags: Int32Array = new Int32Array(phi.length + theta.length),
): number {
  const n = w.length;
  let p = 0;
  for (let j = 0; j < phi.length; j++) if (phi[j] !== 0) lags[p++] = j;
  let q = 0;
  const maLags = lags.subarray(p);
  for (let j = 0; j < theta.length; j++) if (theta[j] !== 0) maLags[q++] = j;
  let ssq = 0;
  let count = 0;
  for (let t = 0; t < ncond && t < n; t++) residuals[t] = 0;
  // Past the longest MA lag every lag reaches back to ncond or later: the test for it is left out there.
  const full = q > 0 ? Math.min(n, ncond + maLags[q - 1] + 1) : ncond;
  for (let t = ncond; t < full; t++) {
    let e = w[t];
    for (let i = 0; i < p; i++) {
      const j = lags[i];
      e -= phi[j] * w[t - j - 1];
    }
    const reach = t - ncond;
    for (let i = 0; i < q; i++) {
      const j = maLags[i];
      if (j >= reach) break;
      e -= theta[j] * residuals[t - j - 1];
    }
    residuals[t] = e;
    ssq += e * e;
    count++;
  }
  for (let t = Math.max(full, ncond); t < n; t++) {
    let e = w[t];
    for (let i = 0; i < p; i++) {
      const j = lags[i];
      e -= phi[j] * w[t - j - 1];
    }
    for (let i = 0; i < q; i++) {
      const j = maLags[i];
      e -= theta[j] * residuals[t - j - 1];
    }
    residuals[t] = e;
    ssq += e * e;
    count++;
  }
  return ssq / count;
}
