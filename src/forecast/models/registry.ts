import { autoForecaster } from "../auto-forecaster.js";
import type { Forecaster, ForecastRequest } from "../forecaster.js";
import {
  ewma,
  naive,
  rollingMean,
  seasonalNaive,
  seasonalWindowAverage,
  windowAverage,
} from "./baselines/index.js";
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

/** MSTL with AutoTheta on the seasonally adjusted series: cheap, and Theta was the best single peer. */
const mstlTheta: Forecaster = { ...mstl({ trend: theta }), name: "mstl" };

/** The candidates the automatic model cross-validates, in order of preference for series too short to. */
const AUTO_CANDIDATES: readonly Forecaster[] = [theta, mstlTheta, weeklySeasonalNaive];

/** Every model `--model` can name, by name. */
const MODELS: ReadonlyMap<string, Forecaster> = new Map<string, Forecaster>([
  ["auto", autoForecaster(AUTO_CANDIDATES)],
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
