// The peers of the forecast benchmark: @bsull/augurs (Grafana's Rust forecasting library compiled to WASM, run
// in this process) and R's forecast package (Hyndman) through Rscript, when R is installed.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeLongCsv } from "./datasets.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Loads an augurs module, initialising its WASM from the file (Node has no fetch of file URLs). */
async function augurs(name) {
  const url = import.meta.resolve(`@bsull/augurs/${name}`);
  const module = await import(url);
  await module.default({ module_or_path: readFileSync(new URL(`./${name}_bg.wasm`, url)) });
  return module;
}

/** An augurs model's forecast for every level: one predict call per level (augurs gives one interval a call). */
function predictLevels(model, horizon, levels) {
  const lower = [];
  const upper = [];
  let mean = null;
  for (const level of levels) {
    const forecast = model.predict(horizon, level / 100);
    mean ??= Float64Array.from(forecast.point);
    lower.push(Float64Array.from(forecast.intervals.lower));
    upper.push(Float64Array.from(forecast.intervals.upper));
  }
  return { mean, lower, upper };
}

/**
 * The augurs models, in the benchmark's model shape `{ name, forecast(y, seasons, horizon, levels) }`, returning
 * `{ mean, lower[], upper[] }`: MSTL with an AutoETS trend on every seasonal period, and AutoETS on the series
 * itself. augurs-ets has no seasonal ETS models yet: "ZZZ" panics ("seasonal component not implemented yet") on
 * some series (both classic quarterly ones), so it searches "ZZN", and seasonality in augurs comes from MSTL.
 *
 * @example
 * for (const model of await augursModels()) model.forecast(y, [24, 168], 168, [80, 95]);
 */
export async function augursModels() {
  const { MSTL } = await augurs("mstl");
  const { AutoETS } = await augurs("ets");
  return [
    {
      name: "augurs MSTL+AutoETS",
      forecast(y, seasons, horizon, levels) {
        const model = MSTL.ets(seasons);
        try {
          model.fit(y);
          return predictLevels(model, horizon, levels);
        } finally {
          model.free();
        }
      },
    },
    {
      name: "augurs AutoETS (non-seasonal)",
      forecast(y, seasons, horizon, levels) {
        const model = new AutoETS(seasons[0], "ZZN");
        try {
          model.fit(y);
          return predictLevels(model, horizon, levels);
        } finally {
          model.free();
        }
      },
    },
  ];
}

/** Whether Rscript is on the PATH. */
export function hasR() {
  return spawnSync("Rscript", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Splits a line of R's write.csv output (every string quoted, no quotes inside). */
function fields(line) {
  return line.split(",").map((field) => (field.startsWith('"') ? field.slice(1, -1) : field));
}

function readCsv(path) {
  const [header, ...lines] = readFileSync(path, "utf8").trim().split("\n");
  const names = fields(header);
  return lines.map((line) => {
    const values = fields(line);
    return Object.fromEntries(names.map((name, i) => [name, values[i]]));
  });
}

/**
 * Runs R's forecast package on a data set: /work/shared/peers/peers.R for hourly and daily data (seasons 24 and
 * 168, or 7), the companion peers-seasonal.R for one period (monthly 12, quarterly 4). Both hold out the last
 * `horizon` points and give 80% and 95% intervals. Each test case of `set.cases` goes to R as a series of its
 * own, cut after its test window. Returns, per model, each case's forecast (by its key) and the seconds its fit
 * and forecast took.
 *
 * @example
 * const r = runR(set, ["ets", "theta"], "bench/out/forecast/r-taylor");
 * r.get("ets").forecasts.get("taylor").mean;
 */
export function runR(set, models, dir, peersScript) {
  mkdirSync(dir, { recursive: true });
  const input = join(dir, "input.csv");
  // One series per test case, cut after its test window, so that R's holdout of the last h points is that case's.
  const series = set.cases.map((c) => ({
    id: c.key,
    values: c.series.values.subarray(0, c.train.length + set.horizon),
    start: c.series.start,
    grid: c.series.grid,
  }));
  writeLongCsv({ ...set, series }, input);
  const args =
    set.freq === "hourly" || set.freq === "daily"
      ? [peersScript, input, set.freq, `${set.horizon}`, dir, models.join(",")]
      : [join(here, "peers-seasonal.R"), input, `${set.seasons[0]}`, `${set.horizon}`, dir, models.join(",")];
  const result = spawnSync("Rscript", args, { encoding: "utf8", maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`Rscript ${args.join(" ")} failed:\n${result.stderr}`);
  const byModel = new Map(models.map((model) => [model, { forecasts: new Map(), seconds: new Map() }]));
  for (const row of readCsv(join(dir, "peer_times.csv"))) {
    if (row.ok === "TRUE") byModel.get(row.model).seconds.set(row.unique_id, Number(row.seconds));
  }
  for (const row of readCsv(join(dir, "peer_forecasts.csv"))) {
    const forecasts = byModel.get(row.model).forecasts;
    let forecast = forecasts.get(row.unique_id);
    if (forecast === undefined) {
      forecast = { mean: [], lower: [[], []], upper: [[], []] };
      forecasts.set(row.unique_id, forecast);
    }
    forecast.mean.push(Number(row.mean));
    forecast.lower[0].push(Number(row.lo80));
    forecast.upper[0].push(Number(row.hi80));
    forecast.lower[1].push(Number(row.lo95));
    forecast.upper[1].push(Number(row.hi95));
  }
  return byModel;
}
