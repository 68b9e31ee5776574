// The ARIMA and intermittent tables of bench:forecast (issue 4). ARIMA: avails' AutoARIMA on the product path
// (forecastSeries with resolveModel("arima"), as the other avails rows) against R's forecast::auto.arima
// (through Rscript) and the npm `arima` package (ctsa compiled to WASM, auto mode, fitted in this process) on
// classic monthly, classic quarterly and taylor hourly. Intermittent: avails' intermittent models and auto
// against R's forecast::croston on the GitHub commits per hour (zero-filled), h = 168. Run alone with
// `node bench/forecast/arima-tables.js` (after `npm run build`) or at the end of bench/forecast.js.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { forecastSeries } from "../../dist/forecast/forecast-series.js";
import { resolveModel } from "../../dist/forecast/models/registry.js";
import { normalQuantile } from "../../dist/forecast/normal-quantile.js";
import { readLongFormat } from "../../dist/series/read-long-format.js";
import { benchOut, writeLongCsv } from "./datasets.js";
import { mase, median } from "./metrics.js";
import { hasR } from "./peers.js";

const here = dirname(fileURLToPath(import.meta.url));
const LEVELS = [80, 95];
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 5);
/** Seconds R's auto.arima may spend on an hourly data set before its remaining cases are skipped. */
const R_HOURLY_BUDGET = Number(process.env.BENCH_R_ARIMA_BUDGET ?? 240);
const INTERMITTENT = ["croston", "croston_optimized", "sba", "tsb", "adida", "imapa", "auto"];

function sharedData() {
  const dir = process.env.BENCH_DATA ?? "/work/shared/data";
  if (!existsSync(join(dir, "taylor_hourly.csv")))
    throw new Error(`no shared data in ${dir}; set BENCH_DATA`);
  return dir;
}

async function fromCsv(name, path, freq, seasons, horizon, period) {
  return { name, freq, seasons, horizon, period, series: await readLongFormat(path, freq) };
}

/** GitHub commits per hour: the sparse `time,count` rows (hours with commits only), every other hour 0. */
async function githubHourly(dir) {
  const csv = join(benchOut, "github-hourly.csv");
  if (!existsSync(csv)) {
    const byHour = new Map();
    const lines = readFileSync(join(dir, "github_hourly_raw.csv"), "utf8").trim().split("\n").slice(1);
    for (const line of lines) {
      const [time, count] = line.split(",");
      const hour = `${time.slice(0, 13).replaceAll("/", "-").replace(" ", "T")}:00:00Z`;
      byHour.set(Date.parse(hour), (byHour.get(Date.parse(hour)) ?? 0) + Number(count));
    }
    const hours = [...byHour.keys()].sort((a, b) => a - b);
    const rows = ["unique_id,ds,y"];
    for (let t = hours[0]; t <= hours.at(-1); t += 3_600_000) {
      rows.push(`github,${new Date(t).toISOString().slice(0, 19).replace("T", " ")},${byHour.get(t) ?? 0}`);
    }
    writeFileSync(csv, `${rows.join("\n")}\n`);
  }
  return fromCsv("github hourly (zero-filled)", csv, "hourly", [24, 168], 168, 24);
}

/** Every series at WINDOWS origins h apart, as bench/forecast.js's testCases. */
function testCases(set) {
  const cases = [];
  const minTrain = 3 * set.seasons.at(-1);
  for (const s of set.series) {
    for (let w = 0; w < WINDOWS; w++) {
      const end = s.values.length - w * set.horizon;
      if (end - set.horizon < minTrain) break;
      const train = s.values.subarray(0, end - set.horizon);
      cases.push({
        key: `${s.id}@${w}`,
        series: s,
        window: w,
        train,
        actual: s.values.subarray(end - set.horizon, end),
      });
    }
  }
  return cases;
}

function availsModel(name) {
  const model = resolveModel(name);
  return {
    name: `avails ${name}`,
    forecast: (y, set) =>
      forecastSeries(y, { model, horizon: set.horizon, levels: LEVELS, seasons: set.seasons }).result,
  };
}

/** avails' AutoARIMA alone (fit + forecast with the model's own intervals), as npm arima's fit + predict. */
function availsBare() {
  const model = resolveModel("arima");
  return {
    name: "avails arima (bare model)",
    forecast: (y, set) => model.forecast(y, { horizon: set.horizon, levels: LEVELS, seasons: set.seasons }),
  };
}

/** npm `arima` (0.2.8) in auto mode with the set's SARIMA period; predict gives means and their variances. */
function npmArima(ARIMA) {
  return {
    name: "npm arima (auto)",
    forecast(y, set) {
      const model = new ARIMA({ auto: true, s: set.period, verbose: false });
      try {
        model.train(Array.from(y));
        const [mean, variance] = model.predict(set.horizon);
        const lower = [];
        const upper = [];
        for (const level of LEVELS) {
          const z = normalQuantile(0.5 + level / 200);
          lower.push(Float64Array.from(mean, (m, h) => m - z * Math.sqrt(variance[h])));
          upper.push(Float64Array.from(mean, (m, h) => m + z * Math.sqrt(variance[h])));
        }
        return { mean: Float64Array.from(mean), lower, upper };
      } finally {
        model.destroy();
      }
    },
  };
}

/** Times one in-process model on every case (one untimed warm-up fit first); null forecasts for failures. */
function runInProcess(model, set) {
  try {
    model.forecast(set.cases[0].train, set);
  } catch {
    // counted below
  }
  const forecasts = new Map();
  const ms = new Map();
  for (const c of set.cases) {
    const started = performance.now();
    try {
      const f = model.forecast(c.train, set);
      ms.set(c.key, performance.now() - started);
      forecasts.set(c.key, f);
    } catch {
      forecasts.set(c.key, null);
    }
  }
  return { name: model.name, forecasts, ms };
}

function csvFields(line) {
  return line.split(",").map((f) => (f.startsWith('"') ? f.slice(1, -1) : f));
}
function readCsv(path) {
  const [header, ...lines] = readFileSync(path, "utf8").trim().split("\n");
  const names = csvFields(header);
  return lines.map((line) => Object.fromEntries(csvFields(line).map((v, i) => [names[i], v])));
}

/**
 * R's models (peers-croston.R) on the given cases of a set, each case a series of its own cut after its test
 * window; reuses the last run's output when the input is unchanged (BENCH_R_FRESH=1 reruns).
 */
function runR(set, cases, model, budget) {
  const dir = join(benchOut, `r-${model}-${set.name.replace(/[^a-z0-9]+/gi, "-")}`);
  mkdirSync(dir, { recursive: true });
  const input = join(dir, "input.csv");
  const series = cases.map((c) => ({
    id: c.key,
    values: c.series.values.subarray(0, c.train.length + set.horizon),
    start: c.series.start,
    grid: c.series.grid,
  }));
  const tmp = join(dir, "input.next.csv");
  writeLongCsv({ ...set, series }, tmp);
  const same = existsSync(input) && readFileSync(input, "utf8") === readFileSync(tmp, "utf8");
  const done = existsSync(join(dir, "peer_times.csv")) && existsSync(join(dir, `budget-${budget}`));
  if (!same || !done || process.env.BENCH_R_FRESH === "1") {
    writeFileSync(input, readFileSync(tmp));
    const args = [
      join(here, "peers-croston.R"),
      input,
      `${set.period}`,
      `${set.horizon}`,
      dir,
      model,
      `${budget}`,
    ];
    const result = spawnSync("Rscript", args, { encoding: "utf8", maxBuffer: 64 << 20 });
    if (result.status !== 0) throw new Error(`Rscript ${args.join(" ")} failed:\n${result.stderr}`);
    writeFileSync(join(dir, `budget-${budget}`), "");
  }
  const forecasts = new Map();
  const ms = new Map();
  for (const row of readCsv(join(dir, "peer_times.csv"))) {
    if (row.ok === "TRUE") ms.set(row.unique_id, 1000 * Number(row.seconds));
  }
  for (const row of readCsv(join(dir, "peer_forecasts.csv"))) {
    let f = forecasts.get(row.unique_id);
    if (f === undefined) {
      f = { mean: [], lower: [[], []], upper: [[], []] };
      forecasts.set(row.unique_id, f);
    }
    f.mean.push(Number(row.mean));
    f.lower[0].push(Number(row.lo80));
    f.upper[0].push(Number(row.hi80));
    f.lower[1].push(Number(row.lo95));
    f.upper[1].push(Number(row.hi95));
  }
  return { name: `R ${model === "arima" ? "auto.arima" : model}`, forecasts, ms };
}

/** MASE (mean over the cases), coverage pooled over cases and steps (NaN without intervals), median ms. */
function score(set, run, cases) {
  const scaled = [];
  const times = [];
  const inside = [0, 0];
  let points = 0;
  let withBounds = true;
  let failed = 0;
  for (const c of cases) {
    const f = run.forecasts.get(c.key);
    if (f === null || f === undefined || !Array.prototype.every.call(f.mean, Number.isFinite)) {
      failed++;
      continue;
    }
    scaled.push(mase(c.train, c.actual, f.mean, set.seasons[0]));
    times.push(run.ms.get(c.key));
    for (let h = 0; h < c.actual.length; h++) {
      for (let l = 0; l < LEVELS.length; l++) {
        if (!Number.isFinite(f.lower[l][h])) withBounds = false;
        else if (c.actual[h] >= f.lower[l][h] && c.actual[h] <= f.upper[l][h]) inside[l]++;
      }
    }
    points += c.actual.length;
  }
  const ok = scaled.length > 0;
  return {
    model: run.name,
    mase: ok ? scaled.reduce((a, b) => a + b, 0) / scaled.length : Number.NaN,
    coverage80: ok && withBounds ? inside[0] / points : Number.NaN,
    coverage95: ok && withBounds ? inside[1] / points : Number.NaN,
    ms: median(times),
    cases: scaled.length,
    failed,
  };
}

const fixed = (digits) => (x) => (Number.isNaN(x) ? "—" : x.toFixed(digits));
const percent = (x) => (Number.isNaN(x) ? "—" : `${(100 * x).toFixed(1)}%`);
const msText = (x) => (Number.isNaN(x) ? "—" : x.toFixed(x < 10 ? 2 : 0));

function heading(set, note) {
  const n = set.series.reduce((a, s) => a + s.values.length, 0) / set.series.length;
  console.log(
    `\n### ${set.name}: ${set.series.length} series of ${Math.round(n)} points, h = ${set.horizon}, seasons ` +
      `${set.seasons.join(", ")} (SARIMA period ${set.period}), ${set.cases.length} cases${note}\n`,
  );
}

/**
 * The ARIMA table of one data set: every row scored on all cases and, for the ratio to R, on the cases R
 * scored (all of them, or the last windows when R ran out of its time budget).
 */
function arimaTable(set, runs, rRun) {
  const rCases = rRun === null ? [] : set.cases.filter((c) => rRun.forecasts.has(c.key));
  const rScore = rRun === null ? null : score(set, rRun, rCases);
  const npm = runs.find((r) => r.name.startsWith("npm"));
  const npmScore = npm === undefined ? { ms: Number.NaN } : score(set, npm, set.cases);
  const partial = rRun !== null && rCases.length < set.cases.length;
  heading(
    set,
    partial ? `; R's auto.arima ran ${rCases.length} of them (time budget ${R_HOURLY_BUDGET} s)` : "",
  );
  console.log(
    "| model | MASE | coverage 80 | coverage 95 | ms per series (median) | failed | MASE on R's cases | / R's MASE | times faster than npm arima |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const rows = [];
  for (const run of rRun === null ? runs : [...runs, rRun]) {
    const s = score(set, run, set.cases);
    const onR = rScore === null ? Number.NaN : score(set, run, rCases).mase;
    const ratio = rScore === null ? Number.NaN : onR / rScore.mase;
    const speed = npmScore.ms / s.ms;
    rows.push({ ...s, maseOnRCases: onR, ratioToR: ratio, timesFasterThanNpm: speed });
    console.log(
      `| ${s.model} | ${fixed(3)(s.mase)} | ${percent(s.coverage80)} | ${percent(s.coverage95)} | ${msText(s.ms)} | ` +
        `${s.failed} | ${fixed(3)(onR)} | ${fixed(3)(ratio)} | ${fixed(1)(speed)} |`,
    );
  }
  return rows;
}

/**
 * Runs the ARIMA and intermittent tables, printing them as markdown; returns their rows by data set.
 *
 * @example
 * const results = await arimaTables({ withR: true });
 */
export async function arimaTables({ withR }) {
  mkdirSync(benchOut, { recursive: true });
  const dir = sharedData();
  const ARIMA = createRequire(import.meta.url)("arima");
  const sets = [
    await fromCsv("classic monthly", join(dir, "classic_monthly.csv"), "monthly", [12], 12, 12),
    await fromCsv("classic quarterly", join(dir, "classic_quarterly.csv"), "quarterly", [4], 8, 4),
    await fromCsv("taylor hourly", join(dir, "taylor_hourly.csv"), "hourly", [24, 168], 168, 24),
  ];
  const only = process.env.BENCH_ARIMA_SETS?.split(",");
  const results = {};
  console.log(
    "\n## ARIMA: avails AutoARIMA (product path) vs R auto.arima and npm arima (auto, same SARIMA period; " +
      "intervals from its forecast variances); MASE scaled by the in-sample seasonal naive MAE, mean over cases",
  );
  for (const set of sets) {
    if (only !== undefined && !only.some((name) => set.name.includes(name))) continue;
    set.cases = testCases(set);
    const runs = [
      runInProcess(availsModel("arima"), set),
      runInProcess(availsBare(), set),
      // npm arima's auto mode takes minutes a fit on 1,848 hourly points (over 100 s alone, and a full
      // run of its 6 fits had not ended after 15 min): on hourly data only with BENCH_NPM_HOURLY=1.
      ...(set.freq !== "hourly" || process.env.BENCH_NPM_HOURLY === "1"
        ? [runInProcess(npmArima(ARIMA), set)]
        : []),
    ];
    let rRun = null;
    if (withR) {
      // R's auto.arima on 24-hour seasons takes minutes a series: newest windows first, within a time budget.
      const hourly = set.freq === "hourly";
      const cases = hourly ? [...set.cases].sort((a, b) => a.window - b.window) : set.cases;
      rRun = runR(set, cases, "arima", hourly ? R_HOURLY_BUDGET : 1e9);
    }
    results[set.name] = arimaTable(set, runs, rRun);
  }

  if (only === undefined || only.some((name) => "github".includes(name))) {
    const set = await githubHourly(dir);
    set.cases = testCases(set);
    const runs = INTERMITTENT.map((name) => runInProcess(availsModel(name), set));
    if (withR) runs.push(runR(set, set.cases, "croston", 1e9));
    heading(set, "");
    console.log("| model | MASE | coverage 80 | coverage 95 | ms per series (median) | failed |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    results[set.name] = runs.map((run) => {
      const s = score(set, run, set.cases);
      console.log(
        `| ${s.model} | ${fixed(3)(s.mase)} | ${percent(s.coverage80)} | ${percent(s.coverage95)} | ${msText(s.ms)} | ${s.failed} |`,
      );
      return s;
    });
  }
  writeFileSync(join(benchOut, "arima-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const withR = process.env.BENCH_SKIP_R !== "1" && hasR();
  if (!withR) console.log("(R peers skipped: BENCH_SKIP_R=1 or no Rscript on the PATH)");
  await arimaTables({ withR });
}
