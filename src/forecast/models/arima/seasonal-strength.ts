import { stl } from "../mstl/stl.js";

/** The seasonal window R's forecast::mstl() gives a series with one period (7 + 4 i for i = 1). */
const SEASONAL_WINDOW = 11;

function variance(values: Float64Array): number {
  let mean = 0;
  for (let t = 0; t < values.length; t++) mean += values[t];
  mean /= values.length;
  let sum = 0;
  for (let t = 0; t < values.length; t++) sum += (values[t] - mean) ** 2;
  return sum / (values.length - 1);
}

/**
 * The strength of seasonality of y at `period` (Wang, Smith & Hyndman 2006, "Characteristic-based
 * clustering for time series data", Data Mining and Knowledge Discovery 13, section 3.1, in the form of
 * R forecast's seas.heuristic): from an STL decomposition y = seasonal + trend + remainder with seasonal
 * window 11, as forecast::mstl() makes it, 1 - var(remainder) / var(seasonal + remainder), clamped to
 * [0, 1]. Near 1 the season dominates the noise; NaN when seasonal + remainder is constant.
 *
 * @param y the series, finite values, more than two periods long
 * @param period the seasonal period, an integer >= 2
 * @example
 * const y = Float64Array.from({ length: 60 }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / 12) + (t % 5));
 * seasonalStrength(y, 12) // close to 1
 */
export function seasonalStrength(y: Float64Array, period: number): number {
  const { seasonal, remainder } = stl(y, { period, seasonalWindow: SEASONAL_WINDOW });
  const detrended = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) detrended[t] = seasonal[t] + remainder[t];
  return Math.max(0, Math.min(1, 1 - variance(remainder) / variance(detrended)));
}
