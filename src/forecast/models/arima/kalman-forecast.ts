import type { ArimaStateSpace } from "./state-space.js";

/**
 * Forecasts `horizon` steps from the model's filtered state as R's KalmanForecast: a <- T a,
 * P <- T P T' + R R', mean Z a and variance Z P Z' (in units of the innovation variance). The model is
 * left unchanged. With `withVariance` false only the means are computed (the O(rd^2) covariance steps are
 * skipped, as cross-validation needs point forecasts only) and `variance` is empty.
 *
 * @example const { mean, variance } = kalmanForecast(fit.model, 12);
 */
export function kalmanForecast(
  model: ArimaStateSpace,
  horizon: number,
  withVariance = true,
): { mean: Float64Array; variance: Float64Array } {
  const { phi, theta, delta, r, rd } = model;
  const p = phi.length;
  const q = theta.length;
  const d = delta.length;
  let a = Float64Array.from(model.a);
  let next = new Float64Array(rd);
  const square = withVariance ? rd * rd : 0;
  let P = withVariance ? Float64Array.from(model.P) : new Float64Array(0);
  let Pnext = new Float64Array(square);
  const work = new Float64Array(square);
  const mean = new Float64Array(horizon);
  const variance = new Float64Array(withVariance ? horizon : 0);
  // T applied to a strided vector (see kalman-filter.ts for the layout).
  const step = (src: Float64Array, so: number, ss: number, dst: Float64Array, dO: number, ds: number) => {
    const first = src[so];
    for (let i = 0; i < r; i++) {
      let v = i < r - 1 ? src[so + (i + 1) * ss] : 0;
      if (i < p) v += phi[i] * first;
      dst[dO + i * ds] = v;
    }
    if (d > 0) {
      let v = first;
      for (let k = 0; k < d; k++) v += delta[k] * src[so + (r + k) * ss];
      for (let i = d - 1; i >= 1; i--) dst[dO + (r + i) * ds] = src[so + (r + i - 1) * ss];
      dst[dO + r * ds] = v;
    }
  };
  for (let h = 0; h < horizon; h++) {
    step(a, 0, 1, next, 0, 1);
    [a, next] = [next, a];
    let fc = a[0];
    for (let k = 0; k < d; k++) fc += delta[k] * a[r + k];
    mean[h] = fc;
    if (!withVariance) continue;
    for (let j = 0; j < rd; j++) step(P, j, rd, work, j, rd);
    for (let i = 0; i < rd; i++) step(work, i * rd, 1, Pnext, i * rd, 1);
    for (let i = 0; i <= q; i++) {
      const vi = i === 0 ? 1 : theta[i - 1];
      for (let j = 0; j <= q; j++) Pnext[i * rd + j] += vi * (j === 0 ? 1 : theta[j - 1]);
    }
    [P, Pnext] = [Pnext, P];
    // Z P Z'
    let v = 0;
    for (let i = 0; i < rd; i++) {
      const zi = i === 0 ? 1 : i >= r ? delta[i - r] : 0;
      if (zi === 0) continue;
      let row = P[i * rd];
      for (let k = 0; k < d; k++) row += P[i * rd + r + k] * delta[k];
      v += zi * row;
    }
    variance[h] = v;
  }
  return { mean, variance };
}
