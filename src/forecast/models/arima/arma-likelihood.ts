import type { LikelihoodSums } from "./kalman-filter.js";
import { stationaryFirstColumn, stationaryScratch } from "./stationary-first-column.js";

/** Scratch of {@link armaLikelihood} for one model order, allocated once per fit. */
export interface ArmaLikelihoodScratch {
  readonly r: number;
  /** Predicted state; this and `change` carry a trailing 0 so that the shift needs no branch. */
  readonly a: Float64Array;
  /** phi padded with zeros to r. */
  readonly phi: Float64Array;
  /** G = T P Z', the unnormalised gain. */
  readonly gain: Float64Array;
  /** L, the factor of the covariance change P[t+1] - P[t] = M L L'. */
  readonly change: Float64Array;
  readonly stationary: Float64Array;
}

// Innovation variances at or above this are left out of the likelihood, as R's ARIMA_Like does.
const DIFFUSE = 1e4;
// The covariance recursions stop once the change they would make, |M| max L^2, is below this fraction of
// the innovation variance: the gain is then fixed (the steady state of the Riccati equation).
const STEADY = 1e-13;

/**
 * Allocates the scratch of {@link armaLikelihood} for AR and MA polynomials of the given lengths.
 *
 * @example armaLikelihoodScratch(13, 13) // r = 14
 */
export function armaLikelihoodScratch(pLength: number, qLength: number): ArmaLikelihoodScratch {
  const r = Math.max(pLength, qLength + 1);
  return {
    r,
    a: new Float64Array(r + 1),
    phi: new Float64Array(r),
    gain: new Float64Array(r),
    change: new Float64Array(r + 1),
    stationary: stationaryScratch(pLength, qLength),
  };
}

/**
 * The exact Gaussian likelihood of a zero-mean stationary ARMA series x, as the sums R's ARIMA_Like
 * returns for it, by the Chandrasekhar recursions of the Kalman filter (Morf, Sidhu & Kailath 1974; for
 * ARMA models Pearlman 1980 and Mélard 1984, Applied Statistics algorithm AS 197). Started from the
 * stationary covariance P0, the predicted covariance changes by a rank-one matrix,
 * P[t+1] - P[t] = M[t] L[t] L[t]' (with L[1] = T P0 Z', M[1] = -1 / F[1]), so the innovation variance
 * F = Z P Z' and the gain G = T P Z' are updated in O(r) per observation instead of the O(r^2) of the
 * covariance update: with u = Z L and w = T L,
 * F[t+1] = F + u^2 M, G[t+1] = G + w M u, L[t+1] = w - G u / F, M[t+1] = M - (M u)^2 / F[t+1].
 * Only the first column of P0 is needed (`stationaryFirstColumn`). Once the change is negligible the gain
 * is kept fixed.
 *
 * Adds to `sums` (reset by the caller) and returns false when phi has no stationary covariance.
 *
 * @param phi stationary AR coefficients (length p), theta MA coefficients (length q)
 * @example
 * const sums = { ssq: 0, sumlog: 0, nu: 0 };
 * armaLikelihood(phi, theta, x, sums, armaLikelihoodScratch(phi.length, theta.length));
 * // -2 loglik = nu log(ssq / nu) + sumlog + const
 */
export function armaLikelihood(
  phi: Float64Array,
  theta: Float64Array,
  x: Float64Array,
  sums: LikelihoodSums,
  scratch: ArmaLikelihoodScratch,
): boolean {
  const { r, a, gain, change } = scratch;
  const phiR = scratch.phi;
  phiR.set(phi);
  // The first column c of P0 goes into gain, then G[1] = T c.
  if (!stationaryFirstColumn(phi, theta, r, gain, scratch.stationary)) return false;
  let F = gain[0];
  const c0 = gain[0];
  for (let i = 0; i < r; i++) {
    gain[i] = (i + 1 < r ? gain[i + 1] : 0) + phiR[i] * c0;
    change[i] = gain[i];
  }
  a.fill(0);
  change[r] = 0;
  let M = -1 / F;
  let steady = false;
  for (let t = 0; t < x.length; t++) {
    const innovation = x[t] - a[0];
    if (F < DIFFUSE) {
      sums.nu++;
      sums.ssq += (innovation * innovation) / F;
      sums.sumlog += Math.log(F);
    }
    const scaled = innovation / F;
    const a0 = a[0];
    if (steady) {
      // a = T a + G v / F
      for (let i = 0; i < r; i++) a[i] = a[i + 1] + phiR[i] * a0 + gain[i] * scaled;
      continue;
    }
    const u = change[0];
    const k = u / F;
    const Mu = M * u;
    let largest = 0;
    // One pass in index order: a, L and G read their own next entries before these are overwritten.
    for (let i = 0; i < r; i++) {
      const phiI = phiR[i];
      const g = gain[i];
      a[i] = a[i + 1] + phiI * a0 + g * scaled;
      const w = change[i + 1] + phiI * u;
      const l = w - g * k;
      change[i] = l;
      gain[i] = g + w * Mu;
      if (l * l > largest) largest = l * l;
    }
    F += u * Mu;
    M -= (Mu * Mu) / F;
    if (Math.abs(M) * largest <= STEADY * F) steady = true;
  }
  return true;
}
