/** Component codes the hot loop switches on (loop-invariant, so the branches predict perfectly). */
export const NONE = 0;
export const ADDITIVE = 1;
export const MULTIPLICATIVE = 2;

// Below this a divisor counts as zero; the quotient is then replaced by HUGE, as R's etscalc does, so that
// the likelihood turns very bad instead of infinite or NaN.
const TINY = 1e-10;
const HUGE = 1e10;

/**
 * Runs the ETS recursions (Hyndman, Koehler, Ord & Snyder 2008, Table 2.1, written in the smoothing form
 * of section 2.5.1 so that one loop serves additive and multiplicative errors) over y[0, n).
 *
 * The state layout, in and out, is [level, trend, s(0), ..., s(m-1)], where s(j) is the seasonal factor of
 * the j-th observation from now on; `state` goes in as the initial state x0 and comes out as the state after
 * y[n-1], ready to forecast y[n]. Without a trend the trend slot is 0; without a season there are no slots.
 *
 * Returns the concentrated -2 log likelihood of Hyndman et al. (2008, eq. 5.3), without constants, as R's
 * forecast::ets reports it: n log(sum e^2) with e = y - yhat for additive errors, plus 2 sum log|yhat| and
 * e = (y - yhat) / yhat for multiplicative errors. NaN when a multiplicative model's one-step forecast
 * reaches 0 or the states stop being finite numbers; -Infinity for a perfect fit.
 *
 * @param y observations; only y[0, n) is read
 * @param n number of observations to filter
 * @param error ADDITIVE or MULTIPLICATIVE
 * @param trend NONE, ADDITIVE or MULTIPLICATIVE
 * @param season NONE, ADDITIVE or MULTIPLICATIVE
 * @param period seasonal period m (1 without a season)
 * @param alpha level smoothing, > 0
 * @param beta trend smoothing (0 without a trend), <= alpha
 * @param gamma seasonal smoothing (0 without a season)
 * @param phi damping (1 when not damped)
 * @param state initial state in, final state out
 * @param ring scratch of length >= period
 * @param fitted receives the one-step forecasts yhat[t] when given
 * @param totals receives [sum of squared errors, sum of log|yhat|] when given
 * @example
 * const state = Float64Array.of(10, 0); // simple exponential smoothing from level 10
 * etsFilter(Float64Array.of(10, 12), 2, ADDITIVE, NONE, NONE, 1, 0.5, 0, 0, 1, state, new Float64Array(1), null, null);
 * // 2 * Math.log(4); state[0] is now 11
 */
export function etsFilter(
  y: Float64Array,
  n: number,
  error: number,
  trend: number,
  season: number,
  period: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  state: Float64Array,
  ring: Float64Array,
  fitted: Float64Array | null,
  totals: Float64Array | null,
): number {
  let level = state[0];
  let slope = trend === NONE ? 0 : state[1];
  const m = season === NONE ? 1 : period;
  if (season !== NONE) for (let j = 0; j < m; j++) ring[j] = state[2 + j];
  // beta here is the error-correction form's; the smoothing form's is beta / alpha (section 2.5.1).
  const betaStar = beta === 0 ? 0 : beta / alpha;
  const multiplicativeError = error === MULTIPLICATIVE;
  let k = 0;
  let sse = 0;
  // sum log|yhat| as the log of a running product, flushed before it can overflow: one log per many steps.
  let product = 1;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    let damped = 0;
    let base = level;
    if (trend === ADDITIVE) {
      damped = phi * slope;
      base = level + damped;
    } else if (trend === MULTIPLICATIVE) {
      damped = phi === 1 ? slope : slope ** phi;
      base = level * damped;
    }
    const seasonal = season === NONE ? 0 : ring[k];
    const forecast = season === NONE ? base : season === ADDITIVE ? base + seasonal : base * seasonal;
    const value = y[t];
    if (fitted !== null) fitted[t] = forecast;
    let e = 0;
    if (multiplicativeError) {
      const size = Math.abs(forecast);
      if (!(size >= TINY)) return Number.NaN;
      e = (value - forecast) / forecast;
      product *= size;
      if (product > 1e150 || product < 1e-150) {
        logSum += Math.log(product);
        product = 1;
      }
    } else {
      e = value - forecast;
    }
    sse += e * e;

    let deseasonalised = value;
    if (season === ADDITIVE) deseasonalised = value - seasonal;
    else if (season === MULTIPLICATIVE) deseasonalised = Math.abs(seasonal) < TINY ? HUGE : value / seasonal;
    const nextLevel = base + alpha * (deseasonalised - base);
    if (trend === ADDITIVE) {
      slope = damped + betaStar * (nextLevel - level - damped);
    } else if (trend === MULTIPLICATIVE) {
      const ratio = Math.abs(level) < TINY ? HUGE : nextLevel / level;
      slope = damped + betaStar * (ratio - damped);
    }
    if (season === ADDITIVE) {
      ring[k] = seasonal + gamma * (value - base - seasonal);
    } else if (season === MULTIPLICATIVE) {
      const detrended = Math.abs(base) < TINY ? HUGE : value / base;
      ring[k] = seasonal + gamma * (detrended - seasonal);
    }
    level = nextLevel;
    if (++k === m) k = 0;
  }
  state[0] = level;
  if (trend !== NONE) state[1] = slope;
  if (season !== NONE) {
    for (let j = 0; j < m; j++) {
      const from = k + j;
      state[2 + j] = ring[from < m ? from : from - m];
    }
  }
  logSum += Math.log(product);
  if (totals !== null) {
    totals[0] = sse;
    totals[1] = logSum;
  }
  if (!Number.isFinite(level) || !Number.isFinite(slope)) return Number.NaN;
  return n * Math.log(sse) + (multiplicativeError ? 2 * logSum : 0);
}
