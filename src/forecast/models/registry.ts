import { type AutoForecaster, autoForecaster } from "../auto-forecaster.js";
import { ensemble } from "../ensemble.js";
import type { Forecaster, ForecastRequest } from "../forecaster.js";
import { autoArimaForecaster } from "./arima/arima.js";
import { seasonalStrength } from "./arima/seasonal-strength.js";
import {
  ewma,
  longestSeason,
  naive,
  rollingMean,
  seasonalNaive,
  seasonalWindowAverage,
  seasonalWindowMedian,
  windowAverage,
} from "./baselines/index.js";
import { autoEts, ets } from "./ets/ets.js";
import { adida, croston, crostonOptimized, imapa, isIntermittent, sba, tsb } from "./intermittent/index.js";
import { allPositive, onLogScale } from "./log-scale.js";
import { MODEL_NAMES } from "./model-names.js";
import { canonicalModelSpec, parseModelSpec } from "./model-spec.js";
import { mstl } from "./mstl/index.js";
import { dynamicOptimizedTheta, optimizedTheta, standardTheta, theta } from "./theta/theta.js";

/** The request's longest season for the seasonal naive model, which takes the smallest (none) without one. */
function weeklySeason(request: ForecastRequest): number | undefined {
  return longestSeason(request.seasons) || undefined;
}

/**
 * The seasonal naive model on the longest season: with seasons 24 and 168 a week-ago value repeats both
 * the daily and the weekly pattern, which the daily lag cannot.
 */
const weeklySeasonalNaive: Forecaster = {
  name: "snaive",
  forecast: (y, request) => seasonalNaive(weeklySeason(request)).forecast(y, request),
  forecastOrigins: (y, origins, request) =>
    // biome-ignore lint/style/noNonNullAssertion: every baseline has the fast path
    seasonalNaive(weeklySeason(request)).forecastOrigins!(y, origins, request),
};

/**
 * MSTL with the dynamic optimised Theta model on the seasonally adjusted series: the Theta variant that
 * forecast best in Fiorucci et al. (2016), a third of AutoTheta's cost (one fit instead of three).
 */
const mstlTheta: Forecaster = { ...mstl({ trend: dynamicOptimizedTheta }), name: "mstl" };
/** MSTL with non-seasonal AutoETS on the adjusted series: R's stlf, statsforecast's and augurs' MSTL default. */
const mstlEts: Forecaster = { ...mstl({ trend: ets({ season: "N" }) }), name: "mstl_ets" };

/**
 * The automatic model for series with one season or none: AutoETS, AutoTheta and STL + Theta compete in
 * cross-validation, with their weighted pools (listed by preference for series too short to select).
 */
const SINGLE_SEASON_CANDIDATES: readonly Forecaster[] = [autoEts, theta, mstlTheta];
const autoSingleSeason = autoForecaster(SINGLE_SEASON_CANDIDATES);

/** A model fitted as on a series without seasons, whatever the request's: `name` says so. */
function withoutSeason(model: Forecaster, name: string): Forecaster {
  const seasonless = (request: ForecastRequest): ForecastRequest => ({ ...request, seasons: [] });
  const origins = model.forecastOrigins?.bind(model);
  return {
    name,
    family: model.family ?? model.name,
    forecast: (y, request) => model.forecast(y, seasonless(request)),
    ...(origins === undefined
      ? {}
      : { forecastOrigins: (y, at, request, fits) => origins(y, at, seasonless(request), fits) }),
  };
}

/**
 * With one weak season (below `WEAK_SEASON_STRENGTH`) Theta and MSTL also compete without it: AutoETS already
 * chooses between its seasonal and non-seasonal forms by AICc, but Theta deseasonalises whenever its test
 * passes and MSTL always does, so whether the weak season helps is left to the cross-validation.
 */
const WEAK_SEASON_CANDIDATES: readonly Forecaster[] = [
  ...SINGLE_SEASON_CANDIDATES,
  withoutSeason(theta, "theta (no season)"),
  withoutSeason(mstlTheta, "mstl (no season)"),
];
const autoWeakSeason = autoForecaster(WEAK_SEASON_CANDIDATES);

/**
 * With one season or none, a series above 0 also gets Theta and MSTL on the log scale (`onLogScale`): where
 * its swings grow with its level (AirPassengers, GitHub's commits per day) the additive models fit the logs
 * better, and where they do not (a trend that grows by an amount, as Australian gas) the values; the
 * cross-validation decides per series, through the pool. AutoETS needs no twin: its multiplicative forms are
 * its answer to the same question. Several seasons get none: on 4,000 hourly points the twins took `auto`
 * from 19.9 to 46.4 ms of CPU per series, beyond what the CLI's time target allows.
 */
const LOG_TWINS: readonly Forecaster[] = [
  onLogScale(theta, "theta (log)"),
  onLogScale(mstlTheta, "mstl (log)"),
];
const autoSingleSeasonPositive = autoForecaster([...SINGLE_SEASON_CANDIDATES, ...LOG_TWINS]);
const autoWeakSeasonPositive = autoForecaster([...WEAK_SEASON_CANDIDATES, ...LOG_TWINS]);

/**
 * The automatic model for series with several seasons (hourly: 24 and 168): Theta on the weekly profile
 * and MSTL, with their weighted mean. ETS is left out because it sees the daily cycle only (R's ets takes no
 * period above 24) and a seasonal ETS fit on thousands of hourly points costs ten times a Theta fit. The seasonal
 * naive model is not a candidate: it stays the benchmark and the short-series fallback, and as a third
 * member of the mean ensembles it diluted MSTL on 5 rolling windows of the taylor series (MASE 0.304
 * against 0.277 without it) while never winning on its own on the demo series.
 */
const autoMultiSeason = autoForecaster([theta, mstlTheta]);

/**
 * The intermittent demand models auto tries on sparse series, TSB first (the model a series too short to
 * select gets): it alone lets the forecast decay through a run of zeros, when a young campaign or a rare
 * device stops. Classic Croston and ADIDA are left out: SBA is Croston with its bias corrected, and IMAPA
 * averages ADIDA over bucket sizes.
 */
const INTERMITTENT: readonly Forecaster[] = [tsb(), sba(), crostonOptimized(), imapa()];

/**
 * The automatic models for intermittent series (`isIntermittent`): the four intermittent models compete
 * with the usual candidates of the request's seasons, which still win where the zeros follow a daily or
 * weekly pattern (night hours) that the flat intermittent forecasts cannot repeat.
 */
const autoIntermittentSingleSeason = autoForecaster([...INTERMITTENT, ...SINGLE_SEASON_CANDIDATES]);
const autoIntermittentMultiSeason = autoForecaster([...INTERMITTENT, theta, mstlTheta]);
const autoIntermittentWeakSeason = autoForecaster([...INTERMITTENT, ...WEAK_SEASON_CANDIDATES]);

/**
 * Below this strength of seasonality (Wang, Smith & Hyndman 2006) a single season is weak: the threshold of R
 * forecast's seasonal-strength heuristic for seasonal differencing (`nsdiffs`, used by auto.arima), which
 * avails' AutoARIMA follows too.
 */
export const WEAK_SEASON_STRENGTH = 0.64;

/** Whether the request has one season and the series, longer than two periods, shows it only weakly. */
function weakSeason(y: Float64Array, request: ForecastRequest): boolean {
  if (request.seasons.length !== 1 || !(y.length > 2 * request.seasons[0])) return false;
  return seasonalStrength(y, request.seasons[0]) < WEAK_SEASON_STRENGTH;
}

/**
 * Daily series with a weekly cycle (one season of 7) also get the seasonal window median over 8 weeks: the
 * median of the same weekday, which a holiday or an outage in one of those weeks does not move. Ridership,
 * commits and ad impressions keep a weekly profile around a level that holds for weeks, broken by holidays
 * that pull the smoothing models' level and season after them. It has no trend, so it joins daily series
 * only: over 8 seasons of monthly or quarterly data (8 years) or beside the trend of hourly electricity
 * demand, the cross-validation let it into pools it then cost (docs/forecasting.md has the figures).
 */
const WEEKLY_MEDIAN = seasonalWindowMedian(8);
const autoDaily = autoForecaster([...SINGLE_SEASON_CANDIDATES, WEEKLY_MEDIAN]);
const autoDailyPositive = autoForecaster([...SINGLE_SEASON_CANDIDATES, ...LOG_TWINS, WEEKLY_MEDIAN]);
const autoDailyWeak = autoForecaster([...WEAK_SEASON_CANDIDATES, WEEKLY_MEDIAN]);
const autoDailyWeakPositive = autoForecaster([...WEAK_SEASON_CANDIDATES, ...LOG_TWINS, WEEKLY_MEDIAN]);

/** The automatic model for a series and request: by intermittency, then by the seasons and their strength. */
function pick(y: Float64Array, request: ForecastRequest): AutoForecaster {
  const several = request.seasons.length >= 2;
  const intermittent = isIntermittent(y, request.seasons[0] ?? 1);
  if (several) return intermittent ? autoIntermittentMultiSeason : autoMultiSeason;
  const positive = !intermittent && allPositive(y);
  const weak = weakSeason(y, request);
  if (intermittent) return weak ? autoIntermittentWeakSeason : autoIntermittentSingleSeason;
  if (request.seasons.length === 1 && request.seasons[0] === 7) {
    if (weak) return positive ? autoDailyWeakPositive : autoDailyWeak;
    return positive ? autoDailyPositive : autoDaily;
  }
  if (weak) return positive ? autoWeakSeasonPositive : autoWeakSeason;
  return positive ? autoSingleSeasonPositive : autoSingleSeason;
}

/**
 * "auto": the automatic model for the series and the request's seasons; reports what won on each series.
 * - Several seasons (hourly 24 and 168): Theta and MSTL.
 * - One season or none: AutoETS, Theta and MSTL. With one season weaker than `WEAK_SEASON_STRENGTH`, Theta
 *   and MSTL also without it ("theta (no season)", "mstl (no season)"). For a series above 0, Theta and MSTL
 *   also on the log scale ("theta (log)", "mstl (log)"). With one season of 7 (daily data) and not
 *   intermittent, the seasonal window median over 8 weeks too ("seasonal_window_median").
 * - Intermittent series (`isIntermittent` at the shortest season, so that zeros every night do not count:
 *   average demand interval >= 1.32, or more than a quarter of the values 0, over the phases where demand
 *   usually occurs, and none negative): TSB, SBA, optimised Croston and IMAPA join the candidates above.
 */
const auto: AutoForecaster = {
  name: "auto",
  forecast: (y, request) => pick(y, request).forecast(y, request),
  forecastWithReport: (y, request, options) => pick(y, request).forecastWithReport(y, request, options),
};

/** The fixed combination of the three model families, as the M4 combination benchmarks. */
const COMBINATION: Forecaster = { ...ensemble(SINGLE_SEASON_CANDIDATES, "mean"), name: "ensemble" };

/** Every model `--model` can name, by name. */
const MODELS: ReadonlyMap<string, Forecaster> = new Map<string, Forecaster>([
  ["auto", auto],
  ["ets", autoEts],
  ["theta", theta],
  ["stm", standardTheta],
  ["otm", optimizedTheta],
  ["dotm", dynamicOptimizedTheta],
  ["mstl", mstlTheta],
  ["mstl_ets", mstlEts],
  ["snaive", weeklySeasonalNaive],
  ["naive", naive()],
  ["window_average", windowAverage()],
  ["seasonal_window_average", seasonalWindowAverage()],
  ["seasonal_window_median", seasonalWindowMedian()],
  ["rolling_mean", rollingMean()],
  ["ewma", ewma()],
  ["croston", croston()],
  ["croston_optimized", crostonOptimized()],
  ["sba", sba()],
  ["tsb", tsb()],
  ["adida", adida()],
  ["imapa", imapa()],
  ["ensemble", COMBINATION],
  ["arima", autoArimaForecaster()],
]);

export { MODEL_NAMES } from "./model-names.js";

// The command line lists models from MODEL_NAMES without loading this file: the two must agree.
if (MODEL_NAMES.length !== MODELS.size || MODEL_NAMES.some((name, i) => [...MODELS.keys()][i] !== name)) {
  throw new Error(
    `MODEL_NAMES (${MODEL_NAMES.join(", ")}) differ from the registry (${[...MODELS.keys()].join(", ")})`,
  );
}

/**
 * The forecaster a model spec on the command line or in the config stands for: a model's name, or an
 * ensemble `mean(a, b, ...)` or `median(a, b, ...)` of named models (`parseModelSpec`), named as written
 * back by `canonicalModelSpec`.
 *
 * @throws Error naming the known models when `spec` is not one of them or an ensemble of them
 * @example resolveModel("theta").forecast(y, { horizon: 12, levels: [80, 95], seasons: [12] })
 * @example resolveModel("median(ets, theta, arima)").name // "median(ets, theta, arima)"
 */
export function resolveModel(spec: string): Forecaster {
  const model = MODELS.get(spec);
  if (model !== undefined) return model;
  const parsed = parseModelSpec(spec);
  if (parsed.kind === "model") return MODELS.get(parsed.name) as Forecaster;
  const members = parsed.members.map((name) => MODELS.get(name) as Forecaster);
  return { ...ensemble(members, parsed.how), name: canonicalModelSpec(parsed) };
}
