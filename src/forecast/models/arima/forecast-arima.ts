import { normalIntervals } from "../../normal-intervals.js";
import type { ArimaFit } from "./fit-arima.js";
import { kalmanForecast } from "./kalman-forecast.js";
import { regressionColumns, termCount } from "./regressors.js";

/** Point forecasts, standard errors and normal prediction intervals of an ARIMA fit. */
export interface ArimaForecast {
  readonly mean: Float64Array;
  /** Forecast standard deviations, sqrt(variance * sigma2). */
  readonly se: Float64Array;
  readonly lower: Float64Array[];
  readonly upper: Float64Array[];
}

/**
 * Forecasts a fitted ARIMA model as forecast::forecast.Arima: the Kalman forecasts of the ARIMA errors
 * plus the regression on the future regressors (the drift continuing n + 1, n + 2, ...), with normal
 * intervals mean -/+ z sqrt(v sigma2).
 *
 * @param n the length of the series the model was fitted on
 * @param xreg the user regressors covering at least n + horizon values, as for the fit
 * @example forecastArima(fit, y.length, 12, [80, 95]).mean
 */
export function forecastArima(
  fit: ArimaFit,
  n: number,
  horizon: number,
  levels: readonly number[],
  xreg: readonly Float64Array[] = [],
): ArimaForecast {
  const { mean, variance } = kalmanForecast(fit.model, horizon);
  const ncx = termCount(fit.terms);
  if (ncx > 0) {
    xreg.forEach((column, i) => {
      if (column.length < n + horizon) {
        throw new RangeError(
          `xreg[${i}]: needs ${n + horizon} values to forecast ${horizon} steps, got ${column.length}`,
        );
      }
    });
    const narma = fit.coef.length - ncx;
    const columns = regressionColumns(fit.terms, xreg, n, n + horizon);
    for (let j = 0; j < ncx; j++) {
      const beta = fit.coef[narma + j];
      for (let h = 0; h < horizon; h++) mean[h] += beta * columns[j][h];
    }
  }
  const se = variance.map((v) => Math.sqrt(v * fit.sigma2));
  const { lower, upper } = normalIntervals(mean, se, levels);
  return { mean, se, lower, upper };
}
