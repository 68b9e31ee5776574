/**
 * Solves A x = b for a small dense k × k system (row-major) in place: b is given in `x` and replaced by the
 * solution, A is overwritten. Gaussian elimination with partial pivoting, then back substitution. False when
 * A is singular (a pivot column whose largest entry is below `minPivot`, by default any zero one), leaving `x`
 * undefined.
 *
 * @example
 * const x = Float64Array.of(3, 5);
 * solveInPlace(Float64Array.of(2, 0, 0, 5), 2, x); // true; x = [1.5, 1]
 */
export function solveInPlace(
  A: Float64Array,
  k: number,
  x: Float64Array,
  minPivot = Number.MIN_VALUE,
): boolean {
  for (let col = 0; col < k; col++) {
    let pivot = col;
    let largest = Math.abs(A[col * k + col]);
    for (let row = col + 1; row < k; row++) {
      const v = Math.abs(A[row * k + col]);
      if (v > largest) {
        largest = v;
        pivot = row;
      }
    }
    if (!(largest >= minPivot)) return false;
    if (pivot !== col) {
      // Columns left of col are done with: only the rest of the rows moves.
      for (let j = col; j < k; j++) {
        const swap = A[col * k + j];
        A[col * k + j] = A[pivot * k + j];
        A[pivot * k + j] = swap;
      }
      const swap = x[col];
      x[col] = x[pivot];
      x[pivot] = swap;
    }
    const diagonal = A[col * k + col];
    for (let row = col + 1; row < k; row++) {
      const factor = A[row * k + col] / diagonal;
      if (factor === 0) continue;
      for (let j = col + 1; j < k; j++) A[row * k + j] -= factor * A[col * k + j];
      x[row] -= factor * x[col];
    }
  }
  for (let row = k - 1; row >= 0; row--) {
    let v = x[row];
    for (let j = row + 1; j < k; j++) v -= A[row * k + j] * x[j];
    x[row] = v / A[row * k + row];
  }
  return true;
}
