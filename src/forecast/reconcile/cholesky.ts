/**
 * Cholesky factorisation A = L L' of a symmetric positive definite matrix, in place: the lower triangle of
 * `a` (n × n, row-major) becomes L; the upper triangle is left alone. Throws naming `name` when A is not
 * positive definite (a pivot not above `1e-13` times the largest diagonal entry).
 *
 * @example
 * const a = Float64Array.of(4, 2, 2, 3);
 * choleskyInPlace(a, 2); // a = [2, 2, 1, 1.414...] (lower triangle L = [[2, 0], [1, √2]])
 */
export function choleskyInPlace(a: Float64Array, n: number, name = "matrix"): void {
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(a[i * n + i]));
  const floor = 1e-13 * largest;
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = a[rowJ + j];
    for (let k = 0; k < j; k++) d -= a[rowJ + k] * a[rowJ + k];
    if (!(d > floor)) throw new Error(`${name}: not positive definite (pivot ${j} is ${d})`);
    const ljj = Math.sqrt(d);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j];
      for (let k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
      a[rowI + j] = s / ljj;
    }
  }
}

/**
 * Solves A x = b in place given the factor from `choleskyInPlace` (forward then back substitution).
 *
 * @param factor n × n whose lower triangle is L
 * @param b right-hand side, overwritten by x
 * @example
 * choleskySolveInPlace(a, 2, rhs);
 */
export function choleskySolveInPlace(factor: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= factor[i * n + k] * b[k];
    b[i] = s / factor[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= factor[k * n + i] * b[k];
    b[i] = s / factor[i * n + i];
  }
}
