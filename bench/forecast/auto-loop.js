// node bench/forecast/auto-loop.js — the fast loop for work on the automatic model: runs only avails' auto (and
// variants of it named in BENCH_VARIANTS) over the test cases of bench:forecast's six data sets, 5 windows, on
// the product path (forecastSeries), without the peers. The best named peer of each set comes from the last
// full run's bench/out/forecast/results.json (augurs' two models, R's ets, thetaf and stlf). Prints MASE, the
// ratio to the best peer, coverage and its standard error with the test windows as clusters (and with the windows
// of the same dates as one cluster), the mean MSIS at 80% and 95%, the median CPU ms per series and what won how
// often. BENCH_HELD_OUT=1 adds the held-out sets (datasets.js, loadHeldOutDatasets). Needs `npm run build`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { autoForecaster } from "../../dist/forecast/auto-forecaster.js";
import { forecastSeries } from "../../dist/forecast/forecast-series.js";
import { autoArimaForecaster } from "../../dist/forecast/models/arima/arima.js";
import { seasonalStrength } from "../../dist/forecast/models/arima/seasonal-strength.js";
import { seasonalWindowMedian } from "../../dist/forecast/models/baselines/index.js";
import { autoEts, ets } from "../../dist/forecast/models/ets/ets.js";
import { describeEts } from "../../dist/forecast/models/ets/ets-form.js";
import { parseEtsSpec } from "../../dist/forecast/models/ets/ets-spec.js";
import { fitSeries } from "../../dist/forecast/models/ets/fit-series.js";
import { forecastEts } from "../../dist/forecast/models/ets/forecast-ets.js";
import { etsPeriod } from "../../dist/forecast/models/ets/seasonal-period.js";
import { candidateForms, selectEts } from "../../dist/forecast/models/ets/select-ets.js";
import {
  crostonOptimized,
  imapa,
  isIntermittent,
  sba,
  tsb,
} from "../../dist/forecast/models/intermittent/index.js";
import { allPositive, onLogScale } from "../../dist/forecast/models/log-scale.js";
import { mstl } from "../../dist/forecast/models/mstl/index.js";
import { mstlDecompose } from "../../dist/forecast/models/mstl/mstl-decompose.js";
import { resolveModel } from "../../dist/forecast/models/registry.js";
import { dynamicOptimizedTheta, theta } from "../../dist/forecast/models/theta/theta.js";
import { originGroups } from "../../dist/forecast/origin-groups.js";
import { msis } from "../../dist/metrics/index.js";
import { benchOut, loadDatasets, loadHeldOutDatasets } from "./datasets.js";
import { interleavedMs } from "./interleaved-speed.js";
import { mase, median, PooledErrors } from "./metrics.js";
import { NAMED_PEERS } from "./named-peers.js";
import { augursModels } from "./peers.js";
import { testCases } from "./test-cases.js";

const LEVELS = [80, 95];
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 5);

const mstlTheta = { ...mstl({ trend: dynamicOptimizedTheta }), name: "mstl" };
const etsN = { ...ets({ season: "N" }), name: "ets_n" };
/** STL with non-seasonal AutoETS on the adjusted series: R's stlf, statsforecast's MSTL default. */
const stlEts = { ...mstl({ trend: ets({ season: "N" }) }), name: "stl_ets" };
const arima = autoArimaForecaster();
const INTERMITTENT = [tsb(), sba(), crostonOptimized(), imapa()];

/** An auto model that hands each series to the auto model `pick(y, request)` chooses for it. */
function dispatching(pick) {
  return {
    name: "auto",
    forecast: (y, request) => pick(y, request).forecast(y, request),
    forecastWithReport: (y, request, o) => pick(y, request).forecastWithReport(y, request, o),
  };
}

/** An auto model with the registry's dispatch (intermittent, several seasons) over the given candidates. */
function autoVariant(single, multi, options = {}, weak = null) {
  const a = autoForecaster(single, options);
  const w = weak === null ? null : autoForecaster(weak, options);
  const b = autoForecaster(multi, options);
  const ai = autoForecaster([...INTERMITTENT, ...single], options);
  const bi = autoForecaster([...INTERMITTENT, ...multi], options);
  const pick = (y, request) => {
    const several = request.seasons.length >= 2;
    if (isIntermittent(y, request.seasons[0] ?? 1)) return several ? bi : ai;
    if (several) return b;
    if (w !== null && request.seasons.length === 1 && seasonalStrength(y, request.seasons[0]) < 0.64)
      return w;
    return a;
  };
  return dispatching(pick);
}

const noOrigins = (m) => ({ name: m.name, forecast: m.forecast.bind(m) });
/** A model asked without seasons (its fast cross-validation path kept). */
function nonSeasonal(m) {
  const strip = (r) => ({ ...r, seasons: [] });
  return {
    name: `${m.name}_n`,
    forecast: (y, r) => m.forecast(y, strip(r)),
    forecastOrigins: (y, origins, r, fits) => m.forecastOrigins(y, origins, strip(r), fits),
  };
}
function weakNone(single, weak, options = {}) {
  const inner = autoVariant(single, MULTI, options, weak);
  const strip = (y, r) =>
    r.seasons.length === 1 && seasonalStrength(y, r.seasons[0]) < 0.64 ? { ...r, seasons: [] } : r;
  return {
    name: "auto",
    forecast: (y, r) => inner.forecast(y, strip(y, r)),
    forecastWithReport: (y, r, o) => inner.forecastWithReport(y, strip(y, r), o),
  };
}
/**
 * AutoETS whose final fit comes from `refit(y, request, start, parsed)`, where `start` is where the
 * cross-validation's last run of origins began; a full search where it gives null or the folds were of other data.
 */
function etsWithFinal(refit) {
  const parsed = parseEtsSpec({});
  let last = null;
  return {
    name: "ets",
    forecastOrigins(y, origins, request, fits) {
      const groups = originGroups(origins, fits ?? 1);
      last = { y, start: groups[groups.length - 1][0] };
      return autoEts.forecastOrigins(y, origins, request, fits);
    },
    forecast(y, request) {
      const start = last !== null && last.y === y ? last.start : null;
      last = null;
      const fit = start === null ? null : refit(y, request, start, parsed);
      if (fit === null) return autoEts.forecast(y, request);
      const { mean, lower, upper } = forecastEts(fit, request.horizon, request.levels, {
        paths: parsed.paths,
        seed: parsed.seed,
      });
      return { mean, lower, upper, fitted: fit.fitted, description: describeEts(fit.form) };
    },
  };
}

/** The final fit re-estimates the form the last fold search chose (on the data before `start`). */
function lastFormEts() {
  return etsWithFinal((y, request, start, parsed) => {
    const searched = fitSeries(y, start, parsed, request.seasons);
    return searched.estimated > 0 ? selectEts(y, [searched.form], parsed.fixed, y.length) : null;
  });
}

/** The final fit chooses among the `k` forms with the best AICc before `start`, each of them fitted in full there. */
function lastTopFormsEts(k) {
  return etsWithFinal((y, request, start, parsed) => {
    const period = etsPeriod(request.seasons, start);
    if (period !== etsPeriod(request.seasons, y.length)) return null;
    let positive = true;
    for (let t = 0; t < y.length; t++) if (!(y[t] > 0)) positive = false;
    const space = {
      errors: ["A", "M"],
      trends: ["N", "A"],
      damping: [true, false],
      seasons: period < 2 ? ["N"] : ["N", "A", "M"],
    };
    const ranked = candidateForms(space, period, positive)
      .map((form) => ({ form, fit: selectEts(y, [form], parsed.fixed, start) }))
      .filter((r) => r.fit !== null && Number.isFinite(r.fit.aicc))
      .sort((a, b) => a.fit.aicc - b.fit.aicc)
      .slice(0, k)
      .map((r) => r.form);
    return ranked.length > 0 ? selectEts(y, ranked, parsed.fixed, y.length) : null;
  });
}
/** The library's `onLogScale(m)` on a series whose every value is > 0, `m` itself on the others. */
function logScale(m) {
  const logged = onLogScale(m, m.name);
  const pick = (y) => (allPositive(y) ? logged : m);
  return {
    name: m.name,
    forecast: (y, r) => pick(y).forecast(y, r),
    forecastOrigins: (y, origins, r, fits) => pick(y).forecastOrigins(y, origins, r, fits),
  };
}
/**
 * Guerrero's (1993) Box-Cox lambda, as forecast::BoxCox.lambda(method = "guerrero"): over blocks of one period
 * (2 without a season), the lambda in [-1, 2] whose sd / mean^(1 - lambda) varies least across blocks.
 */
function guerreroLambda(y, period) {
  const p = Math.max(2, period);
  const blocks = Math.floor(y.length / p);
  if (blocks < 2) return 1;
  const start = y.length - blocks * p;
  const means = [];
  const sds = [];
  for (let b = 0; b < blocks; b++) {
    let m = 0;
    for (let i = 0; i < p; i++) m += y[start + b * p + i];
    m /= p;
    let v = 0;
    for (let i = 0; i < p; i++) v += (y[start + b * p + i] - m) ** 2;
    means.push(m);
    sds.push(Math.sqrt(v / (p - 1)));
  }
  let best = 1;
  let bestCv = Number.POSITIVE_INFINITY;
  for (let lambda = -1; lambda <= 2.0001; lambda += 0.01) {
    const ratios = means.map((m, i) => sds[i] / m ** (1 - lambda));
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const sd = Math.sqrt(ratios.reduce((a, r) => a + (r - mean) ** 2, 0) / (ratios.length - 1));
    const cv = sd / mean;
    if (cv < bestCv) {
      bestCv = cv;
      best = lambda;
    }
  }
  return best;
}
/** logScale(m) where Guerrero's lambda at the shortest season is nearer 0 than 1, else m itself. */
function guerreroLog(m) {
  const logged = logScale(m);
  const use = (y, r) => allPositive(y) && guerreroLambda(y, r.seasons[0] ?? 1) < 0.5;
  return {
    name: m.name,
    forecast: (y, r) => (use(y, r) ? logged : m).forecast(y, r),
    forecastOrigins: (y, origins, r, fits) => (use(y, r) ? logged : m).forecastOrigins(y, origins, r, fits),
  };
}
const SINGLE = [autoEts, theta, mstlTheta];
const MULTI = [theta, mstlTheta];
const seasonless = (m) => ({ ...nonSeasonal(m), name: `${m.name} (no season)` });
const WEAK = [autoEts, theta, mstlTheta, seasonless(theta), seasonless(mstlTheta)];
/** The pool of the sessions before its weights: the plain mean. */
const MEAN = { weightShrinkage: 1 };
/** The score of the sessions before the latest-half rule: every origin scores the candidates (plain mean). */
const ALL = { scoredShare: 1, ...MEAN };
/** The pool and cross-validation of the sessions before the test and the three fits: margin only, one fit. */
const OLD = { poolTest: Number.POSITIVE_INFINITY, fits: 1, ...ALL };
/** The registry's log-scale twins of Theta and MSTL (of their models' families). */
const LOG_TWINS = [onLogScale(theta, "theta (log)"), onLogScale(mstlTheta, "mstl (log)")];
/**
 * The registry's dispatch (intermittent, several seasons, weak season, every value above 0) with `extra`
 * candidates added wherever there is one season or none, and their log-scale twins where asked.
 */
function registryWith(extra, { logTwins = false, options = {} } = {}) {
  const extraLogs = logTwins ? extra.map((m) => onLogScale(m, `${m.name} (log)`)) : [];
  const single = autoForecaster([...SINGLE, ...extra], options);
  const weak = autoForecaster([...WEAK, ...extra], options);
  const singlePositive = autoForecaster([...SINGLE, ...LOG_TWINS, ...extra, ...extraLogs], options);
  const weakPositive = autoForecaster([...WEAK, ...LOG_TWINS, ...extra, ...extraLogs], options);
  const registry = resolveModel("auto");
  const pick = (y, request) => {
    if (request.seasons.length >= 2 || isIntermittent(y, request.seasons[0] ?? 1)) return registry;
    const weakSeason = request.seasons.length === 1 && seasonalStrength(y, request.seasons[0]) < 0.64;
    if (allPositive(y)) return weakSeason ? weakPositive : singlePositive;
    return weakSeason ? weak : single;
  };
  return dispatching(pick);
}
/** `model` under another name, of `of`'s family (`model`'s own by default), as the registry's twins are. */
const twinOf = (model, name, of = model) => ({ ...model, name, family: of.family ?? of.name });
/**
 * The registry's dispatch with `weak` as the candidates of a series with one weak season (and the log-scale
 * twins of Theta and MSTL where every value is above 0).
 */
function registryWeakWith(weak) {
  const plain = autoForecaster(weak);
  const positive = autoForecaster([...weak, ...LOG_TWINS]);
  const registry = resolveModel("auto");
  const pick = (y, request) => {
    if (request.seasons.length !== 1 || isIntermittent(y, request.seasons[0])) return registry;
    if (seasonalStrength(y, request.seasons[0]) >= 0.64) return registry;
    return allPositive(y) ? positive : plain;
  };
  return dispatching(pick);
}
/**
 * The registry's weak-season candidates, their twins of the family of their model. (WEAK's twins have no
 * family, so the variants built on it keep the equal half per member they were measured with.)
 */
const WEAK_FAMILIES = [
  autoEts,
  theta,
  mstlTheta,
  twinOf(nonSeasonal(theta), "theta (no season)", theta),
  twinOf(nonSeasonal(mstlTheta), "mstl (no season)", mstlTheta),
];
/**
 * The registry's dispatch exactly (its candidates with their families), with `extra` candidates added where
 * there is one season or none and, unless `multi` is false, with several seasons and on intermittent series.
 */
function registryAllWith(extra, { multi = true, options = {} } = {}) {
  const more = multi ? extra : [];
  const auto = (list) => autoForecaster(list, options);
  const single = auto([...SINGLE, ...extra]);
  const weak = auto([...WEAK_FAMILIES, ...extra]);
  const singlePositive = auto([...SINGLE, ...LOG_TWINS, ...extra]);
  const weakPositive = auto([...WEAK_FAMILIES, ...LOG_TWINS, ...extra]);
  const several = auto([...MULTI, ...more]);
  const intermittentSingle = auto([...INTERMITTENT, ...SINGLE, ...more]);
  const intermittentWeak = auto([...INTERMITTENT, ...WEAK_FAMILIES, ...more]);
  const intermittentSeveral = auto([...INTERMITTENT, ...MULTI, ...more]);
  const pick = (y, request) => {
    const intermittent = isIntermittent(y, request.seasons[0] ?? 1);
    if (request.seasons.length >= 2) return intermittent ? intermittentSeveral : several;
    const weakSeason =
      request.seasons.length === 1 &&
      y.length > 2 * request.seasons[0] &&
      seasonalStrength(y, request.seasons[0]) < 0.64;
    if (intermittent) return weakSeason ? intermittentWeak : intermittentSingle;
    if (allPositive(y)) return weakSeason ? weakPositive : singlePositive;
    return weakSeason ? weak : single;
  };
  return dispatching(pick);
}
/**
 * `y` with its outliers replaced, memoised per array (every candidate of a series asks for it): the values whose
 * remainder in a robust MSTL decomposition lies beyond `k` interquartile ranges of the remainders' quartiles
 * (FPP3 section 13.9) become the decomposition's trend plus season. `y` itself when nothing is replaced or
 * the series is too short for its season.
 */
const cleanedCache = new WeakMap();
function cleaned(y, seasons, k = 3) {
  const hit = cleanedCache.get(y);
  if (hit !== undefined && hit.k === k) return hit.x;
  let x = y;
  const period = seasons[0] ?? 1;
  if (period >= 2 && y.length > 2 * period) {
    const { remainder } = mstlDecompose(y, seasons, { robust: true });
    const sorted = Float64Array.from(remainder).sort();
    const quantile = (p) => sorted[Math.floor(p * (sorted.length - 1))];
    const [q1, q3] = [quantile(0.25), quantile(0.75)];
    const [lo, hi] = [q1 - k * (q3 - q1), q3 + k * (q3 - q1)];
    for (let t = 0; t < y.length; t++) {
      if (remainder[t] >= lo && remainder[t] <= hi) continue;
      if (x === y) x = Float64Array.from(y);
      x[t] = y[t] - remainder[t];
    }
  }
  cleanedCache.set(y, { k, x });
  return x;
}
/** `m` fitted on `cleaned(y)`, in `m`'s family; its errors are still taken against `y` by the caller. */
function onCleaned(m, name = m.name, k = 3) {
  return {
    name,
    family: m.family ?? m.name,
    forecast: (y, r) => m.forecast(cleaned(y, r.seasons, k), r),
    forecastOrigins: (y, origins, r, fits) => m.forecastOrigins(cleaned(y, r.seasons, k), origins, r, fits),
    ...(m.forecastOriginsThenFinal && {
      forecastOriginsThenFinal: (y, origins, r, fits) =>
        m.forecastOriginsThenFinal(cleaned(y, r.seasons, k), origins, r, fits),
    }),
  };
}
/**
 * The registry's dispatch on series with one season, its candidates (not the weekly median) on the cleaned
 * series (`twins` false) or beside twins on it (`twins` true); several seasons and intermittent series keep the
 * registry.
 */
function registryCleaned({ twins = false, k = 3 } = {}) {
  const clean = (list) =>
    twins
      ? [...list, ...list.map((m) => onCleaned(m, `${m.name} (clean)`, k))]
      : list.map((m) => onCleaned(m, m.name, k));
  const median = [seasonalWindowMedian(8)];
  const autos = new Map();
  const pick = (y, request) => {
    if (request.seasons.length !== 1 || isIntermittent(y, request.seasons[0])) return resolveModel("auto");
    const weakSeason = y.length > 2 * request.seasons[0] && seasonalStrength(y, request.seasons[0]) < 0.64;
    const positive = allPositive(y);
    const daily = request.seasons[0] === 7;
    const key = `${weakSeason} ${positive} ${daily}`;
    if (!autos.has(key)) {
      const base = weakSeason ? WEAK_FAMILIES : SINGLE;
      const list = clean(positive ? [...base, ...LOG_TWINS] : base);
      autos.set(key, autoForecaster([...list, ...(daily ? median : [])]));
    }
    return autos.get(key);
  };
  return dispatching(pick);
}
/**
 * A seasonal window median with drift (tried, not kept): the median of the same position over the last `weeks`
 * seasons, each value carried forward by a drift per step, the median of the season-over-season changes in that
 * window over the season's length. Point forecasts only (its bounds are the mean; `auto` calibrates its own).
 */
function driftMedian(weeks = 8) {
  const one = (y, end, horizon, m) => {
    const changes = [];
    for (let i = Math.max(m, end - weeks * m); i < end; i++) changes.push(y[i] - y[i - m]);
    const drift = changes.length === 0 ? 0 : median(changes) / m;
    const mean = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      const target = end + h;
      const values = [];
      for (let k = 1; k <= weeks; k++) {
        const i = end + (h % m) - k * m;
        if (i < 0) break;
        values.push(y[i] + (target - i) * drift);
      }
      mean[h] = median(values);
    }
    return mean;
  };
  const period = (r) => r.seasons[r.seasons.length - 1] ?? 1;
  return {
    name: "drift_median",
    forecast(y, r) {
      const mean = one(y, y.length, r.horizon, period(r));
      const bounds = () => r.levels.map(() => mean.slice());
      return { mean, lower: bounds(), upper: bounds(), fitted: y.slice(), description: "drift median" };
    },
    forecastOrigins: (y, origins, r) => origins.map((o) => one(y, o, r.horizon, period(r))),
  };
}
/**
 * The registry exactly (the weekly median on daily series that are not intermittent), with `extra` candidates
 * beside the median and its automatic models built with `options`.
 */
function registryDailyWith(extra = [], options = {}) {
  const daily = registryAllWith([seasonalWindowMedian(8), ...extra], { multi: false, options });
  const other = registryAllWith([], { options });
  return dispatching((y, r) =>
    r.seasons.length === 1 && r.seasons[0] === 7 && !isIntermittent(y, 7) ? daily : other,
  );
}
/**
 * The registry exactly, with `extra` candidates added only where there are several seasons (hourly data), on
 * intermittent series too.
 */
function registryMultiWith(extra, options = {}) {
  const several = autoForecaster([...MULTI, ...extra], options);
  const intermittentSeveral = autoForecaster([...INTERMITTENT, ...MULTI, ...extra], options);
  const registry = resolveModel("auto");
  return dispatching((y, r) => {
    if (r.seasons.length < 2) return registry;
    return isIntermittent(y, r.seasons[0]) ? intermittentSeveral : several;
  });
}
/** The variants by name; `auto` is the registry's own. Add experiments here. */
const VARIANTS = {
  auto: () => resolveModel("auto"),
  // Outliers replaced before the candidates fit (every candidate, or twins beside them): tried, not kept.
  "clean-all": () => registryCleaned(),
  "clean-twins": () => registryCleaned({ twins: true }),
  // The registry rebuilt with other pool margins (and `registry-now` with none changed).
  "registry-now": () => registryDailyWith(),
  // The weekly median with drift beside the weekly median on daily series: tried, not kept.
  "drift-median": () => registryDailyWith([driftMedian(8)]),
  "margin-0.5": () => registryDailyWith([], { poolMargin: 0.5 }),
  "margin-100": () => registryDailyWith([], { poolMargin: 100 }),
  // More fits over the origins, so the calibration errors come from fits nearer the final one.
  "fits-6-now": () => registryDailyWith([], { fits: 6 }),
  "fits-12-now": () => registryDailyWith([], { fits: 12 }),
  "stl-ets-now": () => registryWith([stlEts]),
  // STL + non-seasonal AutoETS (R's stlf with several seasons) beside Theta and MSTL + DOTM on hourly series.
  "stl-ets-hourly": () => registryMultiWith([stlEts]),
  // The registry's candidates rebuilt here: the rule before the seasonal window median joined daily series.
  "daily-median-none": () => registryAllWith([]),
  // The seasonal window median as a candidate wherever there is one season or none, and everywhere.
  "smed5-single": () => registryAllWith([seasonalWindowMedian(5)], { multi: false }),
  "smed8-single": () => registryAllWith([seasonalWindowMedian(8)], { multi: false }),
  "smed5-all": () => registryAllWith([seasonalWindowMedian(5)]),
  "smed8-all": () => registryAllWith([seasonalWindowMedian(8)]),
  // With a weak season: AutoETS on its non-seasonal forms only, or beside them as a twin of its family.
  "weak-ets-n-now": () => registryWeakWith([twinOf(etsN, "ets"), ...WEAK_FAMILIES.slice(1)]),
  "weak-ets-twin-now": () =>
    registryWeakWith([...WEAK_FAMILIES, { ...etsN, name: "ets (no season)", family: autoEts.name }]),
  "stl-ets-log-now": () => registryWith([stlEts], { logTwins: true }),
  // The pool's weights: the plain mean of the sessions before, and other shares of equal weight.
  "pool-mean": () => autoVariant(SINGLE, MULTI, MEAN, WEAK),
  "weights-shrink-0": () => autoVariant(SINGLE, MULTI, { weightShrinkage: 0 }, WEAK),
  "weights-shrink-0.25": () => autoVariant(SINGLE, MULTI, { weightShrinkage: 0.25 }, WEAK),
  "weights-shrink-0.75": () => autoVariant(SINGLE, MULTI, { weightShrinkage: 0.75 }, WEAK),
  // Candidates tried again under the weights: STL + non-seasonal AutoETS (R's stlf), and AutoARIMA.
  "stl-ets-weighted": () => autoVariant([...SINGLE, stlEts], MULTI, {}, [...WEAK, stlEts]),
  "arima-weighted": () => autoVariant([...SINGLE, arima], MULTI, {}, [...WEAK, arima]),
  "log-theta": () => {
    const [lt, lm] = [logScale(theta), logScale(mstlTheta)];
    return autoVariant([autoEts, lt, lm], [lt, lm], {}, [autoEts, lt, lm, seasonless(lt), seasonless(lm)]);
  },
  "log-theta-extra": () => {
    const lt = { ...logScale(theta), name: "theta (log)" };
    const lm = { ...logScale(mstlTheta), name: "mstl (log)" };
    return autoVariant([...SINGLE, lt, lm], [...MULTI, lt, lm], {}, [...WEAK, lt, lm]);
  },
  "guerrero-theta": () => {
    const [gt, gm] = [guerreroLog(theta), guerreroLog(mstlTheta)];
    return autoVariant([autoEts, gt, gm], [gt, gm], {}, [autoEts, gt, gm, seasonless(gt), seasonless(gm)]);
  },
  "log-theta-hourly": () => {
    const lt = { ...logScale(theta), name: "theta (log)" };
    return autoVariant(SINGLE, [...MULTI, lt], {}, WEAK);
  },
  "weak-ets-n": () => autoVariant(SINGLE, MULTI, {}, [{ ...etsN, name: "ets" }, ...WEAK.slice(1)]),
  "weak-ets-twin": () => autoVariant(SINGLE, MULTI, {}, [...WEAK, seasonless(autoEts)]),
  // The registry's candidates with other shares of the origins scoring them (and the plain mean).
  "scored-all": () => autoVariant(SINGLE, MULTI, ALL, WEAK),
  "scored-two-thirds": () => autoVariant(SINGLE, MULTI, { scoredShare: 2 / 3, ...MEAN }, WEAK),
  // The registry's candidates with the older pool and cross-validation, and with one of the two changes.
  "margin-one-fit": () => autoVariant(SINGLE, MULTI, OLD, WEAK),
  "test-one-fit": () => autoVariant(SINGLE, MULTI, { fits: 1, ...ALL }, WEAK),
  "margin-three-fits": () => autoVariant(SINGLE, MULTI, { poolTest: Number.POSITIVE_INFINITY, ...ALL }, WEAK),
  "test-two-fits": () => autoVariant(SINGLE, MULTI, { fits: 2, ...ALL }, WEAK),
  "test-five-fits": () => autoVariant(SINGLE, MULTI, { fits: 5, ...ALL }, WEAK),
  "test-z1.645": () => autoVariant(SINGLE, MULTI, { poolTest: 1.645, ...ALL }, WEAK),
  "test-z3": () => autoVariant(SINGLE, MULTI, { poolTest: 3, ...ALL }, WEAK),
  "weak-dropped-now": () => weakNone(SINGLE, SINGLE, ALL),
  "weak-both-now": () => autoVariant(SINGLE, MULTI, ALL, [...WEAK, seasonless(autoEts)]),
  "stl-ets-candidate": () => autoVariant([...SINGLE, stlEts], MULTI, ALL, [...WEAK, stlEts]),
  "stl-ets-for-mstl": () =>
    autoVariant([autoEts, theta, stlEts], MULTI, ALL, [
      autoEts,
      theta,
      stlEts,
      seasonless(theta),
      seasonless(stlEts),
    ]),
  "m:stl_ets": () => stlEts,
  "ets-only-fits": () => {
    const one = (m) => ({ ...m, forecastOrigins: (y, o, r) => m.forecastOrigins(y, o, r, 1) });
    return autoVariant([autoEts, one(theta), one(mstlTheta)], [theta, mstlTheta].map(one), ALL, [
      autoEts,
      ...WEAK.slice(1).map(one),
    ]);
  },
  "ets-last-form": () => {
    const e = lastFormEts();
    return autoVariant([e, theta, mstlTheta], MULTI, ALL, [e, ...WEAK.slice(1)]);
  },
  // The rule before AutoETS's final fit chose among its last fold search's contenders: a full search.
  "ets-final-searched": () => {
    const e = { name: "ets", forecast: autoEts.forecast, forecastOrigins: autoEts.forecastOrigins };
    return autoVariant([e, theta, mstlTheta], MULTI, {}, [e, ...WEAK.slice(1)]);
  },
  "ets-final-top3": () => {
    const e = lastTopFormsEts(3);
    return autoVariant([e, theta, mstlTheta], MULTI, {}, [e, ...WEAK.slice(1)]);
  },
  "ets-last-form-now": () => {
    const e = lastFormEts();
    return autoVariant([e, theta, mstlTheta], MULTI, {}, [e, ...WEAK.slice(1)]);
  },
  "arima-candidate-now": () => autoVariant([...SINGLE, arima], MULTI, ALL, [...WEAK, arima]),
  // Before the weak-season rule: AutoETS, Theta and MSTL with one season, Theta and MSTL with several.
  before: () => autoVariant(SINGLE, MULTI, OLD),
  // Rules tried (docs/forecasting.md, "The automatic model"), with the pool and cross-validation of then.
  "weak-season-dropped": () => weakNone(SINGLE, SINGLE, OLD),
  "weak-ets-nonseasonal": () => autoVariant(SINGLE, MULTI, OLD, [etsN, theta, mstlTheta]),
  "weak-ets-nonseasonal-theta": () => autoVariant(SINGLE, MULTI, OLD, [etsN, theta]),
  "ets-nonseasonal-candidate": () => autoVariant([...SINGLE, etsN], MULTI, OLD),
  "arima-candidate": () => autoVariant([...SINGLE, arima], MULTI, OLD),
  "best-alone": () => autoVariant(SINGLE, MULTI, { ...OLD, poolMargin: 0 }),
  "margin-10": () => autoVariant(SINGLE, MULTI, { ...OLD, poolMargin: 0.1 }),
  "origins-10": () => autoVariant(SINGLE, MULTI, { ...OLD, maxOrigins: 10 }),
  "origins-30": () => autoVariant(SINGLE, MULTI, { ...OLD, maxOrigins: 30 }),
  // Candidates without forecastOrigins are refitted at each of 10 origins.
  refit: () => autoVariant(SINGLE.map(noOrigins), MULTI, OLD),
  "refit-weak-season-dropped": () => weakNone(SINGLE.map(noOrigins), SINGLE.map(noOrigins), OLD),
  // Single models on the product path (conformal intervals), to see what each candidate does alone.
  "m:ets": () => resolveModel("ets"),
  "m:ets_n": () => etsN,
  "m:theta": () => resolveModel("theta"),
  "m:mstl": () => resolveModel("mstl"),
  "m:arima": () => resolveModel("arima"),
  "m:theta_n": () => nonSeasonal(resolveModel("theta")),
  "m:mstl_n": () => nonSeasonal(resolveModel("mstl")),
};

const names = (process.env.BENCH_VARIANTS ?? "auto").split(",");
for (const name of names) if (!(name in VARIANTS)) throw new Error(`BENCH_VARIANTS: no variant "${name}"`);
const setFilter = process.env.BENCH_SETS;
const heldOut = process.env.BENCH_HELD_OUT === "1" ? await loadHeldOutDatasets() : [];
const sets = [...(await loadDatasets()), ...heldOut].filter(
  (set) => setFilter === undefined || setFilter.split(",").some((part) => set.name.includes(part)),
);

const resultsFile = join(benchOut, "results.json");
const peerResults = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};
function bestPeer(set) {
  const rows = (peerResults[set.name] ?? []).filter((r) => NAMED_PEERS.includes(r.model));
  if (rows.length === 0) return { model: "—", mase: Number.NaN };
  return rows.reduce((a, b) => (b.mase < a.mase ? b : a));
}

function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const perSeries = [];
function run(model, set, cases) {
  const pool = new PooledErrors(LEVELS);
  const scaled = [];
  const times = [];
  const winners = new Map();
  const intervalScores = LEVELS.map(() => []);
  forecastSeries(cases[0].train, { model, horizon: set.horizon, levels: LEVELS, seasons: set.seasons });
  for (const c of cases) {
    const started = cpuMs();
    const report = forecastSeries(c.train, {
      model,
      horizon: set.horizon,
      levels: LEVELS,
      seasons: set.seasons,
    });
    times.push(cpuMs() - started);
    const forecast = report.result;
    pool.add(c.actual, forecast, c.from);
    scaled.push(mase(c.train, c.actual, forecast.mean, set.seasons[0]));
    for (const [l, level] of LEVELS.entries())
      intervalScores[l].push(
        msis(c.actual, forecast.lower[l], forecast.upper[l], level, c.train, set.seasons[0]),
      );
    if (process.env.BENCH_PER_SERIES === "1") perSeries.push([c.series.id, scaled.at(-1)]);
    const won = report.description.replace(/^auto: /, "").replace(/ \(strength [0-9.]+\)/, "");
    winners.set(won, (winners.get(won) ?? 0) + 1);
  }
  return {
    mase: scaled.reduce((a, b) => a + b, 0) / scaled.length,
    coverage80: pool.coverage(0),
    coverage95: pool.coverage(1),
    coverageSE: [pool.coverageStandardError(0), pool.coverageStandardError(1)],
    coverageDatesSE: [pool.coverageStandardError(0, true), pool.coverageStandardError(1, true)],
    msis: intervalScores.map((scores) => scores.reduce((a, b) => a + b, 0) / scores.length),
    ms: median(times),
    winners: [...winners].sort((a, b) => b[1] - a[1]),
  };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log(
  "| variant | set | MASE | best named peer | ratio | cov 80 | cov 95 | cov SE 80 / 95 | by dates | MSIS 80 / 95 | CPU ms/series | won |",
);
console.log("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
for (const set of sets) {
  const cases = testCases(set, WINDOWS);
  const peer = bestPeer(set);
  for (const name of names) {
    const r = run(VARIANTS[name](), set, cases);
    const won = r.winners.map(([w, k]) => `${w} ${k}`).join("; ");
    if (perSeries.length > 0) {
      const by = new Map();
      for (const [id, m] of perSeries.splice(0)) by.set(id, [...(by.get(id) ?? []), m]);
      const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
      console.log(
        `${name} ${set.name}: ${[...by].map(([id, a]) => `${id.slice(0, 14)} ${mean(a).toFixed(3)}`).join(", ")}`,
      );
    }
    console.log(
      `| ${name} | ${set.name} | ${r.mase.toFixed(3)} | ${peer.model} ${peer.mase.toFixed(3)} | ` +
        `${(r.mase / peer.mase).toFixed(3)} | ${pct(r.coverage80)} | ${pct(r.coverage95)} | ` +
        `${r.coverageSE.map((x) => (100 * x).toFixed(1)).join(" / ")} | ` +
        `${r.coverageDatesSE.map((x) => (100 * x).toFixed(1)).join(" / ")} | ` +
        `${r.msis.map((x) => x.toFixed(2)).join(" / ")} | ${r.ms.toFixed(1)} | ${won} |`,
    );
  }
}

// BENCH_HOLIDAYS=1: each variant on the holiday weeks of bench:forecast's calendar table (50 demo market x device
// daily series of 800 days, the week from three days before each holiday of the last year; no calendar).
if (process.env.BENCH_HOLIDAYS === "1") {
  const { holidaysOn } = await import("../../dist/demo/holidays.js");
  const { seriesMarket } = await import("../../dist/run/calendar-settings.js");
  const { civilFromDays, DAY_MS } = await import("../../dist/series/civil-date.js");
  const { readLongFormat } = await import("../../dist/series/read-long-format.js");
  const all = await readLongFormat(join(benchOut, "holidays", "geo-device-daily.csv"), "daily");
  const weeks = [];
  for (const series of all) {
    const geo = seriesMarket(series.id, "auto");
    const n = series.values.length;
    const firstDay = Math.floor(series.start / DAY_MS);
    let last = Number.NEGATIVE_INFINITY;
    for (let t = n - 365; t < n; t++) {
      const { year, month, day } = civilFromDays(firstDay + t);
      if (holidaysOn(geo, year, month, day).length === 0) continue;
      const origin = t - 3;
      if (origin + 7 > n || origin < last + 7) continue;
      last = origin;
      weeks.push({
        train: series.values.slice(0, origin),
        actual: series.values.subarray(origin, origin + 7),
      });
    }
  }
  for (const name of names) {
    const model = VARIANTS[name]();
    const pool = new PooledErrors(LEVELS);
    let sum = 0;
    for (const w of weeks) {
      const f = forecastSeries(w.train, { model, horizon: 7, levels: LEVELS, seasons: [7] }).result;
      pool.add(w.actual, f);
      sum += mase(w.train, w.actual, f.mean, 7);
    }
    console.log(
      `holidays ${name}: MASE ${(sum / weeks.length).toFixed(3)} over ${weeks.length} weeks, WAPE ${pct(pool.wape())}, ` +
        `coverage ${pct(pool.coverage(0))} / ${pct(pool.coverage(1))}`,
    );
  }
}

// BENCH_SPEED=1: each variant against augurs' AutoETS on the demo daily series, interleaved (CPU ms, as bench:forecast).
if (process.env.BENCH_SPEED === "1") {
  const daily = (await loadDatasets()).find((set) => set.name === "demo daily (geo)");
  const [, augursEts] = await augursModels();
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  for (const name of names) {
    const model = VARIANTS[name]();
    const ms = interleavedMs(
      daily.series,
      daily.horizon,
      (y) => forecastSeries(y, { model, horizon: daily.horizon, levels: LEVELS, seasons: daily.seasons }),
      (y) => augursEts.forecast(y, daily.seasons, daily.horizon, LEVELS),
      rounds,
    );
    console.log(
      `speed ${name} on demo daily: ${ms.ours.toFixed(2)} CPU ms against augurs AutoETS ${ms.peer.toFixed(2)} (${(ms.peer / ms.ours).toFixed(2)} times)`,
    );
  }
}
