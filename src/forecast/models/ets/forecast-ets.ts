import { normalIntervals } from "../../normal-intervals.js";
import { etsClass3Moments } from "./class3-moments.js";
import { etsVarianceClass } from "./ets-form.js";
import type { EtsFit } from "./fit-ets.js";
import { etsForecastVariance } from "./forecast-variance.js";
import { etsPointForecast } from "./point-forecast.js";
import { type SimulationSettings, simulateEtsIntervals } from "./simulate-intervals.js";

/** Point forecasts and prediction intervals of a fitted ETS model. */
export interface EtsForecast {
  readonly mean: Float64Array;
  /** One array per level, in the order of the levels. */
  readonly lower: Float64Array[];
  readonly upper: Float64Array[];
}

/**
 * Forecasts a fitted ETS model (Hyndman et al. 2008, ch. 6), as R's forecast package does: for classes 1
 * and 2 the point forecasts from the last state and the exact variances; for class 3 (ETS(M,N,M),
 * ETS(M,A,M), ETS(M,Ad,M)) the exact conditional mean and variance; intervals mean -/+ z sd. The other forms
 * (multiplicative trends; additive errors with a multiplicative season) get simulated intervals around
 * the point forecasts. Each interval contains the point forecast (a simulated quantile that falls short of it,
 * possible in a skewed tail, is moved onto it), and a wider level never gives a narrower interval.
 *
 * @param fit the fitted model
 * @param horizon steps ahead, >= 1
 * @param levels coverage levels in percent, each in (0, 100)
 * @param simulation paths and seed for the simulated intervals
 * @example forecastEts(fitEts(y, form)!, 12, [80, 95]).upper[0]
 */
export function forecastEts(
  fit: EtsFit,
  horizon: number,
  levels: readonly number[],
  simulation: SimulationSettings = {},
): EtsForecast {
  const varianceClass = etsVarianceClass(fit.form);
  let mean = etsPointForecast(fit.form, fit.phi, fit.finalState, new Float64Array(horizon));
  if (varianceClass === 0) {
    if (levels.length === 0) return { mean, lower: [], upper: [] };
    const { lower, upper } = simulateEtsIntervals(fit, horizon, levels, simulation);
    return bracket(mean, lower, upper);
  }
  let variance: Float64Array;
  if (varianceClass === 3) {
    const moments = etsClass3Moments(
      fit.form,
      fit.alpha,
      fit.beta,
      fit.gamma,
      fit.phi,
      fit.sigma2,
      fit.finalState,
      horizon,
    );
    mean = moments.mean;
    variance = moments.variance;
  } else {
    variance = etsForecastVariance(fit.form, fit.alpha, fit.beta, fit.gamma, fit.phi, fit.sigma2, mean);
  }
  const sd = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) sd[h] = Math.sqrt(variance[h]);
  const { lower, upper } = normalIntervals(mean, sd, levels);
  return bracket(mean, lower, upper);
}

/** Moves bounds that miss the point forecast (or are NaN) onto it. */
function bracket(mean: Float64Array, lower: Float64Array[], upper: Float64Array[]): EtsForecast {
  for (let i = 0; i < lower.length; i++) {
    for (let h = 0; h < mean.length; h++) {
      // NaN bounds (a simulated path that left the model's domain) collapse onto the point forecast.
      if (!(lower[i][h] <= mean[h])) lower[i][h] = mean[h];
      if (!(upper[i][h] >= mean[h])) upper[i][h] = mean[h];
    }
  }
  return { mean, lower, upper };
}
