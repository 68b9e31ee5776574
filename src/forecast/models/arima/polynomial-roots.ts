/** The complex roots of a polynomial, as parallel arrays of real and imaginary parts. */
export interface ComplexRoots {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/**
 * The roots of c[0] + c[1] z + ... + c[k] z^k by the Aberth-Ehrlich iteration (Aberth 1973), which
 * refines all k roots at once from starting points on a circle of the Cauchy bound's radius. Trailing zero
 * coefficients are dropped first (they lower the degree), so c[k] must not be 0 after that.
 *
 * @throws RangeError when every coefficient is 0
 * @example polynomialRoots([2, -3, 1]) // re [1, 2] (in some order), im [0, 0]
 */
export function polynomialRoots(c: ArrayLike<number>): ComplexRoots {
  let k = c.length - 1;
  while (k >= 0 && c[k] === 0) k--;
  if (k < 0) throw new RangeError("polynomialRoots: every coefficient is 0");
  const re = new Float64Array(k);
  const im = new Float64Array(k);
  if (k === 0) return { re, im };
  const lead = c[k];
  // Cauchy's bound on the root moduli; start on a circle a little inside it, at irregular angles.
  let bound = 0;
  for (let i = 0; i < k; i++) bound = Math.max(bound, Math.abs(c[i] / lead));
  const radius = Math.min(1 + bound, 1e6) * 0.9 + 0.1;
  for (let i = 0; i < k; i++) {
    const angle = (2 * Math.PI * i) / k + 0.4;
    re[i] = radius * Math.cos(angle);
    im[i] = radius * Math.sin(angle);
  }
  for (let iteration = 0; iteration < 500; iteration++) {
    let largest = 0;
    for (let i = 0; i < k; i++) {
      // p(z) and p'(z) at root i by Horner's scheme in complex arithmetic.
      const zr = re[i];
      const zi = im[i];
      let pr = c[k];
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let j = k - 1; j >= 0; j--) {
        const ndr = dr * zr - di * zi + pr;
        di = dr * zi + di * zr + pi;
        dr = ndr;
        const npr = pr * zr - pi * zi + c[j];
        pi = pr * zi + pi * zr;
        pr = npr;
      }
      // ratio = p / p'
      const dd = dr * dr + di * di;
      if (dd === 0) continue;
      const rr = (pr * dr + pi * di) / dd;
      const ri = (pi * dr - pr * di) / dd;
      // sum of 1 / (z_i - z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const ar = zr - re[j];
        const ai = zi - im[j];
        const aa = ar * ar + ai * ai;
        if (aa === 0) continue;
        sr += ar / aa;
        si -= ai / aa;
      }
      // correction w = ratio / (1 - ratio * sum)
      const denr = 1 - (rr * sr - ri * si);
      const deni = -(rr * si + ri * sr);
      const den = denr * denr + deni * deni;
      const wr = (rr * denr + ri * deni) / den;
      const wi = (ri * denr - rr * deni) / den;
      re[i] = zr - wr;
      im[i] = zi - wi;
      const size = Math.hypot(wr, wi) / Math.max(1, Math.hypot(re[i], im[i]));
      if (size > largest) largest = size;
    }
    if (largest < 1e-15) break;
  }
  return { re, im };
}

/**
 * The smallest modulus among the roots of c[0] + c[1] z + ... + c[k] z^k; Infinity for a constant.
 * @example smallestRootModulus([1, -0.5]) // 2
 */
export function smallestRootModulus(c: ArrayLike<number>): number {
  const { re, im } = polynomialRoots(c);
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < re.length; i++) smallest = Math.min(smallest, Math.hypot(re[i], im[i]));
  return smallest;
}
