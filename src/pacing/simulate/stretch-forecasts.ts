import { forecastLeaves, type LeafForecast, type LeafForecastOptions } from "./forecast-leaves.js";
import type { LeafTraffic } from "./leaf-traffic.js";

/**
 * The leaf forecasts a pacer has during the stretch: one made at the stretch's start and one every
 * `reforecastHours` after (once per simulated day by default), each from the history before it and reaching
 * to the stretch's end.
 *
 * @example
 * const forecasts = stretchForecasts(traffic, 24, { model: resolveModel("auto") });
 * forecasts[1].at === traffic.stretchStart + 24; // true
 */
export function stretchForecasts(
  traffic: LeafTraffic,
  reforecastHours: number,
  options: LeafForecastOptions,
  onForecast?: (done: number, total: number) => void,
): LeafForecast[] {
  if (!(Number.isInteger(reforecastHours) && reforecastHours >= 1)) {
    throw new Error(`reforecast hours: expected a whole number >= 1, got ${reforecastHours}`);
  }
  const stretch = traffic.hours - traffic.stretchStart;
  const total = Math.ceil(stretch / reforecastHours);
  const forecasts: LeafForecast[] = [];
  for (let s = 0; s < stretch; s += reforecastHours) {
    forecasts.push(forecastLeaves(traffic, traffic.stretchStart + s, stretch - s, options));
    onForecast?.(forecasts.length, total);
  }
  return forecasts;
}
