import type { Random } from "./random.js";

/**
 * A standard normal variate by Marsaglia's polar method (Marsaglia & Bray 1964).
 * Only used by the gamma sampler, a few times per traffic cell, so the spare value is not cached.
 */
function sampleNormal(rng: Random): number {
  let u: number;
  let v: number;
  let s: number;
  do {
    u = 2 * rng.next() - 1;
    v = 2 * rng.next() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  return u * Math.sqrt((-2 * Math.log(s)) / s);
}

/**
 * A Gamma(shape, scale 1) variate by Marsaglia & Tsang, "A simple method for generating gamma variables",
 * ACM TOMS 26(3), 2000. Shapes below 1 use the boost G(a) = G(a + 1) * U^(1/a) from the same paper.
 *
 * @example
 * const g = sampleGamma(new Random(1), 30) / 30; // mean 1, variance 1/30: a traffic multiplier
 */
export function sampleGamma(rng: Random, shape: number): number {
  if (!(shape > 0)) throw new Error(`gamma shape must be positive, got ${shape}`);
  if (shape < 1) return sampleGamma(rng, shape + 1) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    // Squeeze first: accepts ~98% without a logarithm.
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
