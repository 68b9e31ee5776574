import { isStationaryAr } from "./partrans.js";

/**
 * Whether every root of 1 + sign * (c[0] z + c[1] z^2 + ...) lies more than `radius` from the origin:
 * forecast's myarima refuses models whose multiplied-out AR or MA polynomial has a root within 1.01.
 * With z = radius w the question becomes stationarity of the scaled coefficients, which the Schur-Cohn
 * test (partial autocorrelations) answers without computing roots. Trailing coefficients below 1e-8 are
 * ignored, as in forecast.
 *
 * @param sign -1 for an AR polynomial (1 - phi z - ...), +1 for an MA polynomial (1 + theta z + ...)
 * @example rootsOutside(Float64Array.of(0.995), -1, 1.01) // false: the AR root is 1 / 0.995 ≈ 1.005
 */
export function rootsOutside(c: Float64Array, sign: 1 | -1, radius: number): boolean {
  let k = c.length;
  while (k > 0 && Math.abs(c[k - 1]) <= 1e-8) k--;
  const scaled = new Float64Array(k);
  let power = 1;
  for (let i = 0; i < k; i++) {
    power *= radius;
    scaled[i] = -sign * c[i] * power;
  }
  return isStationaryAr(scaled);
}
