import { additiveSeasonAbsolute, additiveSeasonRelative } from "./additive-season-likelihood.js";
import { ADDITIVE, MULTIPLICATIVE, NONE } from "./ets-filter.js";
import { chainCoefficients, LIKELIHOOD_TINY as TINY } from "./likelihood-chain.js";
import { multiplicativeSeasonLikelihood } from "./multiplicative-season-likelihood.js";

/**
 * The objective the optimiser calls thousands of times: the same -2 log likelihood as `etsFilter`, without
 * fitted values or the final state, in one loop per error and seasonal type, for no or additive trends
 * (multiplicative trends go through `etsFilter`). `state` is read, never written; `seasons` is scratch of
 * length n + m: the season used at step t sits at t and its update goes to t + m, which saves the ring
 * buffer's wrap-around.
 *
 * The loops are bound by the latency of the level and trend recursion, so they take it two steps at a time
 * (see `chainCoefficients`): with the seasonal input off the chain, the level and trend two steps on are a
 * linear map of today's plus the inputs of both steps, and the forecast of the step in between comes off
 * the chain. Two multiply-adds on the chain per two observations. (Additive seasons with multiplicative
 * errors stay one observation a step: taken two at a time, that loop holds more numbers than the CPU has
 * registers.) For multiplicative errors, sum log|yhat| is the sum of the logarithms of products of 16
 * forecasts, so that no call sits in the loop; should a product overflow, the likelihood is computed again
 * with a logarithm per two forecasts.
 *
 * The smoothing parameters come in a Float64Array, [alpha, beta, gamma, phi], and the level and trend from
 * `state`: read from typed arrays they are unboxed doubles in V8's optimised code whatever their values.
 * (Passed as arguments, a 0 or a 1 arrives as a small integer, and the loop's level and trend then end up
 * boxed: one heap allocation per step.)
 *
 * @returns -2 log likelihood as in `etsFilter` (up to rounding), NaN where it is undefined
 * @example etsLikelihood(y, y.length, ADDITIVE, NONE, NONE, 1, Float64Array.of(0.3, 0, 0, 1), Float64Array.of(y[0], 0), new Float64Array(y.length + 1))
 */
export function etsLikelihood(
  y: Float64Array,
  n: number,
  error: number,
  trend: typeof NONE | typeof ADDITIVE,
  season: number,
  period: number,
  parameters: Float64Array,
  state: Float64Array,
  seasons: Float64Array,
): number {
  const multiplicative = error === MULTIPLICATIVE;
  const c = chainCoefficients(parameters, trend === ADDITIVE);
  const lik = likelihoodInBlocks(y, n, multiplicative, season, period, c, state, seasons, LOG_BLOCK);
  // A block's product of |yhat| overflowed (forecasts beyond about 1e19): again, one logarithm a pair.
  if (multiplicative && lik === Number.POSITIVE_INFINITY) {
    return likelihoodInBlocks(y, n, multiplicative, season, period, c, state, seasons, 2);
  }
  return lik;
}

/**
 * Steps between logarithms of the running product of |yhat| (multiplicative errors): a call in the loop
 * would make V8 spill the loop's numbers around it. 16 forecasts of at least 1e-10 cannot underflow.
 */
const LOG_BLOCK = 16;

function likelihoodInBlocks(
  y: Float64Array,
  n: number,
  multiplicative: boolean,
  season: number,
  period: number,
  c: Float64Array,
  state: Float64Array,
  seasons: Float64Array,
  block: number,
): number {
  if (season === NONE) {
    return multiplicative ? nonSeasonalRelative(y, n, c, state, block) : nonSeasonalAbsolute(y, n, c, state);
  }
  for (let j = 0; j < period; j++) seasons[j] = state[2 + j];
  if (season === ADDITIVE) {
    return multiplicative
      ? additiveSeasonRelative(y, n, c, state, seasons, period, block)
      : additiveSeasonAbsolute(y, n, c, state, seasons, period);
  }
  return multiplicativeSeasonLikelihood(y, n, multiplicative, c, state, seasons, period, block);
}

/** ETS(A,N,N) and ETS(A,A(d),N): additive errors. */
function nonSeasonalAbsolute(y: Float64Array, n: number, c: Float64Array, state: Float64Array): number {
  const alpha = c[0];
  const beta = c[1];
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
    const v0 = y[t];
    const v1 = y[t + 1];
    const e0 = v0 - (level + phi * slope);
    const e1 = v1 - (nextFromLevel * level + nextFromSlope * slope + nextFromInput * v0);
    sse += e0 * e0;
    sse += e1 * e1;
    const nextLevel = level2 * level + level2FromSlope * slope + (levelFromInput * v0 + alpha * v1);
    slope = slope2FromLevel * level + slope2 * slope + (slopeFromInput * v0 + beta * v1);
    level = nextLevel;
  }
  if (t < n) {
    const value = y[t];
    const e = value - (level + phi * slope);
    sse += e * e;
    const nextLevel = levelKeep * level + levelFromSlope * slope + alpha * value;
    slope = slopeKeep * slope + slopeFromLevel * level + beta * value;
    level = nextLevel;
  }
  if (!Number.isFinite(level) || !Number.isFinite(slope)) return Number.NaN;
  return n * Math.log(sse);
}

/**
 * ETS(M,N,N) and ETS(M,A(d),N): relative errors, and the sum of log|yhat| as the logarithms of products
 * of `block` forecasts (even). +Infinity when a product overflows.
 */
function nonSeasonalRelative(
  y: Float64Array,
  n: number,
  c: Float64Array,
  state: Float64Array,
  block: number,
): number {
  const alpha = c[0];
  const beta = c[1];
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
  // The smallest |yhat|, checked once at the end: below TINY the likelihood is undefined.
  let smallest = Number.POSITIVE_INFINITY;
  const paired = n - (n % 2);
  for (let start = 0; start < paired; start += block) {
    const end = Math.min(start + block, paired);
    let product = 1;
    for (let t = start; t < end; t += 2) {
      const v0 = y[t];
      const v1 = y[t + 1];
      const f0 = level + phi * slope;
      const f1 = nextFromLevel * level + nextFromSlope * slope + nextFromInput * v0;
      const size0 = Math.abs(f0);
      const size1 = Math.abs(f1);
      smallest = Math.min(smallest, size0, size1);
      product *= size0 * size1;
      const e0 = (v0 - f0) / f0;
      const e1 = (v1 - f1) / f1;
      sse += e0 * e0;
      sse += e1 * e1;
      const nextLevel = level2 * level + level2FromSlope * slope + (levelFromInput * v0 + alpha * v1);
      slope = slope2FromLevel * level + slope2 * slope + (slopeFromInput * v0 + beta * v1);
      level = nextLevel;
    }
    logSum += Math.log(product);
  }
  if (paired < n) {
    const value = y[paired];
    const forecast = level + phi * slope;
    const size = Math.abs(forecast);
    smallest = Math.min(smallest, size);
    logSum += Math.log(size);
    const e = (value - forecast) / forecast;
    sse += e * e;
    const nextLevel = levelKeep * level + levelFromSlope * slope + alpha * value;
    slope = slopeKeep * slope + slopeFromLevel * level + beta * value;
    level = nextLevel;
  }
  if (!(smallest >= TINY)) return Number.NaN;
  if (!Number.isFinite(level) || !Number.isFinite(slope)) return Number.NaN;
  return n * Math.log(sse) + 2 * logSum;
}
