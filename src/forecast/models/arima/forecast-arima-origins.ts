import type { ArimaFit } from "./fit-arima.js";
import { kalmanFilter } from "./kalman-filter.js";
import { kalmanForecast } from "./kalman-forecast.js";
import { regressionColumns, termCount } from "./regressors.js";

/**
 * The cross-validation fast path: keeps the coefficients of `fit` (made on y[0, origins[0])) and runs its
 * Kalman filter forward over the rest of `y`, returning the `horizon`-step point forecasts made at each
 * origin from y[0, origin) alone.
 *
 * @param xreg user and Fourier regressors covering y.length + horizon
 * @example forecastArimaOrigins(fit, y, [100, 110, 120], 12, [])
 */
export function forecastArimaOrigins(
  fit: ArimaFit,
  y: Float64Array,
  origins: readonly number[],
  horizon: number,
  xreg: readonly Float64Array[],
): Float64Array[] {
  const n = y.length;
  const ncx = termCount(fit.terms);
  const narma = fit.coef.length - ncx;
  const columns = regressionColumns(fit.terms, xreg, 0, n + horizon);
  const adjusted = Float64Array.from(y);
  for (let j = 0; j < ncx; j++) {
    const beta = fit.coef[narma + j];
    for (let t = 0; t < n; t++) adjusted[t] -= beta * columns[j][t];
  }
  const sums = { ssq: 0, sumlog: 0, nu: 0 };
  let done = origins[0];
  const out: Float64Array[] = [];
  origins.forEach((origin, i) => {
    if (!(Number.isInteger(origin) && origin >= done && origin <= n)) {
      throw new RangeError(
        `origins must be ascending whole numbers up to ${n}, got origins[${i}] = ${origin}`,
      );
    }
    kalmanFilter(fit.model, adjusted, done, origin, sums, null);
    done = origin;
    const { mean } = kalmanForecast(fit.model, horizon, false);
    for (let j = 0; j < ncx; j++) {
      const beta = fit.coef[narma + j];
      for (let h = 0; h < horizon; h++) mean[h] += beta * columns[j][origin + h];
    }
    out.push(mean);
  });
  return out;
}
