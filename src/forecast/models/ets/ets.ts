import type { Forecaster, ForecastRequest, ForecastResult } from "../../forecaster.js";
import { checkInput } from "./check-input.js";
import { ADDITIVE, etsFilter, MULTIPLICATIVE, NONE } from "./ets-filter.js";
import { describeEts } from "./ets-form.js";
import { type EtsSpec, parseEtsSpec } from "./ets-spec.js";
import { fitSeries } from "./fit-series.js";
import { forecastEts } from "./forecast-ets.js";

const CODE = { N: NONE, A: ADDITIVE, M: MULTIPLICATIVE } as const;

/**
 * Exponential smoothing in the innovations state space form of Hyndman, Koehler, Ord & Snyder (2008),
 * "Forecasting with Exponential Smoothing": errors A or M, trend N, A or Ad (M and Md on request), season
 * N, A or M, fitted by maximum likelihood. Components left as "Z" (the default) are chosen by AICc among
 * the forms the data admits, as R's forecast::ets does.
 *
 * ETS has one seasonal period: the smallest of `request.seasons` that is a whole number from 2 to 24 and
 * that the data covers twice (see `etsPeriod`). Short, constant or non-positive series fall back to
 * simpler forms (see `fitSeries`); the description names the form actually fitted.
 *
 * @param spec the components (default: all chosen), fixed smoothing parameters, simulation settings
 * @example
 * const model = ets({ error: "M", trend: "Ad", season: "M" });
 * const { mean, lower, upper, description } = model.forecast(y, { horizon: 14, levels: [80, 95], seasons: [7] });
 */
export function ets(spec: EtsSpec = {}): Forecaster {
  const parsed = parseEtsSpec(spec);
  const simulation = { paths: parsed.paths, seed: parsed.seed };
  return {
    name: "ets",
    forecast(y: Float64Array, request: ForecastRequest): ForecastResult {
      checkInput("ets", y, request);
      const fit = fitSeries(y, y.length, parsed, request.seasons);
      const { mean, lower, upper } = forecastEts(fit, request.horizon, request.levels, simulation);
      return { mean, lower, upper, fitted: fit.fitted, description: describeEts(fit.form) };
    },
    forecastOrigins(y: Float64Array, origins: readonly number[], request: ForecastRequest): Float64Array[] {
      checkInput("ets", y, request);
      for (let i = 0; i < origins.length; i++) {
        const origin = origins[i];
        if (
          !(
            Number.isInteger(origin) &&
            origin >= 1 &&
            origin <= y.length &&
            (i === 0 || origin >= origins[i - 1])
          )
        ) {
          throw new RangeError(
            `ets: origins must be ascending integers in [1, ${y.length}], got origins[${i}] = ${origin}`,
          );
        }
      }
      if (origins.length === 0) return [];
      const fit = fitSeries(y, origins[0], parsed, request.seasons);
      const { form, alpha, beta, gamma, phi } = fit;
      const m = form.season === "N" ? 1 : form.period;
      const state = fit.initialState.slice();
      const ring = new Float64Array(m);
      const out: Float64Array[] = [];
      let done = 0;
      for (const origin of origins) {
        // The state recursion is the same for both error types, so the additive one serves: it never stops
        // early on a forecast near 0 the way the multiplicative likelihood must.
        const segment = y.subarray(done, origin);
        etsFilter(
          segment,
          segment.length,
          ADDITIVE,
          CODE[form.trend],
          CODE[form.season],
          m,
          alpha,
          beta,
          gamma,
          phi,
          state,
          ring,
          null,
          null,
        );
        done = origin;
        // The same mean as `forecast` (for class 3 the conditional mean, not the point forecast).
        out.push(forecastEts({ ...fit, finalState: state }, request.horizon, []).mean);
      }
      return out;
    },
  };
}

/**
 * ETS with every component chosen by AICc: `ets()` under the name "ets"; the description names the chosen
 * form, e.g. "ETS(M,Ad,M)".
 * @example autoEts.forecast(y, { horizon: 12, levels: [80, 95], seasons: [12] }).description
 */
export const autoEts: Forecaster = ets();
