import { LIKELIHOOD_TINY as TINY } from "./likelihood-chain.js";

// As in the filter: a divisor below TINY counts as zero and the quotient becomes HUGE.
const HUGE = 1e10;

/**
 * `etsLikelihood` for multiplicative seasons, two observations a step (see `chainCoefficients`). The
 * chain's input is y / s, which depends on the season only, known m steps ahead, so no division waits on
 * the level: y / s and y / base are separate divisions off the chain, where y / yhat times the base (one
 * division, but on the chain) would be the same number.
 *
 * @param c the loop's coefficients, from `chainCoefficients`
 * @param seasons scratch of n + m with the initial seasons in [0, m)
 * @param block forecasts per logarithm of their product (even); +Infinity when a product overflows
 * @returns -2 log likelihood as in `etsFilter` (up to rounding), NaN where it is undefined
 * @example multiplicativeSeasonLikelihood(y, y.length, true, chainCoefficients(p, true), state, seasons, 7, 16)
 */
export function multiplicativeSeasonLikelihood(
  y: Float64Array,
  n: number,
  multiplicative: boolean,
  c: Float64Array,
  state: Float64Array,
  seasons: Float64Array,
  m: number,
  block: number,
): number {
  const alpha = c[0];
  const beta = c[1];
  const gamma = c[2];
  const phi = c[3];
  const levelKeep = c[4];
  const levelFromSlope = c[5];
  const slopeFromLevel = c[6];
  const slopeKeep = c[7];
  const level2 = c[8];
  const level2FromSlope = c[9];
  const slope2FromLevel = c[10];
  const slope2 = c[11];
  const levelFromInput = c[12];
  const slopeFromInput = c[13];
  const nextFromLevel = c[14];
  const nextFromSlope = c[15];
  const nextFromInput = c[16];
  let level = state[0];
  let slope = state[1] * c[17];
  let sse = 0;
  let logSum = 0;
  for (let start = 0; start < n; start += block) {
    const end = Math.min(start + block, n);
    let product = 1;
    for (let t = start; t < end; t += 2) {
      const value0 = y[t];
      const s0 = seasons[t];
      const base0 = level + phi * slope;
      const f0 = base0 * s0;
      const size0 = Math.abs(f0);
      let v0 = 0;
      let detrended0 = 0;
      if (size0 >= TINY) {
        v0 = value0 / s0;
        detrended0 = value0 / base0;
      } else {
        if (multiplicative) return Number.NaN;
        v0 = Math.abs(s0) < TINY ? HUGE : value0 / s0;
        detrended0 = Math.abs(base0) < TINY ? HUGE : value0 / base0;
      }
      let e0 = 0;
      if (multiplicative) {
        e0 = value0 / f0 - 1;
        product *= size0;
      } else {
        e0 = value0 - f0;
      }
      sse += e0 * e0;
      seasons[t + m] = s0 + gamma * (detrended0 - s0);
      if (t + 1 === n) {
        const nextLevel = levelKeep * level + levelFromSlope * slope + alpha * v0;
        slope = slopeKeep * slope + slopeFromLevel * level + beta * v0;
        level = nextLevel;
        break;
      }
      const value1 = y[t + 1];
      const s1 = seasons[t + 1];
      const base1 = nextFromLevel * level + nextFromSlope * slope + nextFromInput * v0;
      const f1 = base1 * s1;
      const size1 = Math.abs(f1);
      let v1 = 0;
      let detrended1 = 0;
      if (size1 >= TINY) {
        v1 = value1 / s1;
        detrended1 = value1 / base1;
      } else {
        if (multiplicative) return Number.NaN;
        v1 = Math.abs(s1) < TINY ? HUGE : value1 / s1;
        detrended1 = Math.abs(base1) < TINY ? HUGE : value1 / base1;
      }
      let e1 = 0;
      if (multiplicative) {
        e1 = value1 / f1 - 1;
        product *= size1;
      } else {
        e1 = value1 - f1;
      }
      sse += e1 * e1;
      seasons[t + 1 + m] = s1 + gamma * (detrended1 - s1);
      const nextLevel = level2 * level + level2FromSlope * slope + (levelFromInput * v0 + alpha * v1);
      slope = slope2FromLevel * level + slope2 * slope + (slopeFromInput * v0 + beta * v1);
      level = nextLevel;
    }
    if (multiplicative) logSum += Math.log(product);
  }
  if (!Number.isFinite(level) || !Number.isFinite(slope)) return Number.NaN;
  return n * Math.log(sse) + (multiplicative ? 2 * logSum : 0);
}
