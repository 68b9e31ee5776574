// node bench/forecast/auto-loop.js — the fast loop for work on the automatic model: runs only avails' auto (and
// variants of it named in BENCH_VARIANTS) over the test cases of bench:forecast's six data sets, 5 windows, on
// the product path (forecastSeries), without the peers. The best named peer of each set comes from the last
// full run's bench/out/forecast/results.json (augurs' two models, R's ets, thetaf and stlf). Prints MASE, the
// ratio to the best peer, coverage, the median CPU ms per series and what won how often. Needs `npm run build`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { autoForecaster } from "../../dist/forecast/auto-forecaster.js";
import { forecastSeries } from "../../dist/forecast/forecast-series.js";
import { autoArimaForecaster } from "../../dist/forecast/models/arima/arima.js";
import { seasonalStrength } from "../../dist/forecast/models/arima/seasonal-strength.js";
import { autoEts, ets } from "../../dist/forecast/models/ets/ets.js";
import {
  crostonOptimized,
  imapa,
  isIntermittent,
  sba,
  tsb,
} from "../../dist/forecast/models/intermittent/index.js";
import { mstl } from "../../dist/forecast/models/mstl/index.js";
import { resolveModel } from "../../dist/forecast/models/registry.js";
import { dynamicOptimizedTheta, theta } from "../../dist/forecast/models/theta/theta.js";
import { benchOut, loadDatasets } from "./datasets.js";
import { interleavedMs } from "./interleaved-speed.js";
import { mase, median, PooledErrors } from "./metrics.js";
import { augursModels } from "./peers.js";
import { testCases } from "./test-cases.js";

const LEVELS = [80, 95];
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 5);
const NAMED_PEERS = ["augurs MSTL+AutoETS", "augurs AutoETS (non-seasonal)", "R ets", "R theta", "R stlf"];

const mstlTheta = { ...mstl({ trend: dynamicOptimizedTheta }), name: "mstl" };
const etsN = { ...ets({ season: "N" }), name: "ets_n" };
const arima = autoArimaForecaster();
const INTERMITTENT = [tsb(), sba(), crostonOptimized(), imapa()];

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
  return {
    name: "auto",
    forecast: (y, request) => pick(y, request).forecast(y, request),
    forecastWithReport: (y, request, o) => pick(y, request).forecastWithReport(y, request, o),
  };
}

const noOrigins = (m) => ({ name: m.name, forecast: m.forecast.bind(m) });
function nonSeasonal(m) {
  return { name: `${m.name}_n`, forecast: (y, r) => m.forecast(y, { ...r, seasons: [] }) };
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
const SINGLE = [autoEts, theta, mstlTheta];
const MULTI = [theta, mstlTheta];
/** The variants by name; `auto` is the registry's own. Add experiments here. */
const VARIANTS = {
  auto: () => resolveModel("auto"),
  copy: () => autoVariant(SINGLE, MULTI),
  etsn: () => autoVariant([...SINGLE, etsN], MULTI),
  arima: () => autoVariant([...SINGLE, arima], MULTI),
  best: () => autoVariant(SINGLE, MULTI, { poolMargin: 0 }),
  m10: () => autoVariant(SINGLE, MULTI, { poolMargin: 0.1 }),
  o10: () => autoVariant(SINGLE, MULTI, { maxOrigins: 10 }),
  o30: () => autoVariant(SINGLE, MULTI, { maxOrigins: 30 }),
  invmase: () => autoVariant(SINGLE, MULTI, { weighting: "inverse-mase" }),
  invmse: () => autoVariant(SINGLE, MULTI, { weighting: "inverse-mse" }),
  mustwin: () => autoVariant(SINGLE, MULTI, { poolMustWin: true }),
  "etsn+invmse": () => autoVariant([...SINGLE, etsN], MULTI, { weighting: "inverse-mse" }),
  refit: () => autoVariant(SINGLE.map(noOrigins), MULTI),
  w1: () => autoVariant(SINGLE, MULTI, {}, [etsN, theta, mstlTheta]),
  w2: () => autoVariant(SINGLE, MULTI, {}, [etsN, theta]),
  w3: () => autoVariant(SINGLE, MULTI, {}, [autoEts, etsN, theta, mstlTheta]),
  w5: () => autoVariant(SINGLE, MULTI, {}, [etsN, theta, arima]),
  "refit+w1": () => autoVariant(SINGLE.map(noOrigins), MULTI, {}, [etsN, theta, mstlTheta].map(noOrigins)),
  "refit+w2": () => autoVariant(SINGLE.map(noOrigins), MULTI, {}, [etsN, theta].map(noOrigins)),
  "refit+w3": () =>
    autoVariant(SINGLE.map(noOrigins), MULTI, {}, [autoEts, etsN, theta, mstlTheta].map(noOrigins)),
  "refit+w1+invmse": () =>
    autoVariant(
      SINGLE.map(noOrigins),
      MULTI,
      { weighting: "inverse-mse" },
      [etsN, theta, mstlTheta].map(noOrigins),
    ),
  "refit+w6": () => weakNone(SINGLE.map(noOrigins), SINGLE.map(noOrigins)),
  "refit+w7": () => weakNone(SINGLE.map(noOrigins), [autoEts, theta].map(noOrigins)),
  w6: () => weakNone(SINGLE, SINGLE),
  "refit+w6+invmse": () =>
    weakNone(SINGLE.map(noOrigins), SINGLE.map(noOrigins), { weighting: "inverse-mse" }),
  "refit+w6+m0": () => weakNone(SINGLE.map(noOrigins), SINGLE.map(noOrigins), { poolMargin: 0 }),
  "refit+w8": () =>
    autoVariant(SINGLE.map(noOrigins), MULTI, {}, [etsN, theta, nonSeasonal(mstlTheta)].map(noOrigins)),
  "refit+w9": () =>
    autoVariant(SINGLE.map(noOrigins), MULTI, {}, [etsN, theta, nonSeasonal(theta)].map(noOrigins)),
  g3: () => autoVariant(SINGLE, MULTI, { refits: 3 }),
  g5: () => autoVariant(SINGLE, MULTI, { refits: 5 }),
  "w6+g3": () => weakNone(SINGLE, SINGLE, { refits: 3 }),
  "w6+g5": () => weakNone(SINGLE, SINGLE, { refits: 5 }),
  xx: () => {
    const inner = autoVariant(SINGLE.map(noOrigins), MULTI, {}, SINGLE.map(noOrigins));
    const strip = (y, r) =>
      r.seasons.length === 1 && seasonalStrength(y, r.seasons[0]) < 0.64 ? { ...r, seasons: [] } : r;
    return {
      name: "auto",
      forecast: (y, r) => inner.forecast(y, strip(y, r)),
      forecastWithReport: (y, r, o) => inner.forecastWithReport(y, strip(y, r), o),
    };
  },
  // Single models on the product path (conformal intervals), to see what each candidate does alone.
  "m:ets": () => resolveModel("ets"),
  "m:ets_n": () => etsN,
  "m:theta": () => resolveModel("theta"),
  "m:mstl": () => resolveModel("mstl"),
  "m:arima": () => resolveModel("arima"),
};

const names = (process.env.BENCH_VARIANTS ?? "auto").split(",");
for (const name of names) if (!(name in VARIANTS)) throw new Error(`BENCH_VARIANTS: no variant "${name}"`);
const setFilter = process.env.BENCH_SETS;
const sets = (await loadDatasets()).filter(
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

function run(model, set, cases) {
  const pool = new PooledErrors(LEVELS);
  const scaled = [];
  const times = [];
  const winners = new Map();
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
    pool.add(c.actual, forecast);
    scaled.push(mase(c.train, c.actual, forecast.mean, set.seasons[0]));
    const won = report.description.replace(/^auto: /, "").replace(/ \(strength [0-9.]+\)/, "");
    winners.set(won, (winners.get(won) ?? 0) + 1);
  }
  return {
    mase: scaled.reduce((a, b) => a + b, 0) / scaled.length,
    coverage80: pool.coverage(0),
    coverage95: pool.coverage(1),
    ms: median(times),
    winners: [...winners].sort((a, b) => b[1] - a[1]),
  };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
console.log("| variant | set | MASE | best named peer | ratio | cov 80 | cov 95 | CPU ms/series | won |");
console.log("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | --- |");
for (const set of sets) {
  const cases = testCases(set, WINDOWS);
  const peer = bestPeer(set);
  for (const name of names) {
    const r = run(VARIANTS[name](), set, cases);
    const won = r.winners.map(([w, k]) => `${w} ${k}`).join("; ");
    console.log(
      `| ${name} | ${set.name} | ${r.mase.toFixed(3)} | ${peer.model} ${peer.mase.toFixed(3)} | ` +
        `${(r.mase / peer.mase).toFixed(3)} | ${pct(r.coverage80)} | ${pct(r.coverage95)} | ${r.ms.toFixed(1)} | ${won} |`,
    );
  }
}

// BENCH_SPEED=1: each variant against augurs' AutoETS on the demo daily series, interleaved (CPU ms, as bench:forecast).
if (process.env.BENCH_SPEED === "1") {
  const daily = (await loadDatasets()).find((set) => set.name === "demo daily (geo)");
  const [, augursEts] = await augursModels();
  for (const name of names) {
    const model = VARIANTS[name]();
    const ms = interleavedMs(
      daily.series,
      daily.horizon,
      (y) => forecastSeries(y, { model, horizon: daily.horizon, levels: LEVELS, seasons: daily.seasons }),
      (y) => augursEts.forecast(y, daily.seasons, daily.horizon, LEVELS),
    );
    console.log(
      `speed ${name} on demo daily: ${ms.ours.toFixed(2)} CPU ms against augurs AutoETS ${ms.peer.toFixed(2)} (${(ms.peer / ms.ours).toFixed(2)} times)`,
    );
  }
}
