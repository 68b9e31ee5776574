import { completeRows } from "./complete-rows.js";

/** A shrunk error covariance and what went into it. */
export interface ShrunkCovariance {
  /** n × n, row-major, symmetric: variances on the diagonal, (1 − lambda) × the sample covariances off it. */
  covariance: Float64Array;
  /** The shrinkage intensity toward the diagonal, in [0, 1]. */
  lambda: number;
  /** Time steps used: those where every series has a finite residual. */
  rows: number;
}

/**
 * The shrinkage estimator of the error covariance that MinT-shrink uses (Wickramasuriya, Athanasopoulos &
 * Hyndman 2019, "MinT-shrink"): the one-step error covariance Ŵ1 = (1/T) Σ_t e_t e_t' (uncentred, errors of
 * unbiased forecasts have mean zero), shrunk toward its diagonal, W = λ diag(Ŵ1) + (1 − λ) Ŵ1, with the
 * intensity of Schäfer & Strimmer (2005; target "D", diagonal with unequal variances; their optimal λ*) on
 * the standardised errors x_ti = e_ti / σ_i: λ = Σ_{i≠j} Var(r_ij) / Σ_{i≠j} r_ij², where
 * r_ij = mean_t(x_ti x_tj) and Var(r_ij), the variance of that mean, is Σ_t (x_ti x_tj − r_ij)² / (T (T − 1)).
 * Clamped to [0, 1].
 *
 * Time steps where any series lacks a residual (NaN, e.g. before a model's first fitted value) are left out
 * whole, so every pair uses the same steps; pass the trailing window where all series have residuals. Cost:
 * n²·T multiply-adds for the two Gram matrices (about 1.3e9 for 808 series and 12 weeks of hours).
 *
 * @param residuals in-sample one-step (or cross-validation) errors, n × length, row-major by series
 * @example
 * const { covariance, lambda } = shrinkCovariance(residuals, h.keys.length, 672);
 */
export function shrinkCovariance(residuals: Float64Array, n: number, length: number): ShrunkCovariance {
  const complete = completeRows(residuals, n, length);
  const T = complete.length;
  // Standardised errors and their squares, series-major so each Gram entry is a dot product of two rows.
  const x = new Float64Array(n * T);
  const x2 = new Float64Array(n * T);
  const sd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let ss = 0;
    for (let k = 0; k < T; k++) {
      const v = residuals[i * length + complete[k]];
      ss += v * v;
    }
    sd[i] = Math.sqrt(ss / T);
    // A series without error (all zero) has no correlation with anything: its row stays zero.
    const scale = sd[i] > 0 ? 1 / sd[i] : 0;
    for (let k = 0; k < T; k++) {
      const v = residuals[i * length + complete[k]] * scale;
      x[i * T + k] = v;
      x2[i * T + k] = v * v;
    }
  }
  // Gram sums first: Σ x_i x_j to the upper triangle, Σ x_i² x_j² to the lower. Four rows i at a time
  // against each row j, so that row j is read once for four pairs (the loop is bound by memory reads).
  const covariance = new Float64Array(n * n);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a0 = i * T;
    const a1 = a0 + T;
    const a2 = a1 + T;
    const a3 = a2 + T;
    for (let j = i + 1; j < n; j++) {
      const b = j * T;
      let p0 = 0;
      let p1 = 0;
      let p2 = 0;
      let p3 = 0;
      let q0 = 0;
      let q1 = 0;
      let q2 = 0;
      let q3 = 0;
      for (let k = 0; k < T; k++) {
        const xj = x[b + k];
        const yj = x2[b + k];
        p0 += x[a0 + k] * xj;
        p1 += x[a1 + k] * xj;
        p2 += x[a2 + k] * xj;
        p3 += x[a3 + k] * xj;
        q0 += x2[a0 + k] * yj;
        q1 += x2[a1 + k] * yj;
        q2 += x2[a2 + k] * yj;
        q3 += x2[a3 + k] * yj;
      }
      covariance[i * n + j] = p0;
      covariance[j * n + i] = q0;
      if (j > i + 1) {
        covariance[(i + 1) * n + j] = p1;
        covariance[j * n + i + 1] = q1;
      }
      if (j > i + 2) {
        covariance[(i + 2) * n + j] = p2;
        covariance[j * n + i + 2] = q2;
      }
      if (j > i + 3) {
        covariance[(i + 3) * n + j] = p3;
        covariance[j * n + i + 3] = q3;
      }
    }
  }
  for (; i < n; i++) {
    const a0 = i * T;
    for (let j = i + 1; j < n; j++) {
      const b = j * T;
      let p0 = 0;
      let q0 = 0;
      for (let k = 0; k < T; k++) {
        p0 += x[a0 + k] * x[b + k];
        q0 += x2[a0 + k] * x2[b + k];
      }
      covariance[i * n + j] = p0;
      covariance[j * n + i] = q0;
    }
  }
  let sumVar = 0;
  let sumSquares = 0;
  const varScale = 1 / (T * (T - 1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const rij = covariance[i * n + j] / T;
      covariance[i * n + j] = rij;
      // Σ_t (w_t − w̄)² = Σ w_t² − T w̄²
      sumVar += (covariance[j * n + i] - T * rij * rij) * varScale;
      sumSquares += rij * rij;
    }
  }
  const lambda = sumSquares > 0 ? Math.min(1, Math.max(0, sumVar / sumSquares)) : 1;
  for (let i = 0; i < n; i++) {
    covariance[i * n + i] = sd[i] * sd[i];
    for (let j = i + 1; j < n; j++) {
      const c = (1 - lambda) * covariance[i * n + j] * sd[i] * sd[j];
      covariance[i * n + j] = c;
      covariance[j * n + i] = c;
    }
  }
  return { covariance, lambda, rows: T };
}
