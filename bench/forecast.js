// npm run bench:forecast — holds out the last h points of every series of each data set (taylor hourly, GitHub
// daily, demo hourly and daily per market, classic monthly and quarterly, and where R runs four held-out sets
// of series from R packages: quarterly, monthly, Chicago L daily and weekly, and a fifth of quarterly macro series
// from statsmodels where Python has it), forecasts them with avails' models
// and, in the same run, with the peers (augurs in this process, R's forecast package through Rscript when it is
// installed), and prints per data set: MASE, WAPE, coverage of the 80% and 95% intervals, median ms per series,
// and `auto` against the best named peer case by case (forecast/against-best-peer.js).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { forecastSeries } from "../dist/forecast/forecast-series.js";
import { ets } from "../dist/forecast/models/ets/ets.js";
import { resolveModel } from "../dist/forecast/models/registry.js";
import { normalQuantile } from "../dist/forecast/normal-quantile.js";
import { againstBestPeer, formatComparison } from "./forecast/against-best-peer.js";
import { bandChances, formatBandChances } from "./forecast/band-chance.js";
import { calibrationSummary, formatCalibrationSummary } from "./forecast/calibration-summary.js";
import { benchOut, demoCellsCsv, loadDatasets, loadHeldOutDatasets } from "./forecast/datasets.js";
import { holidayWeekBench } from "./forecast/holiday-weeks.js";
import { interleavedMs } from "./forecast/interleaved-speed.js";
import { mase, median, PooledErrors } from "./forecast/metrics.js";
import { augursModels, hasR, runR } from "./forecast/peers.js";
import { testCases } from "./forecast/test-cases.js";
import { timeCli } from "./forecast/time-cli.js";

const LEVELS = [80, 95];
/** Forecast origins per series, h apart (BENCH_WINDOWS); 1 is the usual single holdout. */
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 5);
const PEERS_SCRIPT = process.env.BENCH_PEERS_R ?? "/work/shared/peers/peers.R";
/** R models per frequency: auto.arima on 168-hour seasons takes minutes a series, so hourly data goes without. */
const R_MODELS = {
  hourly: ["snaive", "ets", "theta", "stlf", "prophet"],
  daily: ["snaive", "ets", "arima", "theta", "stlf", "prophet"],
  // No auto.arima on 52-week seasons: with it, R had not finished the 50 weekly cases after 21 minutes.
  weekly: ["snaive", "ets", "theta", "stlf"],
  monthly: ["snaive", "ets", "arima", "theta", "stlf"],
  quarterly: ["snaive", "ets", "arima", "theta", "stlf"],
};

// ─── avails models ──────────────────────────────────────────────────────────────────────────────────────────
// The engine's models go here, each as { name, forecast(y, seasons, horizon, levels) } returning
// { mean, lower: [one Float64Array per level], upper: [...] }, e.g. for a Forecaster from src/forecast:
//   { name: "avails ets", forecast: (y, seasons, horizon, levels) => ets.forecast(y, { horizon, levels, seasons }) }
/** avails' models as `avails forecast` runs them: gaps, fallbacks, conformal intervals, count clipping. */
function availsModel(name) {
  const model = resolveModel(name);
  return {
    name: `avails ${name}`,
    forecast: (y, seasons, horizon, levels) => forecastSeries(y, { model, horizon, levels, seasons }).result,
  };
}
const AVAILS_MODELS = (process.env.BENCH_MODELS ?? "auto,ets,theta,mstl,mstl_ets,snaive")
  .split(",")
  .map(availsModel);
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A reference every run has, R or not: the seasonal naive forecast on the longest season (y[t + h] =
 * y[t + h - m], as R's snaive on the peers' series) with normal intervals whose spread grows with the seasons
 * ahead, sd * sqrt(k) (Hyndman & Athanasopoulos, FPP3 5.5). Where R runs, its figures match R snaive's.
 */
const SEASONAL_NAIVE = {
  name: "seasonal naive (bench)",
  forecast(y, seasons, horizon, levels) {
    const m = seasons.at(-1);
    let sum = 0;
    for (let t = m; t < y.length; t++) sum += (y[t] - y[t - m]) ** 2;
    const sd = Math.sqrt(sum / (y.length - m));
    const mean = new Float64Array(horizon);
    const lower = levels.map(() => new Float64Array(horizon));
    const upper = levels.map(() => new Float64Array(horizon));
    for (let h = 0; h < horizon; h++) {
      mean[h] = y[y.length - m + (h % m)];
      const spread = sd * Math.sqrt(Math.floor(h / m) + 1);
      levels.forEach((level, l) => {
        const z = normalQuantile(0.5 + level / 200);
        lower[l][h] = mean[h] - z * spread;
        upper[l][h] = mean[h] + z * spread;
      });
    }
    return { mean, lower, upper };
  },
};

function finite(forecast, horizon) {
  const arrays = [forecast.mean, ...forecast.lower, ...forecast.upper];
  return arrays.every((a) => a.length === horizon && Array.prototype.every.call(a, Number.isFinite));
}

/**
 * Scores one model on a data set, given each case's forecast (or null when it failed) and time: MASE
 * averaged over the last window's series (the usual holdout) and over every window's, WAPE and coverage
 * pooled over every window, series and step, the median time per fit, and each case's MASE by its key.
 */
function score(name, set, forecastOf, msOf) {
  const pool = new PooledErrors(LEVELS);
  const lastPool = new PooledErrors(LEVELS);
  const scaled = [];
  const lastScaled = [];
  const times = [];
  const caseMase = {};
  let failed = 0;
  for (const c of set.cases) {
    const forecast = forecastOf(c);
    if (forecast === null || !finite(forecast, set.horizon)) {
      failed++;
      continue;
    }
    const value = mase(c.train, c.actual, forecast.mean, set.seasons[0]);
    pool.add(c.actual, forecast, c.from);
    scaled.push(value);
    caseMase[c.key] = value;
    if (c.window === 0) {
      lastPool.add(c.actual, forecast);
      lastScaled.push(value);
    }
    times.push(msOf(c));
  }
  const mean = (values) =>
    values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
  const ok = scaled.length > 0;
  return {
    model: name,
    maseLast: mean(lastScaled),
    mase: mean(scaled),
    wape: ok ? pool.wape() : Number.NaN,
    coverage80: ok ? pool.coverage(0) : Number.NaN,
    coverage95: ok ? pool.coverage(1) : Number.NaN,
    coverage80Last: lastScaled.length > 0 ? lastPool.coverage(0) : Number.NaN,
    coverage95Last: lastScaled.length > 0 ? lastPool.coverage(1) : Number.NaN,
    // Standard errors of the two coverages with the test windows as clusters (`coverageStandardError`).
    coverageSE80: ok ? pool.coverageStandardError(0) : Number.NaN,
    coverageSE95: ok ? pool.coverageStandardError(1) : Number.NaN,
    // The same with the windows of series that forecast the same dates as one cluster.
    coverageDatesSE80: ok ? pool.coverageStandardError(0, true) : Number.NaN,
    coverageDatesSE95: ok ? pool.coverageStandardError(1, true) : Number.NaN,
    msPerSeries: median(times),
    failed,
    caseMase,
  };
}

/**
 * Fits an in-process model to every case, timing fit and forecast of all levels together. One untimed fit
 * first, so that no model's figure includes the JIT compiling its code (a data set may hold one series).
 */
function runModel(model, set) {
  const ms = new Map();
  try {
    model.forecast(set.cases[0].train, set.seasons, set.horizon, LEVELS);
  } catch {
    // Scored as a failure below.
  }
  return score(
    model.name,
    set,
    (c) => {
      const started = performance.now();
      try {
        const forecast = model.forecast(c.train, set.seasons, set.horizon, LEVELS);
        ms.set(c.key, performance.now() - started);
        return forecast;
      } catch {
        return null;
      }
    },
    (c) => ms.get(c.key),
  );
}

const fixed = (digits) => (x) => (Number.isNaN(x) ? "—" : x.toFixed(digits));
const percent = (x) => (Number.isNaN(x) ? "—" : `${(100 * x).toFixed(1)}%`);

function printTable(set, rows) {
  const n = set.series.reduce((a, s) => a + s.values.length, 0) / set.series.length;
  console.log(
    `\n### ${set.name}: ${set.series.length} series of ${Math.round(n)} points, h = ${set.horizon}, ` +
      `seasons ${set.seasons.join(", ")}, ${WINDOWS} windows (${set.cases.length * set.horizon} test points)\n`,
  );
  console.log(
    "| model | MASE last h | MASE | WAPE | coverage 80 | coverage 95 | ms per series (median) | failed |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.model} | ${fixed(3)(r.maseLast)} | ${fixed(3)(r.mase)} | ${percent(r.wape)} | ${percent(r.coverage80)} | ` +
        `${percent(r.coverage95)} | ${fixed(r.msPerSeries < 10 ? 2 : 0)(r.msPerSeries)} | ${r.failed} |`,
    );
  }
}

// The held-out sets (series from R packages, statsmodels and vega-datasets' flights) join unless BENCH_HELD_OUT is
// 0, each where what writes it is present.
const heldOut = process.env.BENCH_HELD_OUT !== "0" ? await loadHeldOutDatasets() : [];
// BENCH_SETS="weekly,quarterly": only the sets whose names hold one of these, and only their accuracy tables, merged
// into the last full run's results.json (the speed, CLI, calendar and ARIMA sections need every set).
const only = process.env.BENCH_SETS?.split(",").map((part) => part.trim().toLowerCase());
const sets = [...(await loadDatasets()), ...heldOut].filter(
  (set) => only === undefined || only.some((part) => set.name.toLowerCase().includes(part)),
);
for (const set of sets) set.cases = testCases(set, WINDOWS);
const inProcess = [...AVAILS_MODELS, SEASONAL_NAIVE, ...(await augursModels())];
const withR = process.env.BENCH_SKIP_R !== "1" && hasR() && existsSync(PEERS_SCRIPT);
console.log(
  "bench:forecast — MASE scaled by the in-sample seasonal naive MAE (first season), averaged over series; WAPE and " +
    "coverage pooled over every series and step",
);
if (!withR)
  console.log("(R peers skipped: BENCH_SKIP_R=1, no Rscript on the PATH, or no peers.R: set BENCH_PEERS_R)");
const results = {};
const comparisons = {};
for (const set of sets) {
  const rows = inProcess.map((model) => runModel(model, set));
  if (withR) {
    const dir = join(benchOut, `r-${set.name.replace(/[^a-z0-9]+/gi, "-")}`);
    const r = runR(set, R_MODELS[set.freq], dir, PEERS_SCRIPT);
    for (const [model, { forecasts, seconds }] of r) {
      rows.push(
        score(
          `R ${model}`,
          set,
          (c) => forecasts.get(c.key) ?? null,
          (c) => 1000 * seconds.get(c.key),
        ),
      );
    }
  }
  printTable(set, rows);
  const comparison = againstBestPeer(rows, "avails auto", set.horizon);
  if (comparison !== null) console.log(`\n${formatComparison(comparison)}`);
  results[set.name] = rows;
  comparisons[set.name] = comparison;
}
results.againstBestPeer = comparisons;
if (only !== undefined) {
  const path = join(benchOut, "results.json");
  const last = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : {};
  const merged = { ...last, ...results, againstBestPeer: { ...last.againstBestPeer, ...comparisons } };
  writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`\n${formatCalibrationSummary(calibrationSummary(merged))}`);
  console.log(`\n${formatBandChances(bandChances(merged, "avails auto"), "avails auto")}`);
  process.exit(0);
}
console.log(`\n${formatCalibrationSummary(calibrationSummary(results))}`);
console.log(`\n${formatBandChances(bandChances(results, "avails auto"), "avails auto")}`);
writeFileSync(join(benchOut, "results.json"), `${JSON.stringify(results, null, 2)}\n`);

// ─── speed targets ───────────────────────────────────────────────────────────────────────────────────────────
// Each avails model and its peer are timed on the same series back to back (interleavedMs, CPU ms, median over
// series of the median of 3 rounds). "Bare" is the model's own fit and forecast with its intervals, as augurs'
// fit + predict; "product path" is forecastSeries as `avails forecast` runs it, conformal calibration by
// cross-validation included.
const [augursMstl, augursEts] = await augursModels();
const setNamed = (name) => sets.find((s) => s.name === name);
const product = (model) => (y, seasons, horizon) =>
  forecastSeries(y, { model, horizon, levels: LEVELS, seasons });
const bare = (model) => (y, seasons, horizon) => model.forecast(y, { horizon, levels: LEVELS, seasons });
const hourly = "demo hourly (geo)";
const daily = "demo daily (geo)";
const speedRows = [
  [hourly, "mstl (bare model)", bare(resolveModel("mstl")), augursMstl, 20],
  [hourly, "mstl (product path)", product(resolveModel("mstl")), augursMstl, 20],
  [hourly, "auto (product path, selection included)", product(resolveModel("auto")), augursMstl, 5],
  [daily, "ets (bare AutoETS, 15 forms)", bare(resolveModel("ets")), augursEts, 3],
  [daily, "ets, non-seasonal forms (bare, as augurs ZZN)", bare(ets({ season: "N" })), augursEts, 3],
  [daily, "auto (product path)", product(resolveModel("auto")), augursEts, 1],
];
console.log(
  "\n### speed: CPU ms per series (median), fit + forecast with 80% and 95% intervals, interleaved\n",
);
console.log("| data set | avails | ms | peer | ms | times faster | target |");
console.log("| --- | --- | ---: | --- | ---: | ---: | ---: |");
results.speed = [];
for (const [name, label, ours, peer, target] of speedRows) {
  const set = setNamed(name);
  const ms = interleavedMs(
    set.series,
    set.horizon,
    (y) => ours(y, set.seasons, set.horizon),
    (y) => peer.forecast(y, set.seasons, set.horizon, LEVELS),
  );
  results.speed.push({ set: name, model: label, ms: ms.ours, peer: peer.name, peerMs: ms.peer, target });
  console.log(
    `| ${name} | ${label} | ${ms.ours.toFixed(2)} | ${peer.name} | ${ms.peer.toFixed(2)} | ` +
      `${(ms.peer / ms.ours).toFixed(1)} | >= ${target} |`,
  );
}
const cli = await timeCli(demoCellsCsv, 30, benchOut);
console.log(
  `\n\`avails forecast\` CLI, ${cli.series} hourly series of ${cli.points} points, auto model, h = 168: ` +
    `${cli.seconds.toFixed(2)} s wall (target < 2 s)`,
);

// ─── calendar effects ────────────────────────────────────────────────────────────────────────────────────────
const holidayRows = await holidayWeekBench(join(benchOut, "holidays"));
console.log(
  `\n### calendar effects: the demo's holiday weeks (${holidayRows[0].series} market × device series, daily, ` +
    `${holidayRows[0].weeks} weeks with the holiday on day 4, h = 7)\n`,
);
console.log(
  "| model | MASE | WAPE | WAPE on the holidays | coverage 80 | coverage 95 | ms per week (median) |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of holidayRows) {
  console.log(
    `| ${r.model} | ${r.mase.toFixed(3)} | ${percent(r.wape)} | ${percent(r.holidayWape)} | ${percent(r.coverage80)} | ` +
      `${percent(r.coverage95)} | ${r.msPerWeek.toFixed(1)} |`,
  );
}
results.holidayWeeks = holidayRows;
writeFileSync(join(benchOut, "results.json"), `${JSON.stringify(results, null, 2)}\n`);

// ─── ARIMA and intermittent tables (bench/forecast/arima-tables.js) ─────────────────────────────────────────
const { arimaTables } = await import("./forecast/arima-tables.js");
await arimaTables({ withR: process.env.BENCH_SKIP_R !== "1" && hasR() });
