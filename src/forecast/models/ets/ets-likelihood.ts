import { ADDITIVE, MULTIPLICATIVE, NONE } from "./ets-filter.js";

// As in the filter: a divisor below TINY counts as zero and the quotient becomes HUGE.
const TINY = 1e-10;
const HUGE = 1e10;

/**
 * The objective the optimiser calls thousands of times: the same -2 log likelihood as `etsFilter`, without
 * fitted values or the final state, in one loop per seasonal type, for no or additive trends (multiplicative
 * trends go through `etsFilter`). `state` is read, never written; `seasons` is scratch of length n + m: the
 * season used at step t sits at t and its update goes to t + m, which saves the ring buffer's wrap-around.
 *
 * The loop is bound by the latency of the level and trend recursion, so it is written as the linear map it
 * is (Hyndman et al. 2008, eq. 3.3 with the seasonal input off the chain): with p the seasonally adjusted
 * observation, l' = (1 - alpha)(l + phi b) + alpha p and b' = phi (1 - beta) b - beta l + beta p, where beta
 * is the error-correction form's (the smoothing form's beta times alpha). Two multiply-adds per step sit
 * on the chain instead of seven dependent operations.
 *
 * The smoothing parameters come in a Float64Array, [alpha, beta, gamma, phi], and the level and trend from
 * `state`: read from typed arrays they are unboxed doubles in V8's optimised code whatever their values.
 * (Passed as arguments, a 0 or a 1 arrives as a small integer, and the loop's level and trend then end up
 * boxed: one heap allocation per step.)
 *
 * @returns -2 log likelihood as in `etsFilter`, NaN where it is undefined
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
  const withTrend = trend === ADDITIVE;
  if (season === NONE) return nonSeasonal(y, n, multiplicative, withTrend, parameters, state);
  for (let j = 0; j < period; j++) seasons[j] = state[2 + j];
  return season === ADDITIVE
    ? additiveSeason(y, n, multiplicative, withTrend, parameters, state, seasons, period)
    : multiplicativeSeason(y, n, multiplicative, withTrend, parameters, state, seasons, period);
}

function finish(
  n: number,
  sse: number,
  multiplicative: boolean,
  logSum: number,
  product: number,
  level: number,
  slope: number,
): number {
  if (!Number.isFinite(level) || !Number.isFinite(slope)) return Number.NaN;
  return n * Math.log(sse) + (multiplicative ? 2 * (logSum + Math.log(product)) : 0);
}

function nonSeasonal(
  y: Float64Array,
  n: number,
  multiplicative: boolean,
  withTrend: boolean,
  parameters: Float64Array,
  state: Float64Array,
): number {
  const alpha = parameters[0];
  // Without a trend, phi = beta = 0 keeps the slope at 0 and out of the level. Multiplying by 0 rather than
  // choosing a literal 0 keeps these doubles: a small-integer 0 here makes V8 box the slope at every step.
  const on = withTrend ? 1 : 0;
  const beta = parameters[1] * on;
  const phi = parameters[3] * on;
  let level = state[0];
  let slope = state[1] * on;
  const levelKeep = 1 - alpha;
  const levelFromSlope = (1 - alpha) * phi;
  const slopeKeep = phi * (1 - beta);
  let sse = 0;
  // sum log|yhat| as the log of a running product: one logarithm per many steps, flushed before overflow.
  let product = 1;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const value = y[t];
    const forecast = level + phi * slope;
    let e = value - forecast;
    if (multiplicative) {
      const size = Math.abs(forecast);
      if (!(size >= TINY)) return Number.NaN;
      e /= forecast;
      product *= size;
      if (product > 1e150 || product < 1e-150) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sse += e * e;
    const nextLevel = levelKeep * level + levelFromSlope * slope + alpha * value;
    slope = slopeKeep * slope - beta * level + beta * value;
    level = nextLevel;
  }
  return finish(n, sse, multiplicative, logSum, product, level, slope);
}

function additiveSeason(
  y: Float64Array,
  n: number,
  multiplicative: boolean,
  withTrend: boolean,
  parameters: Float64Array,
  state: Float64Array,
  seasons: Float64Array,
  m: number,
): number {
  const alpha = parameters[0];
  const on = withTrend ? 1 : 0;
  const beta = parameters[1] * on;
  const gamma = parameters[2];
  const phi = parameters[3] * on;
  let level = state[0];
  let slope = state[1] * on;
  const levelKeep = 1 - alpha;
  const levelFromSlope = (1 - alpha) * phi;
  const slopeKeep = phi * (1 - beta);
  let sse = 0;
  let product = 1;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const value = y[t];
    const seasonal = seasons[t];
    const base = level + phi * slope;
    const forecast = base + seasonal;
    let e = value - forecast;
    if (multiplicative) {
      const size = Math.abs(forecast);
      if (!(size >= TINY)) return Number.NaN;
      e /= forecast;
      product *= size;
      if (product > 1e150 || product < 1e-150) {
        logSum += Math.log(product);
        product = 1;
      }
    }
    sse += e * e;
    const adjusted = value - seasonal;
    seasons[t + m] = seasonal + gamma * (value - base - seasonal);
    const nextLevel = levelKeep * level + levelFromSlope * slope + alpha * adjusted;
    slope = slopeKeep * slope - beta * level + beta * adjusted;
    level = nextLevel;
  }
  return finish(n, sse, multiplicative, logSum, product, level, slope);
}

function multiplicativeSeason(
  y: Float64Array,
  n: number,
  multiplicative: boolean,
  withTrend: boolean,
  parameters: Float64Array,
  state: Float64Array,
  seasons: Float64Array,
  m: number,
): number {
  const alpha = parameters[0];
  const on = withTrend ? 1 : 0;
  const beta = parameters[1] * on;
  const gamma = parameters[2];
  const phi = parameters[3] * on;
  let level = state[0];
  let slope = state[1] * on;
  const levelKeep = 1 - alpha;
  const levelFromSlope = (1 - alpha) * phi;
  const slopeKeep = phi * (1 - beta);
  let sse = 0;
  let product = 1;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const value = y[t];
    const seasonal = seasons[t];
    const base = level + phi * slope;
    const forecast = base * seasonal;
    let adjusted = 0;
    let detrended = 0;
    let ratio = 0;
    if (Math.abs(forecast) >= TINY) {
      // One division instead of three: y / yhat, y / s = (y / yhat) b and y / b = (y / yhat) s.
      ratio = value / forecast;
      adjusted = ratio * base;
      detrended = ratio * seasonal;
    } else {
      if (multiplicative) return Number.NaN;
      ratio = 0;
      adjusted = Math.abs(seasonal) < TINY ? HUGE : value / seasonal;
      detrended = Math.abs(base) < TINY ? HUGE : value / base;
    }
    let e = 0;
    if (multiplicative) {
      e = ratio - 1;
      product *= Math.abs(forecast);
      if (product > 1e150 || product < 1e-150) {
        logSum += Math.log(product);
        product = 1;
      }
    } else {
      e = value - forecast;
    }
    sse += e * e;
    seasons[t + m] = seasonal + gamma * (detrended - seasonal);
    const nextLevel = levelKeep * level + levelFromSlope * slope + alpha * adjusted;
    slope = slopeKeep * slope - beta * level + beta * adjusted;
    level = nextLevel;
  }
  return finish(n, sse, multiplicative, logSum, product, level, slope);
}
