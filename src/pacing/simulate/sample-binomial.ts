import { logFactorial } from "../../demo/log-factorial.js";
import type { Random } from "../../demo/random.js";

/**
 * A Binomial(n, p) variate: how many of n matching requests pass a throttle p. Below n·min(p, 1-p) = 10 by
 * inversion (sequential search from 0, expected n·p + 1 steps); above by BTRS, the transformed rejection
 * with squeeze of W. Hörmann, "The generation of binomial random variates", Journal of Statistical
 * Computation and Simulation 46, 1993 (about 1.2 uniforms per variate whatever n is). p above 1/2 draws
 * n - Binomial(n, 1 - p). n is rounded down to a whole count; p outside [0, 1] or NaN is an error.
 *
 * @example
 * sampleBinomial(new Random(7), 1000, 0.3); // about 300
 */
export function sampleBinomial(rng: Random, n: number, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new Error(`binomial p: expected a probability in [0, 1], got ${p}`);
  if (!(n >= 0 && n < Number.POSITIVE_INFINITY))
    throw new Error(`binomial n: expected a count >= 0, got ${n}`);
  const trials = Math.floor(n);
  if (trials === 0 || p === 0) return 0;
  if (p === 1) return trials;
  if (p > 0.5) return trials - draw(rng, trials, 1 - p);
  return draw(rng, trials, p);
}

function draw(rng: Random, n: number, p: number): number {
  const q = 1 - p;
  if (n * p < 10) {
    // Inversion: P(0) = q^n, P(k) = P(k - 1) · ((n + 1) s / k - s) with s = p / q.
    const s = p / q;
    const a = (n + 1) * s;
    let r = q ** n;
    let u = rng.next();
    let x = 0;
    while (u > r && x < n) {
      u -= r;
      x++;
      r *= a / x - s;
    }
    return x;
  }
  // BTRS (Hörmann 1993, algorithm BTRS, with its constants).
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  const m = Math.floor((n + 1) * p);
  const lpq = Math.log(p / q);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    let v = rng.next();
    let u: number;
    if (v <= urvr) {
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    if (v >= vr) {
      u = rng.next() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = Math.sign(u) * 0.5 - u;
      v = rng.next() * vr;
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    if (Math.log(v) <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}
