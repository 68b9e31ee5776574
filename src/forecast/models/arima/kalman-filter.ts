import type { ArimaStateSpace } from "./state-space.js";

/** Running sums of the Gaussian likelihood, as R's ARIMA_Like returns them. */
export interface LikelihoodSums {
  /** Sum of squared innovations over their variances. */
  ssq: number;
  /** Sum of the logs of the innovation variances. */
  sumlog: number;
  /** Observations that entered the sums (those with innovation variance below 1e4, i.e. not diffuse). */
  nu: number;
}

// Innovation variances at or above this come from the diffuse differencing states and are left out of
// the likelihood, as in R.
const DIFFUSE = 1e4;
// Pnew is taken as converged once no entry moves by more than this fraction of the innovation variance.
const STEADY = 1e-12;

/**
 * Pnew = T P T' + R R' for the ARIMA transition, as row operations on row-major matrices (T's rows are
 * shifts plus phi and delta combinations, so each output row is a few axpys over contiguous memory).
 */
function predictCovariance(model: ArimaStateSpace): void {
  const { phi, theta, delta, r, rd, P, Pnew, work } = model;
  const p = phi.length;
  const q = theta.length;
  const d = delta.length;
  if (d === 0) {
    predictArmaCovariance(model);
    return;
  }
  // work = T P, row by row.
  for (let i = 0; i < r; i++) {
    const out = i * rd;
    if (i < r - 1) {
      const src = (i + 1) * rd;
      for (let j = 0; j < rd; j++) work[out + j] = P[src + j];
    } else {
      for (let j = 0; j < rd; j++) work[out + j] = 0;
    }
    if (i < p) {
      const f = phi[i];
      if (f !== 0) for (let j = 0; j < rd; j++) work[out + j] += f * P[j];
    }
  }
  if (d > 0) {
    const out = r * rd;
    for (let j = 0; j < rd; j++) work[out + j] = P[j];
    for (let k = 0; k < d; k++) {
      const f = delta[k];
      if (f === 0) continue;
      const src = (r + k) * rd;
      for (let j = 0; j < rd; j++) work[out + j] += f * P[src + j];
    }
    for (let i = 1; i < d; i++) {
      const dst = (r + i) * rd;
      const src = (r + i - 1) * rd;
      for (let j = 0; j < rd; j++) work[dst + j] = P[src + j];
    }
  }
  // Pnew = work T', row by row: Pnew[i][j] = (T work[i][.])[j].
  for (let i = 0; i < rd; i++) {
    const row = i * rd;
    const first = work[row];
    for (let j = 0; j < r - 1; j++) Pnew[row + j] = work[row + j + 1];
    Pnew[row + r - 1] = 0;
    for (let j = 0; j < p; j++) Pnew[row + j] += phi[j] * first;
    if (d > 0) {
      let v = first;
      for (let k = 0; k < d; k++) v += delta[k] * work[row + r + k];
      for (let j = d - 1; j >= 1; j--) Pnew[row + r + j] = work[row + r + j - 1];
      Pnew[row + r] = v;
    }
  }
  for (let i = 0; i <= q; i++) {
    const vi = i === 0 ? 1 : theta[i - 1];
    for (let j = 0; j <= q; j++) Pnew[i * rd + j] += vi * (j === 0 ? 1 : theta[j - 1]);
  }
}

/**
 * Pnew = T P T' + R R' without differencing states, entry by entry as R's ARIMA_Like does for d = 0:
 * Pnew[i][j] = P[i+1][j+1] + phi[i] P[0][j+1] + phi[j] P[0][i+1] + phi[i] phi[j] P[0][0] + R[i] R[j]
 * (P symmetric; terms past the last state are 0). One pass over the upper triangle, mirrored, and the
 * zero coefficients of a multiplied-out seasonal phi skipped.
 */
function predictArmaCovariance(model: ArimaStateSpace): void {
  const { phi, theta, r, P, Pnew } = model;
  const p = phi.length;
  const q = theta.length;
  const p00 = P[0];
  for (let i = 0; i < r; i++) {
    const phiI = i < p ? phi[i] : 0;
    const ri = i === 0 ? 1 : i - 1 < q ? theta[i - 1] : 0;
    const pI = i < r - 1 ? P[i + 1] : 0;
    const below = (i + 1) * r + 1;
    for (let j = i; j < r; j++) {
      let v = i < r - 1 && j < r - 1 ? P[below + j] : 0;
      const phiJ = j < p ? phi[j] : 0;
      if (phiI !== 0) v += phiI * ((j < r - 1 ? P[j + 1] : 0) + phiJ * p00);
      if (phiJ !== 0) v += phiJ * pI;
      if (ri !== 0 && j <= q) v += ri * (j === 0 ? 1 : theta[j - 1]);
      Pnew[i * r + j] = v;
      Pnew[j * r + i] = v;
    }
  }
}

/** anew = T a. */
function predictState(model: ArimaStateSpace): void {
  const { phi, delta, r, a, anew } = model;
  const p = phi.length;
  const d = delta.length;
  const first = a[0];
  for (let i = 0; i < r - 1; i++) anew[i] = a[i + 1];
  anew[r - 1] = 0;
  for (let i = 0; i < p; i++) anew[i] += phi[i] * first;
  if (d > 0) {
    let v = first;
    for (let k = 0; k < d; k++) v += delta[k] * a[r + k];
    for (let i = d - 1; i >= 1; i--) anew[r + i] = a[r + i - 1];
    anew[r] = v;
  }
}

/**
 * Runs the Kalman filter of R's ARIMA_Like over x[from, to), continuing from the model's current state,
 * adding to `sums`, and writing standardised innovations (innovation / its standard deviation) into
 * `residuals` when given. Once the predicted covariance stops changing the filter keeps its gain fixed
 * and only the state moves, which makes long series cost O(n rd) instead of O(n rd^2).
 *
 * @example
 * const sums = { ssq: 0, sumlog: 0, nu: 0 };
 * kalmanFilter(model, x, 0, x.length, sums, null); // -2 loglik = nu log(ssq / nu) + sumlog + const
 */
export function kalmanFilter(
  model: ArimaStateSpace,
  x: Float64Array,
  from: number,
  to: number,
  sums: LikelihoodSums,
  residuals: Float64Array | null,
): void {
  const { delta, r, rd, a, P, anew, M } = model;
  const d = delta.length;
  for (let t = from; t < to; t++) {
    predictState(model);
    if (!model.fresh && !model.steady) predictCovariance(model);
    const { Pnew, previous } = model;
    let innovation = x[t] - anew[0];
    for (let k = 0; k < d; k++) innovation -= delta[k] * anew[r + k];
    if (!model.steady) {
      for (let i = 0; i < rd; i++) {
        let v = Pnew[i * rd];
        for (let k = 0; k < d; k++) v += Pnew[i * rd + r + k] * delta[k];
        M[i] = v;
      }
    }
    let variance = M[0];
    for (let k = 0; k < d; k++) variance += delta[k] * M[r + k];
    if (variance < DIFFUSE) {
      sums.nu++;
      sums.ssq += (innovation * innovation) / variance;
      sums.sumlog += Math.log(variance);
    }
    if (residuals !== null) residuals[t] = innovation / Math.sqrt(variance);
    const scaled = innovation / variance;
    for (let i = 0; i < rd; i++) a[i] = anew[i] + M[i] * scaled;
    if (model.steady) continue;
    // P = Pnew - M M' / variance, symmetric: the upper triangle, mirrored.
    for (let i = 0; i < rd; i++) {
      const mi = M[i] / variance;
      for (let j = i; j < rd; j++) {
        const v = Pnew[i * rd + j] - mi * M[j];
        P[i * rd + j] = v;
        P[j * rd + i] = v;
      }
    }
    // Steady once Pnew repeats; its first column (cheap) is compared first, the whole matrix only then.
    if (!model.fresh && variance < DIFFUSE) {
      const tolerance = STEADY * variance;
      let moved = 0;
      for (let i = 0; i < rd && moved <= tolerance; i++) moved = Math.abs(Pnew[i * rd] - previous[i * rd]);
      if (moved <= tolerance) {
        for (let i = 0; i < rd * rd && moved <= tolerance; i++) moved = Math.abs(Pnew[i] - previous[i]);
        if (moved <= tolerance) model.steady = true;
      }
    }
    // This step's Pnew becomes the previous one; the next step overwrites the other buffer whole.
    model.previous = Pnew;
    model.Pnew = previous;
    model.fresh = false;
  }
}
