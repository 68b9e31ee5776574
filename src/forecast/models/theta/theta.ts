import { fitPerGroup } from "../../fit-per-group.js";
import type { Forecaster, ForecastRequest } from "../../forecaster.js";
import { forecastTheta, forecastThetaOrigins, type ThetaVariant } from "./theta-forecast.js";

function thetaForecaster(name: string, variant: ThetaVariant): Forecaster {
  return {
    name,
    forecast: (y: Float64Array, request: ForecastRequest) => forecastTheta(y, request, variant),
    forecastOrigins: (y: Float64Array, origins: readonly number[], request: ForecastRequest, fits = 1) =>
      fitPerGroup(origins, fits, (group) => forecastThetaOrigins(y, group, request, variant)),
  };
}

/**
 * AutoTheta: fits the standard, optimised and dynamic optimised Theta models and keeps the one with the
 * smallest in-sample one-step MSE, as statsforecast's AutoTheta does (ties go to the simpler model).
 * Seasonal series (90% autocorrelation test at each season with two full seasons of data, the longest
 * that passes used) are deseasonalised by classical decomposition first. Series of fewer than 4 points get the naive forecast.
 *
 * @example theta.forecast(y, { horizon: 14, levels: [80, 95], seasons: [7] }).description // "Theta(DOTM, seasonal 7)"
 */
export const theta: Forecaster = thetaForecaster("theta", "auto");

/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos 2000): simple exponential smoothing with a
 * drift of half the least-squares slope (Hyndman & Billah 2003), as R's forecast::thetaf.
 *
 * @example standardTheta.forecast(y, { horizon: 12, levels: [95], seasons: [12] }).description // "Theta(STM, seasonal 12)"
 */
export const standardTheta: Forecaster = thetaForecaster("stm", "stm");

/**
 * The optimised Theta model (Fiorucci et al. 2016): theta, alpha and the initial level minimise the
 * in-sample MSE of the one-step forecasts.
 *
 * @example optimizedTheta.forecast(y, { horizon: 12, levels: [95], seasons: [] }).description // "Theta(OTM)"
 */
export const optimizedTheta: Forecaster = thetaForecaster("otm", "otm");

/**
 * The dynamic optimised Theta model (Fiorucci et al. 2016): as the optimised model, with the trend line
 * refitted as each observation arrives.
 *
 * @example dynamicOptimizedTheta.forecast(y, { horizon: 12, levels: [95], seasons: [] }).description // "Theta(DOTM)"
 */
export const dynamicOptimizedTheta: Forecaster = thetaForecaster("dotm", "dotm");
