import type { Forecaster, ForecastRequest, ForecastResult } from "../../forecaster.js";
import { originGroups } from "../../origin-groups.js";
import { checkInput } from "./check-input.js";
import { ADDITIVE, etsFilter, MULTIPLICATIVE, NONE } from "./ets-filter.js";
import { describeEts, type EtsForm } from "./ets-form.js";
import { type EtsSpec, type ParsedEtsSpec, parseEtsSpec } from "./ets-spec.js";
import type { EtsFit } from "./fit-ets.js";
import { fitSeries } from "./fit-series.js";
import { forecastEts } from "./forecast-ets.js";
import { etsPeriod } from "./seasonal-period.js";
import { selectEts } from "./select-ets.js";

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
  const forecastFit = (fit: EtsFit, request: ForecastRequest): ForecastResult => {
    const { mean, lower, upper } = forecastEts(fit, request.horizon, request.levels, simulation);
    return { mean, lower, upper, fitted: fit.fitted, description: describeEts(fit.form) };
  };
  return {
    name: "ets",
    forecast(y: Float64Array, request: ForecastRequest): ForecastResult {
      checkInput("ets", y, request);
      return forecastFit(fitSeries(y, y.length, parsed, request.seasons), request);
    },
    forecastOrigins(
      y: Float64Array,
      origins: readonly number[],
      request: ForecastRequest,
      fits = 1,
    ): Float64Array[] {
      return foldForecasts(y, origins, request, fits, parsed).means;
    },
    // The final fit chooses by AICc among the forms the last fold search refined (the forms close on all but
    // the last run of origins) rather than among every form: the first pass over every form, about three
    // fifths of a search, is not made again. It searches every form when the data since could change what
    // the search may consider (a season the head was too short for, a value <= 0 against a multiplicative
    // form) or the last fold had nothing to search.
    forecastOriginsThenFinal(y, origins, request, fits = 1) {
      const { means, contenders, lastStart } = foldForecasts(y, origins, request, fits, parsed);
      const final = (finalRequest: ForecastRequest): ForecastResult => {
        checkInput("ets", y, finalRequest);
        const period = etsPeriod(finalRequest.seasons, y.length);
        const again =
          etsPeriod(finalRequest.seasons, lastStart) === period
            ? refitContenders(y, contenders, period, parsed)
            : null;
        return forecastFit(again ?? fitSeries(y, y.length, parsed, finalRequest.seasons), finalRequest);
      };
      return { means, final };
    },
  };
}

/**
 * The folds' point forecasts (see `Forecaster.forecastOrigins`), with the forms the last fit's search
 * refined and where that fit's data ended.
 */
function foldForecasts(
  y: Float64Array,
  origins: readonly number[],
  request: ForecastRequest,
  fits: number,
  parsed: ParsedEtsSpec,
): { means: Float64Array[]; contenders: EtsForm[]; lastStart: number } {
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
  const means: Float64Array[] = [];
  const groups = originGroups(origins, fits);
  let first: EtsFit | null = null;
  let contenders: EtsForm[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    // The first and the last fit search the forms: the last, nearest to the final fit, judges the form the
    // final fit would choose. Fits in between re-estimate the first's form, a quarter of a search's cost;
    // where that form cannot be fitted any more, they search too.
    const searched: EtsForm[] = [];
    const fit: EtsFit =
      first !== null && g < groups.length - 1
        ? (refitForm(y, group[0], first, parsed) ?? fitSeries(y, group[0], parsed, request.seasons))
        : fitSeries(y, group[0], parsed, request.seasons, searched);
    if (g === groups.length - 1) contenders = searched;
    first ??= fit;
    means.push(...filterOrigins(y, group, fit, request.horizon));
  }
  return { means, contenders, lastStart: groups.length > 0 ? groups[groups.length - 1][0] : y.length };
}

/**
 * The best by AICc of `forms` fitted to the whole of y, or null when there are none, one has a season other
 * than `period` (the request's seasons changed), or one needs positive data that y no longer is.
 */
function refitContenders(
  y: Float64Array,
  forms: readonly EtsForm[],
  period: number,
  spec: ParsedEtsSpec,
): EtsFit | null {
  if (forms.length === 0 || forms.some((f) => f.season !== "N" && f.period !== period)) return null;
  const multiplicative = forms.some((f) => f.error === "M" || f.trend === "M" || f.season === "M");
  if (multiplicative) for (let t = 0; t < y.length; t++) if (!(y[t] > 0)) return null;
  return selectEts(y, forms, spec.fixed, y.length);
}

/**
 * The form of `previous` fitted again to y[0, n), with the spec's fixed parameters; null when the
 * form cannot be fitted there (a multiplicative component meeting a value <= 0, too few points) or
 * `previous` was no estimated form (a constant or too short series), so that the caller searches again.
 */
function refitForm(y: Float64Array, n: number, previous: EtsFit, spec: ParsedEtsSpec): EtsFit | null {
  const { form } = previous;
  if (previous.estimated === 0) return null;
  if (form.error === "M" || form.trend === "M" || form.season === "M") {
    for (let t = 0; t < n; t++) if (!(y[t] > 0)) return null;
  }
  if (form.season !== "N" && etsPeriod([form.period], n) !== form.period) return null;
  return selectEts(y, [form], spec.fixed, n);
}

/**
 * The point forecasts made at each origin by one fit's parameters: its state is run forward from the
 * start of the series through the data before each origin (the state recursion is the same for both error
 * types, so the additive one serves: it never stops early on a forecast near 0 as the multiplicative
 * likelihood must), and the forecast is the same mean as `forecast` gives (for class 3 the conditional mean).
 */
function filterOrigins(
  y: Float64Array,
  origins: readonly number[],
  fit: EtsFit,
  horizon: number,
): Float64Array[] {
  const { form, alpha, beta, gamma, phi } = fit;
  const m = form.season === "N" ? 1 : form.period;
  const state = fit.initialState.slice();
  const ring = new Float64Array(m);
  const out: Float64Array[] = [];
  let done = 0;
  for (const origin of origins) {
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
    out.push(forecastEts({ ...fit, finalState: state }, horizon, []).mean);
  }
  return out;
}

/**
 * ETS with every component chosen by AICc: `ets()` under the name "ets"; the description names the chosen
 * form, e.g. "ETS(M,Ad,M)".
 * @example autoEts.forecast(y, { horizon: 12, levels: [80, 95], seasons: [12] }).description
 */
export const autoEts: Forecaster = ets();
