import type { Forecaster } from "../../forecaster.js";
import { assertAlpha } from "./assert-demand.js";
import { crostonRates } from "./croston-rates.js";
import { rateForecaster } from "./rate-forecaster.js";

/**
 * Croston's method ("croston", Croston 1972): exponential smoothing of the demand sizes and of the
 * intervals between demands with one weight, the flat forecast their ratio. The default weight 0.1 is
 * that of R's `forecast::croston` and statsforecast's CrostonClassic, whose forecasts it reproduces. The
 * forecast is biased upwards by about alpha / (2 - alpha) (Syntetos & Boylan 2001); `sba` corrects it.
 * Intervals are `empiricalIntervals`; the series must not go negative.
 *
 * @param alpha the smoothing weight in (0, 1], default 0.1
 * @example
 * croston().forecast(new Float64Array([0, 3, 0, 0, 6]), { horizon: 2, levels: [], seasons: [] }).mean
 * // [3.3 / 2.1, 3.3 / 2.1]
 */
export function croston(alpha = 0.1): Forecaster {
  assertAlpha(alpha, "alpha");
  return rateForecaster({
    name: "croston",
    fit: () => alpha,
    run: (y, weight, rates) => crostonRates(y, weight, weight, 1, rates),
    describe: (weight) => `Croston(alpha=${weight})`,
  });
}
