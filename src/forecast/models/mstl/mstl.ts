import { fitPerGroup } from "../../fit-per-group.js";
import type { Forecaster, ForecastRequest, ForecastResult } from "../../forecaster.js";
import { ewma } from "../baselines/ewma.js";
import { assertOrigins, assertRequest, assertSeries } from "../baselines/validate-input.js";
import { assertMstlOptions, type MstlOptions, mstlDecompose } from "./mstl-decompose.js";

/** The mstl forecaster's options: the decomposition's, and the model of the seasonally adjusted series. */
export interface MstlForecasterOptions extends MstlOptions {
  /**
   * Forecasts the seasonally adjusted series (trend + remainder), non-seasonally: it is asked with
   * `seasons: []`. Its intervals become the forecast's. Default `ewma()`, simple exponential smoothing.
   */
  readonly trend?: Forecaster;
}

/**
 * The seasonal components' value at time `t` >= their end `end`: each component's last period repeated
 * (the seasonal naive forecast of each component, as R's stlf()), summed.
 */
function seasonalAhead(
  seasonals: readonly Float64Array[],
  periods: readonly number[],
  end: number,
  t: number,
) {
  let sum = 0;
  for (let i = 0; i < periods.length; i++) {
    const period = periods[i];
    sum += seasonals[i][end - period + ((t - end) % period)];
  }
  return sum;
}

function adjustedRequest(request: ForecastRequest): ForecastRequest {
  return { horizon: request.horizon, levels: request.levels, seasons: [] };
}

/**
 * MSTL forecasting ("mstl"), as R's stlf() with multiple seasons: decompose y by MSTL (Bandara, Hyndman &
 * Bergmeir 2021), forecast the seasonally adjusted series y - seasonals with the `trend` model, and add
 * each seasonal component's last period, repeated. The prediction intervals are the trend model's,
 * shifted by the same seasonal values (the seasonal components are taken as known). Seasonal periods the
 * data cannot support (fewer than two full periods, or not integers >= 2) are left out, and with none left
 * the trend model forecasts the series itself.
 *
 * `forecastOrigins` decomposes once, on y[0, origins[0]), keeps that seasonal profile for all later
 * times, and hands the adjusted series to the trend model's own `forecastOrigins` (refitting it at each
 * origin when it has none); with `fits` above 1, once per group of origins (`originGroups`).
 *
 * @example
 * const model = mstl({ trend: naive() });
 * model.forecast(hourly, { horizon: 48, levels: [80, 95], seasons: [24, 168] })
 */
export function mstl(options: MstlForecasterOptions = {}): Forecaster {
  const { trend: trendModel = ewma(), ...decompositionOptions } = options;
  assertMstlOptions(decompositionOptions);
  if (typeof trendModel?.forecast !== "function") throw new TypeError("trend must be a Forecaster");
  return {
    name: "mstl",
    forecast(y: Float64Array, request: ForecastRequest): ForecastResult {
      assertSeries(y);
      assertRequest(request);
      const n = y.length;
      const { periods, seasonals } = mstlDecompose(y, request.seasons, decompositionOptions);
      const adjusted = Float64Array.from(y);
      for (const seasonal of seasonals) for (let t = 0; t < n; t++) adjusted[t] -= seasonal[t];
      const inner = trendModel.forecast(adjusted, adjustedRequest(request));
      const mean = Float64Array.from(inner.mean);
      const lower = inner.lower.map((bound) => Float64Array.from(bound));
      const upper = inner.upper.map((bound) => Float64Array.from(bound));
      for (let h = 0; h < request.horizon; h++) {
        const seasonal = seasonalAhead(seasonals, periods, n, n + h);
        mean[h] += seasonal;
        for (const bound of lower) bound[h] += seasonal;
        for (const bound of upper) bound[h] += seasonal;
      }
      const fitted = Float64Array.from(inner.fitted);
      for (let t = 0; t < n; t++) fitted[t] += y[t] - adjusted[t];
      const description = `MSTL(${periods.join(", ") || "no season"}) + ${inner.description}`;
      return { mean, lower, upper, fitted, description };
    },
    forecastOrigins(
      y: Float64Array,
      origins: readonly number[],
      request: ForecastRequest,
      fits = 1,
    ): Float64Array[] {
      assertSeries(y);
      assertRequest(request);
      assertOrigins(origins, y.length);
      return fitPerGroup(origins, fits, (group) => {
        if (group.length === 0) return [];
        const end = group[0];
        const { periods, seasonals } = mstlDecompose(
          y.subarray(0, end),
          request.seasons,
          decompositionOptions,
        );
        // The seasonal profile of y[0, end) continues unchanged over the rest of the data.
        const adjusted = new Float64Array(y.length);
        for (let t = 0; t < y.length; t++) {
          let seasonal = 0;
          if (t < end) for (const component of seasonals) seasonal += component[t];
          else seasonal = seasonalAhead(seasonals, periods, end, t);
          adjusted[t] = y[t] - seasonal;
        }
        const inner = adjustedRequest(request);
        const forecasts =
          trendModel.forecastOrigins?.(adjusted, group, inner) ??
          group.map((origin) =>
            Float64Array.from(trendModel.forecast(adjusted.subarray(0, origin), inner).mean),
          );
        group.forEach((origin, i) => {
          const forecast = forecasts[i];
          for (let h = 0; h < request.horizon; h++)
            forecast[h] += seasonalAhead(seasonals, periods, end, origin + h);
        });
        return forecasts;
      });
    },
  };
}
