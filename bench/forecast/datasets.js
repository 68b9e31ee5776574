// The data sets of the forecast benchmark: public series from the shared data folder and series of the demo
// generator, each with its frequency, seasonal periods and the holdout horizon of the usual benchmarks.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatDs } from "../../dist/series/frequency.js";
import { readLongFormat } from "../../dist/series/read-long-format.js";
import { addSteps } from "../../dist/series/time-grid.js";
import { flightsHourly } from "./held-out-flights.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "../..");
const out = join(repo, "bench/out/forecast");

/** The shared data folder: $BENCH_DATA, or ../shared/data beside the clone (or beside its worktree folder). */
function sharedData() {
  const candidates = [
    process.env.BENCH_DATA,
    join(repo, "../shared/data"),
    join(repo, "../../shared/data"),
    "/work/shared/data",
  ];
  const found = candidates.find((dir) => dir !== undefined && existsSync(join(dir, "taylor_hourly.csv")));
  if (found === undefined) throw new Error("no shared data folder found; set BENCH_DATA to it");
  return found;
}

/**
 * A data set: `{ name, freq, seasons, horizon, series: [{ id, values, start, grid }] }`; values oldest first, the
 * last `horizon` of them the test window.
 */
async function fromCsv(name, path, freq, seasons, horizon) {
  const series = await readLongFormat(path, freq);
  for (const s of series) {
    if (s.gaps > 0 || s.missing > 0) throw new Error(`${name}: series ${s.id} has missing values`);
  }
  return { name, freq, seasons, horizon, series };
}

/** GitHub commits per day: the sparse hourly counts (`time,count`, hours without commits absent) summed by day. */
async function githubDaily(dir) {
  const csv = join(out, "github-daily.csv");
  if (!existsSync(csv)) {
    const byDay = new Map();
    const lines = readFileSync(join(dir, "github_hourly_raw.csv"), "utf8").trim().split("\n").slice(1);
    for (const line of lines) {
      const [time, count] = line.split(",");
      const day = time.slice(0, 10).replaceAll("/", "-");
      byDay.set(day, (byDay.get(day) ?? 0) + Number(count));
    }
    const days = [...byDay.keys()].sort();
    const rows = ["unique_id,ds,y"];
    for (let t = Date.parse(`${days[0]}Z`); t <= Date.parse(`${days.at(-1)}Z`); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      rows.push(`github,${day},${byDay.get(day) ?? 0}`);
    }
    writeFileSync(csv, `${rows.join("\n")}\n`);
  }
  return fromCsv("github daily", csv, "daily", [7], 14);
}

const DEMO = { seed: 7, days: 180, scale: 10_000, end: "2026-11-01", hourlyDays: 167, cells: "geo_device" };

/** Demo opportunities per market × device, hourly (50 series of 4,008 points): the CLI speed test's input. */
const demoCellsCsv = join(out, "demo", "geo-device-hourly.csv");

/**
 * Demo opportunities per market (level geo): hourly over the last 167 days (4,008 points) and daily over 180
 * days, made with the CLI (`avails demo`, then `avails series`) once and cached in bench/out/forecast/demo.
 */
async function demo() {
  const dir = join(out, "demo");
  const manifest = join(dir, "series.json");
  const hourly = join(dir, "geo-hourly.csv");
  const daily = join(dir, "geo-daily.csv");
  const cells = demoCellsCsv;
  if (!existsSync(manifest) || readFileSync(manifest, "utf8") !== JSON.stringify(DEMO)) {
    const store = join(dir, "store");
    const cli = (args) => runAvails(store, args);
    spawnSync("rm", ["-rf", dir]);
    mkdirSync(dir, { recursive: true });
    generateDemo(store, DEMO, join(dir, "logs"));
    const { end } = DEMO;
    const from = new Date(Date.parse(`${end}T00:00:00Z`) - DEMO.hourlyDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const last = new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    cli(["series", "--level", "geo", "--freq", "hourly", "--from", from, "--to", last, "--output", hourly]);
    cli(["series", "--level", "geo", "--freq", "daily", "--to", last, "--output", daily]);
    cli([
      "series",
      "--level",
      "geo_device",
      "--freq",
      "hourly",
      "--from",
      from,
      "--to",
      last,
      "--output",
      cells,
    ]);
    spawnSync("rm", ["-rf", store, join(dir, "logs")]);
    writeFileSync(manifest, JSON.stringify(DEMO));
  }
  return [
    await fromCsv("demo hourly (geo)", hourly, "hourly", [24, 168], 168),
    await fromCsv("demo daily (geo)", daily, "daily", [7], 14),
  ];
}

/**
 * Runs the built CLI on a store (TZ=UTC), throwing when it fails; its progress goes to this process' stderr.
 *
 * @example runAvails("bench/out/store", ["status"]);
 */
export function runAvails(store, args) {
  const result = spawnSync(process.execPath, [join(repo, "dist/cli/main.js"), "--store", store, ...args], {
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error(`avails ${args.join(" ")} failed`);
}

/**
 * Generates and ingests demo logs into a store: `avails demo` with the given seed, days, scale and end.
 *
 * @example generateDemo("bench/out/store", { seed: 7, days: 180, scale: 10_000, end: "2026-11-01" }, "bench/out/logs");
 */
export function generateDemo(store, { seed, days, scale, end }, logs) {
  runAvails(store, [
    "demo",
    "--logs-only",
    "--seed",
    `${seed}`,
    "--days",
    `${days}`,
    "--scale",
    `${scale}`,
    "--end",
    end,
    "--out",
    logs,
  ]);
}

/**
 * Every data set of the benchmark, in the order the report prints them.
 *
 * @example
 * for (const set of await loadDatasets()) console.log(set.name, set.series.length);
 */
export async function loadDatasets() {
  mkdirSync(out, { recursive: true });
  const dir = sharedData();
  return [
    await fromCsv("taylor hourly", join(dir, "taylor_hourly.csv"), "hourly", [24, 168], 168),
    await githubDaily(dir),
    ...(await demo()),
    await fromCsv("classic monthly", join(dir, "classic_monthly.csv"), "monthly", [12], 12),
    await fromCsv("classic quarterly", join(dir, "classic_quarterly.csv"), "quarterly", [4], 8),
  ];
}

/**
 * The held-out data sets, for checking that a change to the automatic model carries over to data it was not tuned
 * on: series from R packages that none of the six sets above holds (held-out.R: 12 quarterly and 12 monthly
 * economic and environmental series, and the ridership of 10 Chicago L stations over their last 364 days and their
 * last 240 weeks), written once with Rscript where R is installed; where Python has statsmodels, 13 quarterly macro
 * series of its data sets; and hourly departures from 20 US airports (held-out-flights.js), fetched once from the
 * npm registry. Each is left out when what writes it is missing; the files are kept in bench/out/forecast.
 *
 * @example
 * for (const set of await loadHeldOutDatasets()) console.log(set.name, set.series.length);
 */
export async function loadHeldOutDatasets() {
  const files = ["quarterly", "monthly", "daily", "weekly"].map((freq) => join(out, `held-out-${freq}.csv`));
  // The daily and weekly files need R's modeldata package; without it the other two are enough not to run R
  // again. A daily file without the weekly one was written before the weekly set joined.
  const stale =
    !files.slice(0, 2).every((file) => existsSync(file)) || (existsSync(files[2]) && !existsSync(files[3]));
  if (stale) {
    mkdirSync(out, { recursive: true });
    spawnSync("Rscript", [join(here, "held-out.R"), out], { stdio: ["ignore", "ignore", "pipe"] });
  }
  const sets = [];
  if (files.slice(0, 2).every((file) => existsSync(file))) {
    sets.push(await fromCsv("held-out quarterly (R)", files[0], "quarterly", [4], 8));
    sets.push(await fromCsv("held-out monthly (R)", files[1], "monthly", [12], 12));
  }
  if (existsSync(files[2]))
    sets.push(await fromCsv("held-out daily (Chicago L)", files[2], "daily", [7], 14));
  // 13 weeks ahead, the M4 competition's weekly horizon.
  if (existsSync(files[3]))
    sets.push(await fromCsv("held-out weekly (Chicago L)", files[3], "weekly", [52], 13));
  const statsmodels = statsmodelsQuarterly();
  if (statsmodels !== null)
    sets.push(await fromCsv("held-out quarterly (statsmodels)", statsmodels, "quarterly", [4], 8));
  const flights = await flightsHourly(out);
  // A week ahead with the daily and weekly seasons, as taylor.
  if (flights !== null)
    sets.push(await fromCsv("held-out hourly (flights)", flights, "hourly", [24, 168], 168));
  return sets;
}

/**
 * The file of held-out-statsmodels.py's 13 quarterly series (US, German and Danish macro data), written once with
 * the first Python that has statsmodels (Debian's python3-statsmodels is /usr/bin/python3's); null without one.
 */
function statsmodelsQuarterly() {
  const file = join(out, "held-out-statsmodels-quarterly.csv");
  if (existsSync(file)) return file;
  mkdirSync(out, { recursive: true });
  for (const python of [process.env.BENCH_PYTHON ?? "python3", "/usr/bin/python3"]) {
    const result = spawnSync(python, [join(here, "held-out-statsmodels.py"), out], { stdio: "ignore" });
    if (result.error === undefined && result.status === 0 && existsSync(file)) return file;
  }
  return null;
}

/**
 * Writes the series of a data set as `unique_id,ds,y` (sorted, gap-free), as the R peers read it.
 *
 * @example
 * writeLongCsv(set, "bench/out/forecast/taylor.csv");
 */
export function writeLongCsv(set, path) {
  const rows = ["unique_id,ds,y"];
  for (const s of set.series) {
    let time = s.start;
    for (let t = 0; t < s.values.length; t++) {
      rows.push(`${JSON.stringify(s.id)},${formatDs(set.freq, time)},${s.values[t]}`);
      time = addSteps(s.grid, time, 1);
    }
  }
  writeFileSync(path, `${rows.join("\n")}\n`);
}

export { demoCellsCsv, out as benchOut };
