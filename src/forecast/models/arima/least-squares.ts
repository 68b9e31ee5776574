/** An ordinary least-squares fit. */
export interface LeastSquaresFit {
  /** Coefficients, one per column; NaN for columns dropped as collinear. */
  readonly coef: Float64Array;
  /** Their standard errors, sqrt(s^2 (X'X)^-1) with s^2 = RSS / (n - rank); NaN without residual degrees of freedom. */
  readonly se: Float64Array;
  /** Columns kept (linearly independent of the earlier ones). */
  readonly rank: number;
  /** Residuals y - X coef. */
  readonly residuals: Float64Array;
}

/**
 * Least squares of `y` on the given columns without an implicit intercept (R's `lm(y ~ X - 1)`), by
 * Householder QR with the columns in order; a column whose remaining norm is below 1e-7 of its original
 * norm (R's lm tolerance) is dropped as collinear and gets coefficient NaN.
 *
 * @param columns each of y's length (longer columns are read to y's length)
 * @example leastSquares([Float64Array.of(1, 1, 1)], Float64Array.of(1, 2, 3)).coef // [2]
 */
export function leastSquares(columns: readonly Float64Array[], y: Float64Array): LeastSquaresFit {
  const n = y.length;
  const k = columns.length;
  // Column-major copy of X; Householder vectors overwrite it.
  const X = new Float64Array(n * k);
  for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) X[j * n + i] = columns[j][i];
  const b = Float64Array.from(y);
  const kept: number[] = [];
  const R = new Float64Array(k * k);
  const tau = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const col = j * n;
    let original = 0;
    for (let i = 0; i < n; i++) original += columns[j][i] * columns[j][i];
    const row = kept.length;
    let norm = 0;
    for (let i = row; i < n; i++) norm += X[col + i] * X[col + i];
    norm = Math.sqrt(norm);
    if (row >= n || !(norm > 1e-7 * Math.sqrt(original))) continue;
    // Reflect x[row..] onto -sign(x[row]) |x| e_row.
    const alpha = X[col + row] > 0 ? -norm : norm;
    X[col + row] -= alpha;
    let vv = 0;
    for (let i = row; i < n; i++) vv += X[col + i] * X[col + i];
    tau[row] = vv;
    // Apply the reflection to the later columns and to b.
    for (let jj = j + 1; jj < k; jj++) {
      const other = jj * n;
      let dot = 0;
      for (let i = row; i < n; i++) dot += X[col + i] * X[other + i];
      const f = (2 * dot) / vv;
      for (let i = row; i < n; i++) X[other + i] -= f * X[col + i];
    }
    let dot = 0;
    for (let i = row; i < n; i++) dot += X[col + i] * b[i];
    const f = (2 * dot) / vv;
    for (let i = row; i < n; i++) b[i] -= f * X[col + i];
    R[row * k + row] = alpha;
    for (let c = 0; c < kept.length; c++) R[c * k + row] = X[col + c];
    kept.push(j);
  }
  const rank = kept.length;
  // R is upper triangular in the kept columns: R[c][c'] for c <= c'.
  const beta = new Float64Array(rank);
  for (let c = rank - 1; c >= 0; c--) {
    let s = b[c];
    for (let cc = c + 1; cc < rank; cc++) s -= R[c * k + cc] * beta[cc];
    beta[c] = s / R[c * k + c];
  }
  let rss = 0;
  for (let i = rank; i < n; i++) rss += b[i] * b[i];
  const s2 = n > rank ? rss / (n - rank) : Number.NaN;
  // (X'X)^-1 = R^-1 R^-T; its diagonal from the rows of R^-1.
  const Rinv = new Float64Array(rank * rank);
  for (let c = 0; c < rank; c++) {
    Rinv[c * rank + c] = 1 / R[c * k + c];
    for (let cc = c - 1; cc >= 0; cc--) {
      let s = 0;
      for (let m = cc + 1; m <= c; m++) s += R[cc * k + m] * Rinv[m * rank + c];
      Rinv[cc * rank + c] = -s / R[cc * k + cc];
    }
  }
  const coef = new Float64Array(k).fill(Number.NaN);
  const se = new Float64Array(k).fill(Number.NaN);
  for (let c = 0; c < rank; c++) {
    coef[kept[c]] = beta[c];
    let s = 0;
    for (let m = c; m < rank; m++) s += Rinv[c * rank + m] * Rinv[c * rank + m];
    se[kept[c]] = Math.sqrt(s2 * s);
  }
  const residuals = Float64Array.from(y);
  for (let c = 0; c < rank; c++) {
    const column = columns[kept[c]];
    for (let i = 0; i < n; i++) residuals[i] -= beta[c] * column[i];
  }
  return { coef, se, rank, residuals };
}
