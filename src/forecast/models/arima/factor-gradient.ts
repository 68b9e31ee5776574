import { type ArimaOrder, seasonalPeriod } from "./arima-order.js";

/**
 * Writes out[first + own] = dS/d(coefficient own of one factor), chaining the derivatives along the
 * multiplied-out coefficients it moves in (1 - ar B - ...)(1 - sar B^m - ...) (see `expandArma`):
 * phi[i] moves with ar_i (weight 1) and phi[(s+1)m + i] with ar_i (weight -sar_s); phi[(s+1)m - 1] with
 * sar_s (1) and phi[(s+1)m + i] with sar_s (-ar_i); theta likewise with + signs (`sign`).
 * `byCoefficient[j]` is dS/dphi[j] (or dS/dtheta[j]); the other factor's coefficients start at coef[other].
 */
function chain(
  byCoefficient: Float64Array,
  coef: Float64Array,
  first: number,
  count: number,
  other: number,
  otherCount: number,
  seasonal: boolean,
  m: number,
  sign: number,
  out: Float64Array,
): void {
  for (let own = 0; own < count; own++) {
    let v = byCoefficient[seasonal ? (own + 1) * m - 1 : own];
    for (let s = 0; s < otherCount; s++) {
      const c = coef[other + s];
      if (c !== 0) v += sign * c * byCoefficient[seasonal ? (own + 1) * m + s : (s + 1) * m + own];
    }
    out[first + own] = v;
  }
}

/**
 * Chains derivatives along the multiplied-out polynomials (dS/dphi[j] in `byPhi`, dS/dtheta[j] in
 * `byTheta`) to the coefficients of their factors, `coef`'s ar, ma, sar and sma, written into out[0, p + q
 * + P + Q). Only the multiplied-out coefficients some factor coefficient moves are read: j below p (or q),
 * the seasonal lags (s+1) m - 1 and the cross terms (s+1) m + i.
 *
 * @example factorGradient(byPhi, byTheta, coef, order, out)
 */
export function factorGradient(
  byPhi: Float64Array,
  byTheta: Float64Array,
  coef: Float64Array,
  order: ArimaOrder,
  out: Float64Array,
): void {
  const { p, q, P, Q } = order;
  const m = seasonalPeriod(order);
  chain(byPhi, coef, 0, p, p + q, P, false, m, -1, out);
  chain(byTheta, coef, p, q, p + q + P, Q, false, m, 1, out);
  chain(byPhi, coef, p + q, P, 0, p, true, m, -1, out);
  chain(byTheta, coef, p + q + P, Q, p, q, true, m, 1, out);
}
