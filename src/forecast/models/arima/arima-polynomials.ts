import { type ArimaOrder, seasonalPeriod } from "./arima-order.js";

/**
 * Multiplies out the seasonal ARMA polynomials: with coefficients laid out as
 * [ar(p), ma(q), sar(P), sma(Q), ...], `phi` gets the coefficients of
 * (1 - ar B - ...)(1 - sar B^m - ...) = 1 - phi[0] B - ... and `theta` those of
 * (1 + ma B + ...)(1 + sma B^m + ...) = 1 + theta[0] B + ..., as R's ARIMA_transPars. `phi` has length
 * p + m P and `theta` q + m Q.
 *
 * @example
 * const phi = new Float64Array(13), theta = new Float64Array(0);
 * expandArma(Float64Array.of(0.5, 0.3), { p: 1, d: 0, q: 0, P: 1, D: 0, Q: 0, period: 12 }, phi, theta);
 * // phi[0] = 0.5, phi[11] = 0.3, phi[12] = -0.15
 */
export function expandArma(
  coef: Float64Array,
  order: ArimaOrder,
  phi: Float64Array,
  theta: Float64Array,
): void {
  const { p, q, P, Q } = order;
  const m = seasonalPeriod(order);
  phi.fill(0);
  theta.fill(0);
  for (let i = 0; i < p; i++) phi[i] = coef[i];
  for (let i = 0; i < q; i++) theta[i] = coef[p + i];
  for (let j = 0; j < P; j++) {
    const sar = coef[p + q + j];
    phi[(j + 1) * m - 1] += sar;
    for (let i = 0; i < p; i++) phi[(j + 1) * m + i] -= coef[i] * sar;
  }
  for (let j = 0; j < Q; j++) {
    const sma = coef[p + q + P + j];
    theta[(j + 1) * m - 1] += sma;
    for (let i = 0; i < q; i++) theta[(j + 1) * m + i] += coef[p + i] * sma;
  }
}

/**
 * The differencing polynomial (1 - B)^d (1 - B^m)^D written as y[t] = delta[0] y[t-1] + ... + innovations
 * of the differenced series: the negated coefficients after the leading 1 (R's `Delta`).
 *
 * @example differencingPolynomial({ p: 0, d: 1, q: 0, P: 0, D: 0, Q: 0, period: 1 }) // [1]
 */
export function differencingPolynomial(order: ArimaOrder): Float64Array {
  const m = seasonalPeriod(order);
  let poly = [1];
  const times = (factor: number[]) => {
    const out = new Array<number>(poly.length + factor.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++)
      for (let j = 0; j < factor.length; j++) out[i + j] += poly[i] * factor[j];
    poly = out;
  };
  for (let i = 0; i < order.d; i++) times([1, -1]);
  const seasonal = new Array<number>(m + 1).fill(0);
  seasonal[0] = 1;
  seasonal[m] = -1;
  for (let i = 0; i < order.D; i++) times(seasonal);
  return Float64Array.from(poly.slice(1), (c) => -c);
}

/**
 * Differences `x` in place, `d` times at lag 1 and then `D` times at lag `period`; the first
 * d + D * period entries are left partly differenced and must be ignored. Returns `x`.
 *
 * @example differenceInPlace(Float64Array.of(1, 3, 6), 1, 0, 1) // [1, 2, 3]: ignore the first
 */
export function differenceInPlace(x: Float64Array, d: number, D: number, period: number): Float64Array {
  const n = x.length;
  for (let i = 0; i < d; i++) for (let t = n - 1; t > 0; t--) x[t] -= x[t - 1];
  for (let i = 0; i < D; i++) for (let t = n - 1; t >= period; t--) x[t] -= x[t - period];
  return x;
}
