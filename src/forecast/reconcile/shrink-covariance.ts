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
 * Hyndman 2019, Section 2.4): the one-step error covariance Ŵ1 = (1/T) Σ_t e_t e_t' (uncentred, errors of
 * unbiased forecasts have mean zero), shrunk toward its diagonal, W = λ diag(Ŵ1) + (1 − λ) Ŵ1, with the
 * intensity of Schäfer & Strimmer (2005, "target D", their eq. for λ*) on the standardised errors
 * x_ti = e_ti / σ_i: λ = Σ_{i≠j} Var(r_ij) / Σ_{i≠j} r_ij², where r_ij = mean_t(x_ti x_tj) and Var(r_ij) is
 * the variance of that mean, Σ_t (x_ti x_tj − r_ij)² / (T (T − 1)). Clamped to [0, 1].
 *
 * Time steps where any series lacks a residual (NaN, e.g. before a model's first fitted value) are left out
 * whole, so every pair uses the same steps; pass the trailing window where all series have residuals. Cost:
 * n²·T multiply-adds for the two Gram matrices (about 1.4e9 for 1,000 series and 4 weeks of hours).
 *
 * @param residuals in-sample one-step (or cross-validation) errors, n × length, row-major by series
 * @example
 * const { covariance, lambda } = shrinkCovariance(residuals, h.keys.length, 672);
 */
export function shrinkCovariance(residuals: Float64Array, n: number, length: number): ShrunkCovariance {
  if (!Number.isInteger(n) || n < 1) throw new Error(`n: ${n} is not a positive integer`);
  if (!Number.isInteger(length) || length < 1) throw new Error(`length: ${length} is not a positive integer`);
  if (residuals.length !== n * length) {
    throw new Error(`residuals: length ${residuals.length} is not series (${n}) × length (${length})`);
  }
  const complete: number[] = [];
  for (let t = 0; t < length; t++) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const v = residuals[i * length + t];
      if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
        throw new Error(`residuals: series ${i} step ${t} is ${v}`);
      }
      ok = !Number.isNaN(v);
    }
    if (ok) complete.push(t);
  }
  const T = complete.length;
  if (T < 2) {
    throw new Error(
      `residuals: only ${T} time step(s) have a residual for every series; at least 2 are needed`,
    );
  }
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
  // The correlations go to the upper triangle first; the covariance is filled from them once λ is known.
  const covariance = new Float64Array(n * n);
  let sumVar = 0;
  let sumSquares = 0;
  const varScale = 1 / (T * (T - 1));
  for (let i = 0; i < n; i++) {
    const xi = i * T;
    for (let j = i + 1; j < n; j++) {
      const xj = j * T;
      let g1 = 0;
      let g2 = 0;
      for (let k = 0; k < T; k++) {
        g1 += x[xi + k] * x[xj + k];
        g2 += x2[xi + k] * x2[xj + k];
      }
      const rij = g1 / T;
      covariance[i * n + j] = rij;
      // Σ_t (w_t − w̄)² = Σ w_t² − T w̄²
      sumVar += (g2 - T * rij * rij) * varScale;
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
