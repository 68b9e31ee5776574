import { type AutoForecaster, autoForecaster } from "../auto-forecaster.js";
import { ensemble } from "../ensemble.js";
import type { Forecaster, ForecastRequest } from "../forecaster.js";
import { autoArimaForecaster } from "./arima/arima.js";
import {
  ewma,
  naive,
  rollingMean,
  seasonalNaive,
  seasonalWindowAverage,
  windowAverage,
} from "./baselines/index.js";
import { autoEts } from "./ets/ets.js";
import { mstl } from "./mstl/index.js";
import { dynamicOptimizedTheta, optimizedTheta, standardTheta, theta } from "./theta/theta.js";

function longestSeason(request: ForecastRequest): number | undefined {
  return request.seasons.length > 0 ? request.seasons[request.seasons.length - 1] : undefined;
}

/**
 * The seasonal naive model on the longest season: with seasons 24 and 168 a week-ago value repeats both
 * the daily and the weekly pattern, which the daily lag cannot.
 */
const weeklySeasonalNaive: Forecaster = {
  name: "snaive",
  forecast: (y, request) => seasonalNaive(longestSeason(request)).forecast(y, request),
  forecastOrigins: (y, origins, request) =>
    // biome-ignore lint/style/noNonNullAssertion: every baseline has the fast path
    seasonalNaive(longestSeason(request)).forecastOrigins!(y, origins, request),
};

/**
 * MSTL with the dynamic optimised Theta model on the seasonally adjusted series: the Theta variant that
 * forecast best in Fiorucci et al. (2016), a third of AutoTheta's cost (one fit instead of three).
 */
const mstlTheta: Forecaster = { ...mstl({ trend: dynamicOptimizedTheta }), name: "mstl" };

/**
 * The automatic model for series with one season or none: AutoETS, AutoTheta and STL + Theta compete in
 * cross-validation, with their mean ensembles (listed by preference for series too short to select).
 */
const autoSingleSeason = autoForecaster([autoEts, theta, mstlTheta]);

/**
 * The automatic model for series with several seasons (hourly: 24 and 168): Theta on the weekly profile
 * and MSTL, with their mean. ETS is left out because it sees the daily cycle only (R's ets takes no period
 * above 24) and a seasonal ETS fit on thousands of hourly points costs ten times a Theta fit. The seasonal
 * naive model is not a candidate: it stays the benchmark and the short-series fallback, and as a third
 * member of the mean ensembles it diluted MSTL on 5 rolling windows of the taylor series (MASE 0.304
 * against 0.277 without it) while never winning on its own on the demo series.
 */
const autoMultiSeason = autoForecaster([theta, mstlTheta]);

const pick = (request: ForecastRequest) => (request.seasons.length >= 2 ? autoMultiSeason : autoSingleSeason);

/** "auto": the automatic model for the request's seasons; reports what won on each series. */
const auto: AutoForecaster = {
  name: "auto",
  forecast: (y, request) => pick(request).forecast(y, request),
  forecastWithReport: (y, request, options) => pick(request).forecastWithReport(y, request, options),
};

/** The fixed combination of the three model families, as the M4 combination benchmarks. */
const COMBINATION: Forecaster = { ...ensemble([autoEts, theta, mstlTheta], "mean"), name: "ensemble" };

/** Every model `--model` can name, by name. */
const MODELS: ReadonlyMap<string, Forecaster> = new Map<string, Forecaster>([
  ["auto", auto],
  ["ets", autoEts],
  ["theta", theta],
  ["stm", standardTheta],
  ["otm", optimizedTheta],
  ["dotm", dynamicOptimizedTheta],
  ["mstl", mstlTheta],
  ["snaive", weeklySeasonalNaive],
  ["naive", naive()],
  ["window_average", windowAverage()],
  ["seasonal_window_average", seasonalWindowAverage()],
  ["rolling_mean", rollingMean()],
  ["ewma", ewma()],
  ["ensemble", COMBINATION],
  // d and D by a temporary autocorrelation rule until the KPSS and seasonal-strength tests are wired in.
  ["arima", autoArimaForecaster()],
]);

/** The names `resolveModel` knows, "auto" first. */
export const MODEL_NAMES: readonly string[] = [...MODELS.keys()];

/**
 * The forecaster a model name on the command line or in the API stands for.
 *
 * @throws Error naming the known models when `name` is not one of them
 * @example resolveModel("theta").forecast(y, { horizon: 12, levels: [80, 95], seasons: [12] })
 */
export function resolveModel(name: string): Forecaster {
  const model = MODELS.get(name);
  if (model === undefined) throw new Error(`model: "${name}" is not one of ${MODEL_NAMES.join(", ")}`);
  return model;
}
