import type { Forecaster } from "../../forecaster.js";
import { assertOrigins, assertRequest, assertSeries } from "../baselines/validate-input.js";
import { assertDemand } from "./assert-demand.js";
import { empiricalIntervals } from "./empirical-intervals.js";

/**
 * An intermittent demand model as a filter: parameters fitted on a prefix, then a single pass over the
 * series that yields the flat forecast (a demand rate per period) made from every prefix.
 */
export interface RateModel<Parameters> {
  readonly name: string;
  /** The parameters fitted on y[0, end). */
  fit(y: Float64Array, end: number): Parameters;
  /**
   * Writes rates[t], the forecast made from y[0, t) with the given parameters, for every t in
   * [0, y.length]; NaN where the model cannot forecast yet. rates has length y.length + 1.
   */
  run(y: Float64Array, parameters: Parameters, rates: Float64Array): void;
  /** What was fitted, e.g. "Croston(alpha=0.1)". */
  describe(parameters: Parameters): string;
}

/**
 * A `Forecaster` from a rate model: `forecast` fits on all of `y` and repeats the last rate over the
 * horizon, with the one-step rates as fitted values and `empiricalIntervals`; `forecastOrigins` fits once
 * on y[0, origins[0]) and reads the rate at each origin off one pass of the filter. Refuses series with a
 * negative or non-finite value, naming it.
 *
 * @example
 * const model = rateForecaster({
 *   name: "croston", fit: () => 0.1, run: (y, a, rates) => crostonRates(y, a, a, 1, rates), describe: () => "Croston",
 * });
 */
export function rateForecaster<Parameters>(model: RateModel<Parameters>): Forecaster {
  return {
    name: model.name,
    forecast(y, request) {
      assertSeries(y);
      assertDemand(y);
      assertRequest(request);
      const n = y.length;
      const parameters = model.fit(y, n);
      const rates = new Float64Array(n + 1);
      model.run(y, parameters, rates);
      const fitted = rates.slice(0, n);
      fitted[0] = Number.NaN;
      const mean = new Float64Array(request.horizon).fill(rates[n]);
      const bounds = empiricalIntervals(y, fitted, mean, request.levels);
      return { mean, ...bounds, fitted, description: model.describe(parameters) };
    },
    forecastOrigins(y, origins, request) {
      assertSeries(y);
      assertDemand(y);
      assertRequest(request);
      assertOrigins(origins, y.length);
      if (origins.length === 0) return [];
      const parameters = model.fit(y, origins[0]);
      const rates = new Float64Array(y.length + 1);
      model.run(y, parameters, rates);
      return origins.map((origin) => new Float64Array(request.horizon).fill(rates[origin]));
    },
  };
}
