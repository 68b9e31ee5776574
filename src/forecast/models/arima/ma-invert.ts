import { polynomialRoots } from "./polynomial-roots.js";

/**
 * The invertible MA polynomial with the same autocorrelations (R's maInvert): the roots of
 * 1 + ma[0] z + ... + ma[q-1] z^q that lie inside the unit circle are replaced by their reciprocals and the
 * polynomial is rebuilt with constant term 1. Returns `ma` itself when it is already invertible.
 *
 * @example maInvert(Float64Array.of(2)) // [0.5]
 */
export function maInvert(ma: Float64Array): Float64Array {
  let q0 = ma.length;
  while (q0 > 0 && ma[q0 - 1] === 0) q0--;
  if (q0 === 0) return ma;
  const coefficients = new Float64Array(q0 + 1);
  coefficients[0] = 1;
  for (let i = 0; i < q0; i++) coefficients[i + 1] = ma[i];
  const { re, im } = polynomialRoots(coefficients);
  let inside = false;
  for (let i = 0; i < q0; i++) if (Math.hypot(re[i], im[i]) < 1) inside = true;
  if (!inside) return ma;
  const out = new Float64Array(ma.length);
  if (q0 === 1) {
    out[0] = 1 / ma[0];
    return out;
  }
  for (let i = 0; i < q0; i++) {
    const size = re[i] * re[i] + im[i] * im[i];
    if (Math.sqrt(size) < 1) {
      re[i] = re[i] / size;
      im[i] = -im[i] / size;
    }
  }
  // The polynomial prod (1 - z / root_i), with complex coefficients whose imaginary parts cancel.
  const cr = new Float64Array(q0 + 1);
  const ci = new Float64Array(q0 + 1);
  cr[0] = 1;
  for (let i = 0; i < q0; i++) {
    const size = re[i] * re[i] + im[i] * im[i];
    const invr = re[i] / size;
    const invi = -im[i] / size;
    for (let j = i + 1; j >= 1; j--) {
      cr[j] -= cr[j - 1] * invr - ci[j - 1] * invi;
      ci[j] -= cr[j - 1] * invi + ci[j - 1] * invr;
    }
  }
  for (let i = 0; i < q0; i++) out[i] = cr[i + 1];
  return out;
}
