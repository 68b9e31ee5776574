import { NEGLIGIBLE_POWER } from "./negligible-power.js";
import { nextSlope, type ThetaTrend } from "./theta-trend.js";

/** The smoothing parameters of a Theta model in the state-space form of Fiorucci et al. (2016). */
export interface ThetaParameters {
  /** Smoothing parameter of the level, in (0, 1). */
  readonly alpha: number;
  /** Weight of the trend line, 1 - 1/theta, in [0, 1] (theta = 2 gives 1/2; theta -> Infinity gives 1). */
  readonly trendWeight: number;
  /** Initial level l_0. */
  readonly level0: number;
}

/**
 * Runs the Theta model's filter over `y[0, length)` (Fiorucci et al. 2016, eqs. 5-7): the one-step
 * forecast made after t observations is
 *   mu_{t+1} = l_t + (1 - 1/theta) [A_t (1 - alpha)^t + B_t (1 - (1 - alpha)^(t+1)) / alpha],
 * and the level is simple exponential smoothing of the data, l_{t+1} = alpha y_t + (1 - alpha) l_t.
 *
 * @param y observations (deseasonalised)
 * @param length observations to filter
 * @param parameters alpha, trend weight and initial level
 * @param trend trend states for t = 0 .. length
 * @param levels receives l_0 .. l_length (length + 1 entries)
 * @param fitted receives mu_1 .. mu_length, the one-step forecasts of y[0] .. y[length - 1]
 */
export function thetaFilter(
  y: Float64Array,
  length: number,
  parameters: ThetaParameters,
  trend: ThetaTrend,
  levels: Float64Array,
  fitted: Float64Array,
): void {
  const { alpha, trendWeight } = parameters;
  const beta = 1 - alpha;
  const { intercept, slope } = trend;
  let level = parameters.level0;
  let betaPower = 1;
  levels[0] = level;
  for (let t = 0; t < length; t++) {
    fitted[t] =
      level + trendWeight * (intercept[t] * betaPower + (slope[t] * (1 - betaPower * beta)) / alpha);
    level = alpha * y[t] + beta * level;
    levels[t + 1] = level;
    betaPower *= beta;
    if (betaPower < NEGLIGIBLE_POWER) betaPower = 0;
  }
}

/**
 * The point forecasts for `horizon` steps from the state after `origin` observations: the filter run on
 * with each future observation replaced by its forecast, which is the conditional mean because every
 * recursion is linear. The static trend stays fixed; the dynamic one keeps updating (DOTM).
 *
 * @param parameters alpha, trend weight and initial level
 * @param trend trend states, needed at t = origin
 * @param level the level l_origin
 * @param origin observations seen
 * @param horizon steps ahead
 * @param out receives the forecasts at out[offset .. offset + horizon)
 * @param offset where to write in `out`
 */
export function thetaForecastPath(
  parameters: ThetaParameters,
  trend: ThetaTrend,
  level: number,
  origin: number,
  horizon: number,
  out: Float64Array,
  offset = 0,
): void {
  const { alpha, trendWeight } = parameters;
  const beta = 1 - alpha;
  const means = trend.mean;
  let intercept = trend.intercept[origin];
  let slope = trend.slope[origin];
  let mean = means === null ? 0 : means[origin];
  let betaPower = beta ** origin;
  if (betaPower < NEGLIGIBLE_POWER) betaPower = 0;
  for (let j = 0; j < horizon; j++) {
    const s = origin + j;
    const mu = level + trendWeight * (intercept * betaPower + (slope * (1 - betaPower * beta)) / alpha);
    out[offset + j] = mu;
    level = alpha * mu + beta * level;
    if (means !== null) {
      slope = nextSlope(s, mean, slope, mu);
      mean = (s * mean + mu) / (s + 1);
      intercept = mean - (slope * (s + 2)) / 2;
    }
    betaPower *= beta;
    if (betaPower < NEGLIGIBLE_POWER) betaPower = 0;
  }
}
