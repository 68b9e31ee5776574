import { normalQuantile } from "../../normal-quantile.js";
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
 * Forecasts a fitted ETS model: point forecasts from the last state, intervals from the exact forecast
 * variance for the linear classes 1 and 2 (Hyndman et al. 2008, ch. 6; mean -/+ z sd) and by simulation for
 * the others. Each interval contains the point forecast (a simulated quantile that falls short of it,
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
  const mean = etsPointForecast(fit.form, fit.phi, fit.finalState, new Float64Array(horizon));
  let lower: Float64Array[];
  let upper: Float64Array[];
  if (etsVarianceClass(fit.form) === 0) {
    ({ lower, upper } = simulateEtsIntervals(fit, horizon, levels, simulation));
  } else {
    const variance = etsForecastVariance(fit.form, fit.alpha, fit.beta, fit.gamma, fit.phi, fit.sigma2, mean);
    lower = [];
    upper = [];
    for (const level of levels) {
      const z = normalQuantile(0.5 + level / 200);
      const low = new Float64Array(horizon);
      const high = new Float64Array(horizon);
      for (let h = 0; h < horizon; h++) {
        const margin = z * Math.sqrt(variance[h]);
        low[h] = mean[h] - margin;
        high[h] = mean[h] + margin;
      }
      lower.push(low);
      upper.push(high);
    }
  }
  for (let i = 0; i < levels.length; i++) {
    for (let h = 0; h < horizon; h++) {
      // NaN bounds (a simulated path that left the model's domain) collapse onto the point forecast.
      if (!(lower[i][h] <= mean[h])) lower[i][h] = mean[h];
      if (!(upper[i][h] >= mean[h])) upper[i][h] = mean[h];
    }
  }
  return { mean, lower, upper };
}
