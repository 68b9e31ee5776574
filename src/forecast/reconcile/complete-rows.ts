/**
 * The time steps where every series has a residual (not NaN), so that variances and covariances are taken
 * over the same steps; an infinite residual throws, naming the series and step.
 *
 * @param residuals n × length, row-major by series
 * @example
 * completeRows(Float64Array.of(NaN, 1, 2, 3, 4, 5), 2, 3); // Int32Array [1, 2]
 */
export function completeRows(residuals: Float64Array, n: number, length: number): Int32Array {
  if (!Number.isInteger(n) || n < 1) throw new Error(`n: ${n} is not a positive integer`);
  if (!Number.isInteger(length) || length < 1) throw new Error(`length: ${length} is not a positive integer`);
  if (residuals.length !== n * length) {
    throw new Error(`residuals: length ${residuals.length} is not series (${n}) × length (${length})`);
  }
  const rows: number[] = [];
  for (let t = 0; t < length; t++) {
    let ok = true;
    for (let i = 0; i < n; i++) {
      const v = residuals[i * length + t];
      if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
        throw new Error(`residuals: series ${i} step ${t} is ${v}`);
      }
      if (Number.isNaN(v)) ok = false;
    }
    if (ok) rows.push(t);
  }
  if (rows.length < 2) {
    throw new Error(
      `residuals: only ${rows.length} time step(s) have a residual for every series; at least 2 are needed`,
    );
  }
  return Int32Array.from(rows);
}
