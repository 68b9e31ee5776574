import { NEGLIGIBLE_POWER } from "./negligible-power.js";
import type { ThetaTrend } from "./theta-trend.js";

/** Weight of the one-step errors inside the burn-in: enough to pin down l_0, too little to matter. */
const BURN_IN_WEIGHT = 1e-10;
/** Below this relative determinant the level and the trend weight cannot be told apart. */
const COLLINEAR = 1e-10;
/** The classical theta = 2, used when the data cannot identify theta. */
const CLASSICAL_TREND_WEIGHT = 0.5;

/**
 * The sum of squared one-step errors of a Theta model with smoothing parameter `alpha`, minimised
 * exactly over the initial level l_0 and (unless fixed) the trend weight c = 1 - 1/theta in [0, 1].
 *
 * For fixed alpha the one-step forecast mu_{t+1} = l_t + c D_t is affine in (l_0, c): l_t moves with
 * l_0 by (1 - alpha)^t and D_t depends on the data alone (see theta-filter.ts). So the squared error is a
 * quadratic in (l_0, c), solved in closed form, and only alpha needs a numerical search. This is the same
 * minimum of the in-sample MSE that Fiorucci et al. (2016) reach with Nelder-Mead over (l_0, alpha, theta).
 * Errors before `burnIn` carry a weight of 1e-10 (statsforecast drops the first three, where the dynamic
 * trend is still raw), which keeps l_0 identified when alpha is close to 1.
 *
 * @param y observations (deseasonalised)
 * @param count observations to fit
 * @param trend trend states, or null for simple exponential smoothing (D_t = 0)
 * @param alpha smoothing parameter in (0, 1)
 * @param burnIn leading errors left (almost) out of the sum
 * @param fixedTrendWeight c to hold fixed, or NaN to optimise it over [0, 1]
 * @param solution receives [l_0, c]
 * @returns the weighted sum of squared errors at the optimum
 */
export function profileThetaSse(
  y: Float64Array,
  count: number,
  trend: ThetaTrend | null,
  alpha: number,
  burnIn: number,
  fixedTrendWeight: number,
  solution: Float64Array,
): number {
  const beta = 1 - alpha;
  const inverseAlpha = 1 / alpha;
  const hasTrend = trend !== null;
  const intercepts = hasTrend ? trend.intercept : y;
  const slopes = hasTrend ? trend.slope : y;
  const start = y[0];
  let level = start; // l_t when l_0 = y[0]; the solved shift of l_0 enters as (1 - alpha)^t
  let betaPower = 1;
  let sgg = 0;
  let sgd = 0;
  let sdd = 0;
  let sgr = 0;
  let sdr = 0;
  let srr = 0;
  // Three loops doing the same arithmetic as one, minus the operations that cannot change a bit: the
  // burn-in with its weights, then weight 1 (x * 1 is x), then, once (1 - alpha)^t is clamped to 0, without
  // the sums it multiplies (they only add zeros). This is the hot loop of every Theta fit.
  const burnInEnd = Math.min(burnIn, count);
  let t = 0;
  for (; t < burnInEnd; t++) {
    const d = hasTrend ? intercepts[t] * betaPower + slopes[t] * (1 - betaPower * beta) * inverseAlpha : 0;
    const value = y[t];
    const r = value - level;
    const wg = BURN_IN_WEIGHT * betaPower;
    const wd = BURN_IN_WEIGHT * d;
    sgg += wg * betaPower;
    sgd += wg * d;
    sdd += wd * d;
    sgr += wg * r;
    sdr += wd * r;
    srr += BURN_IN_WEIGHT * r * r;
    level = alpha * value + beta * level;
    betaPower *= beta;
    if (betaPower < NEGLIGIBLE_POWER) betaPower = 0;
  }
  if (hasTrend) {
    for (; t < count && betaPower !== 0; t++) {
      const d = intercepts[t] * betaPower + slopes[t] * (1 - betaPower * beta) * inverseAlpha;
      const value = y[t];
      const r = value - level;
      sgg += betaPower * betaPower;
      sgd += betaPower * d;
      sdd += d * d;
      sgr += betaPower * r;
      sdr += d * r;
      srr += r * r;
      level = alpha * value + beta * level;
      betaPower *= beta;
      if (betaPower < NEGLIGIBLE_POWER) betaPower = 0;
    }
    // (1 - alpha)^t is 0 from here: d is the slope term alone (the intercept term is a zero, finite states).
    for (; t < count; t++) {
      const d = slopes[t] * inverseAlpha;
      const value = y[t];
      const r = value - level;
      sdd += d * d;
      sdr += d * r;
      srr += r * r;
      level = alpha * value + beta * level;
    }
  } else {
    // No trend: d is 0, so sgd, sdd and sdr stay 0.
    for (; t < count && betaPower !== 0; t++) {
      const value = y[t];
      const r = value - level;
      sgg += betaPower * betaPower;
      sgr += betaPower * r;
      srr += r * r;
      level = alpha * value + beta * level;
      betaPower *= beta;
      if (betaPower < NEGLIGIBLE_POWER) betaPower = 0;
    }
    for (; t < count; t++) {
      const value = y[t];
      const r = value - level;
      srr += r * r;
      level = alpha * value + beta * level;
    }
  }
  let c = fixedTrendWeight;
  if (Number.isNaN(c)) {
    const determinant = sgg * sdd - sgd * sgd;
    if (determinant <= COLLINEAR * sgg * sdd) c = CLASSICAL_TREND_WEIGHT;
    else c = Math.min(1, Math.max(0, (sgg * sdr - sgd * sgr) / determinant));
  }
  // With c fixed, l_0's shift is a one-variable least-squares problem.
  const residualOnLevel = sgr - c * sgd;
  const shift = residualOnLevel / sgg;
  solution[0] = start + shift;
  solution[1] = c;
  const sse = srr - 2 * c * sdr + c * c * sdd - residualOnLevel * shift;
  return Math.max(0, sse);
}
