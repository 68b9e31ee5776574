/**
 * Maps unconstrained numbers to the coefficients of a stationary AR polynomial, as R's arima does with
 * `transform.pars = TRUE` (Jones 1980; Monahan 1984): tanh takes each number into (-1, 1) as a partial
 * autocorrelation, and the Durbin-Levinson recursion turns the partial autocorrelations into AR
 * coefficients. Writes `count` values from `raw[from...]` into `out[from...]`.
 *
 * @example
 * const out = new Float64Array(1);
 * arFromUnconstrained(Float64Array.of(Math.atanh(0.5)), out, 0, 1); // out [0.5]
 */
export function arFromUnconstrained(raw: Float64Array, out: Float64Array, from: number, count: number): void {
  if (count > 100) throw new RangeError("arFromUnconstrained: at most 100 AR coefficients");
  const work = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const v = Math.tanh(raw[from + j]);
    out[from + j] = v;
    work[j] = v;
  }
  for (let j = 1; j < count; j++) {
    const a = out[from + j];
    for (let k = 0; k < j; k++) work[k] -= a * out[from + j - k - 1];
    for (let k = 0; k < j; k++) out[from + k] = work[k];
  }
}

/**
 * The inverse of {@link arFromUnconstrained}: the Durbin-Levinson recursion run backwards gives the
 * partial autocorrelations of a stationary AR polynomial, and atanh unbounds them. Writes into
 * `out[from...]`. A non-stationary polynomial gives a partial autocorrelation outside (-1, 1), hence NaN.
 *
 * @example
 * const out = new Float64Array(1);
 * arToUnconstrained(Float64Array.of(0.5), out, 0, 1); // out [atanh(0.5)]
 */
export function arToUnconstrained(ar: Float64Array, out: Float64Array, from: number, count: number): void {
  const pacf = partialAutocorrelations(ar, from, count);
  for (let j = 0; j < count; j++) out[from + j] = Math.atanh(pacf[j]);
}

/** The partial autocorrelations of the AR polynomial with coefficients ar[from, from + count). */
function partialAutocorrelations(ar: ArrayLike<number>, from: number, count: number): Float64Array {
  const pacf = new Float64Array(count);
  const work = new Float64Array(count);
  for (let j = 0; j < count; j++) pacf[j] = ar[from + j];
  for (let j = count - 1; j > 0; j--) {
    const a = pacf[j];
    for (let k = 0; k < j; k++) work[k] = (pacf[k] + a * pacf[j - k - 1]) / (1 - a * a);
    for (let k = 0; k < j; k++) pacf[k] = work[k];
  }
  return pacf;
}

/**
 * Whether 1 - ar[0] z - ... - ar[k-1] z^k has all its roots outside the unit circle (R's arCheck): by the
 * Schur-Cohn criterion, exactly when every partial autocorrelation lies strictly inside (-1, 1). Trailing
 * zeros are ignored; no coefficients at all is stationary.
 *
 * @example isStationaryAr([0.5]) // true; isStationaryAr([1.2]) // false
 */
export function isStationaryAr(ar: ArrayLike<number>): boolean {
  let k = ar.length;
  while (k > 0 && ar[k - 1] === 0) k--;
  if (k === 0) return true;
  for (let j = 0; j < k; j++) if (!Number.isFinite(ar[j])) return false;
  // Walk the recursion down, checking each partial autocorrelation before dividing by 1 - a^2.
  const coefficients = new Float64Array(k);
  const work = new Float64Array(k);
  for (let j = 0; j < k; j++) coefficients[j] = ar[j];
  for (let j = k - 1; j >= 0; j--) {
    const a = coefficients[j];
    if (!(Math.abs(a) < 1)) return false;
    for (let i = 0; i < j; i++) work[i] = (coefficients[i] + a * coefficients[j - i - 1]) / (1 - a * a);
    for (let i = 0; i < j; i++) coefficients[i] = work[i];
  }
  return true;
}
