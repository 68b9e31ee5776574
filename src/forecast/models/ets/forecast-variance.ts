import type { EtsForm } from "./ets-form.js";

/**
 * Exact variances of the h-step forecast errors for the two linear classes of Hyndman et al. (2008, ch. 6):
 * class 1 (additive errors, additive or no trend and season), var(h) = sigma^2 (1 + sum_{j<h} c_j^2) (eq. 6.1,
 * Table 6.1); class 2 (the same with multiplicative errors), var(h) = (1 + sigma^2) theta(h) - mu(h)^2 with
 * theta(1) = mu(1)^2 and theta(h) = mu(h)^2 + sigma^2 sum_{j<h} c_j^2 theta(h-j) (section 6.3). In both,
 * c_j = alpha + beta phi_j + gamma [j divisible by m], where phi_j = phi + ... + phi^j.
 *
 * @param form a class 1 or class 2 form (no multiplicative trend or season)
 * @param alpha level smoothing
 * @param beta trend smoothing (0 without a trend)
 * @param gamma seasonal smoothing (0 without a season)
 * @param phi damping (1 when not damped)
 * @param sigma2 innovation variance
 * @param mean the point forecasts, whose length is the horizon
 * @returns the variances, never negative
 * @example etsForecastVariance({ error: "A", trend: "N", damped: false, season: "N", period: 1 }, 0.5, 0, 0, 1, 2, new Float64Array(3))
 * // [2, 2.5, 3]
 */
export function etsForecastVariance(
  form: EtsForm,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  sigma2: number,
  mean: Float64Array,
): Float64Array {
  const horizon = mean.length;
  const m = form.season === "N" ? 0 : form.period;
  const squares = new Float64Array(horizon);
  let phiSum = 0;
  let phiPower = 1;
  for (let j = 1; j < horizon; j++) {
    phiPower *= phi;
    phiSum += phiPower;
    const c = alpha + (form.trend === "N" ? 0 : beta * phiSum) + (m > 0 && j % m === 0 ? gamma : 0);
    squares[j] = c * c;
  }
  const variance = new Float64Array(horizon);
  if (form.error === "A") {
    let sum = 0;
    for (let h = 0; h < horizon; h++) {
      variance[h] = sigma2 * (1 + sum);
      sum += squares[h + 1] ?? 0;
    }
    return variance;
  }
  const theta = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let sum = 0;
    for (let j = 1; j <= h; j++) sum += squares[j] * theta[h - j];
    theta[h] = mean[h] * mean[h] + sigma2 * sum;
    variance[h] = Math.max((1 + sigma2) * theta[h] - mean[h] * mean[h], 0);
  }
  return variance;
}
