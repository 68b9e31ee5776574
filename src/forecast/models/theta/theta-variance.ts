import type { ThetaParameters } from "./theta-filter.js";
import { nextSlope, type ThetaTrend } from "./theta-trend.js";

/**
 * Variances of the h-step forecast errors, h = 1 .. horizon, from the state after `origin` observations,
 * for Gaussian one-step errors of variance `sigma2`.
 *
 * With a static trend (STM, OTM) a shock moves only the level, by alpha, so the variance is
 * sigma2 (1 + (h - 1) alpha^2), as Fiorucci et al. (2016, section 3) give for the OTM. With the dynamic
 * trend (DOTM) a shock also moves the running mean and the slope; the recursions are linear, so the
 * error of the h-step forecast is sum_k psi_{h,k} e_{origin+k} exactly, and psi is found here by pushing a
 * unit shock through the recursions (O(horizon^2)). No simulation, so the intervals are deterministic.
 *
 * @param out receives the variances, length >= horizon
 */
export function thetaForecastVariance(
  parameters: ThetaParameters,
  trend: ThetaTrend,
  origin: number,
  horizon: number,
  sigma2: number,
  out: Float64Array,
): void {
  const { alpha, trendWeight } = parameters;
  if (trend.mean === null) {
    for (let h = 0; h < horizon; h++) out[h] = sigma2 * (1 + h * alpha * alpha);
    return;
  }
  const beta = 1 - alpha;
  out.fill(sigma2, 0, horizon);
  // A unit shock at step k; deviations of the level, mean, slope and intercept thereafter.
  for (let k = 0; k < horizon - 1; k++) {
    const shockTime = origin + k;
    let level = alpha;
    let slope = nextSlope(shockTime, 0, 0, 1);
    let mean = 1 / (shockTime + 1);
    let intercept = mean - (slope * (shockTime + 2)) / 2;
    let betaPower = beta ** (shockTime + 1);
    for (let j = k + 1; j < horizon; j++) {
      const s = origin + j;
      const psi = level + trendWeight * (intercept * betaPower + (slope * (1 - betaPower * beta)) / alpha);
      out[j] += sigma2 * psi * psi;
      level = alpha * psi + beta * level;
      slope = nextSlope(s, mean, slope, psi);
      mean = (s * mean + psi) / (s + 1);
      intercept = mean - (slope * (s + 2)) / 2;
      betaPower *= beta;
    }
  }
}
