import { LIKELIHOOD_TINY as TINY } from "./likelihood-chain.js";

/**
 * `etsLikelihood` for additive seasons and additive errors, two observations a step (see
 * `chainCoefficients`): the chain's input is the seasonally adjusted observation y - s, and each season's
 * update needs the one-step error of its observation, which the pair computes for both of its steps.
 *
 * @param c the loop's coefficients, from `chainCoefficients`
 * @param seasons scratch of n + m with the initial seasons in [0, m)
 * @returns -2 log likelihood as in `etsFilter` (up to rounding), NaN where it is undefined
 * @example additiveSeasonAbsolute(y, y.length, chainCoefficients(p, true), state, seasons, 7)
 */
export function additiveSeasonAbsolute(
  y: Float64Array,
  n: number,
  c: Float64Array,
  state: Float64Array,
  seasons: Float64Array,
  m: number,
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
  let t = 0;
  for (; t + 1 < n; t += 2) {
    // Season t + m is written before season t + 1 is read, so a period of 1 would still be right.
    const s0 = seasons[t];
    const v0 = y[t] - s0;
    const e0 = v0 - (level + phi * slope);
    sse += e0 * e0;
    seasons[t + m] = s0 + gamma * e0;
    const s1 = seasons[t + 1];
    const v1 = y[t + 1] - s1;
    const e1 = v1 - (nextFromLevel * level + nextFromSlope * slope + nextFromInput * v0);
    sse += e1 * e1;
    seasons[t + 1 + m] = s1 + gamma * e1;
    const nextLevel = level2 * level + level2FromSlope * slope + (levelFromInput * v0 + alpha * v1);
    slope = slope2FromLevel * level + slope2 * slope + (slopeFromInput * v0 + beta * v1);
    level = nextLevel;
  }
  if (t < n) {
    const s0 = seasons[t];
    const v0 = y[t] - s0;
    const e0 = v0 - (level + phi * slope);
    sse += e0 * e0;
    seasons[t + m] = s0 + gamma * e0;
    const nextLevel = levelKeep * level + levelFromSlope * slope + alpha * v0;
    slope = slopeKeep * slope + slopeFromLevel * level + beta * v0;
    level = nextLevel;
  }
  if (!Number.isFinite(level) || !Number.isFinite(slope)) return Number.NaN;
  return n * Math.log(sse);
}

/**
 * `etsLikelihood` for additive seasons and multiplicative errors, one observation a step (taken two at a
 * time, this loop holds more numbers than the CPU has registers and runs slower); the sum of log|yhat| as
 * the logarithms of products of `block` forecasts, +Infinity when a product overflows.
 *
 * @param c the loop's coefficients, from `chainCoefficients`
 * @param seasons scratch of n + m with the initial seasons in [0, m)
 * @param block forecasts per logarithm
 * @returns -2 log likelihood as in `etsFilter` (up to rounding), NaN where it is undefined
 * @example additiveSeasonRelative(y, y.length, chainCoefficients(p, true), state, seasons, 7, 16)
 */
export function additiveSeasonRelative(
  y: Float64Array,
  n: number,
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
  let level = state[0];
  let slope = state[1] * c[17];
  let sse = 0;
  let logSum = 0;
  // The smallest |yhat|, checked once at the end: below TINY the likelihood is undefined.
  let smallest = Number.POSITIVE_INFINITY;
  for (let start = 0; start < n; start += block) {
    const end = Math.min(start + block, n);
    let product = 1;
    for (let t = start; t < end; t++) {
      const seasonal = seasons[t];
      const base = level + phi * slope;
      const forecast = base + seasonal;
      const size = Math.abs(forecast);
      smallest = Math.min(smallest, size);
      product *= size;
      const adjusted = y[t] - seasonal;
      const change = adjusted - base;
      const e = change / forecast;
      sse += e * e;
      seasons[t + m] = seasonal + gamma * change;
      const nextLevel = levelKeep * level + levelFromSlope * slope + alpha * adjusted;
      slope = slopeKeep * slope + slopeFromLevel * level + beta * adjusted;
      level = nextLevel;
    }
    logSum += Math.log(product);
  }
  if (!(smallest >= TINY)) return Number.NaN;
  if (!Number.isFinite(level) || !Number.isFinite(slope)) return Number.NaN;
  return n * Math.log(sse) + 2 * logSum;
}
