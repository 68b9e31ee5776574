// AutoARIMA's speed against the npm `arima` package (auto mode, same SARIMA period), CPU time, interleaved case
// by case in this process (interleavedMs): avails' bare model (fit + forecast with its normal intervals) and the
// product path (forecastSeries, conformal calibration by forecastOrigins included), on the classic monthly and
// quarterly series at the 5 windows of arima-tables.js. Run after `npm run build`:
// `node bench/forecast/arima-speed.js` (BENCH_ARIMA_ROUNDS rounds, default 3; BENCH_ARIMA_SETS=monthly to pick).
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { forecastSeries } from "../../dist/forecast/forecast-series.js";
import { resolveModel } from "../../dist/forecast/models/registry.js";
import { normalQuantile } from "../../dist/forecast/normal-quantile.js";
import { readLongFormat } from "../../dist/series/read-long-format.js";
import { interleavedMs } from "./interleaved-speed.js";

const LEVELS = [80, 95];
const WINDOWS = 5;
const rounds = Number(process.env.BENCH_ARIMA_ROUNDS ?? 3);
const dir = process.env.BENCH_DATA ?? "/work/shared/data";
if (!existsSync(join(dir, "classic_monthly.csv")))
  throw new Error(`no shared data in ${dir}; set BENCH_DATA`);
const ARIMA = createRequire(import.meta.url)("arima");

function npmArima(y, horizon, period) {
  const model = new ARIMA({ auto: true, s: period, verbose: false });
  try {
    model.train(Array.from(y));
    const [mean, variance] = model.predict(horizon);
    const z = LEVELS.map((level) => normalQuantile(0.5 + level / 200));
    return {
      mean: Float64Array.from(mean),
      lower: z.map((zl) => Float64Array.from(mean, (m, h) => m - zl * Math.sqrt(variance[h]))),
      upper: z.map((zl) => Float64Array.from(mean, (m, h) => m + zl * Math.sqrt(variance[h]))),
    };
  } finally {
    model.destroy();
  }
}

/** Every series cut at the 5 windows of arima-tables.js, each cut ending with its test window. */
function windows(series, horizon, minTrain) {
  const cut = [];
  for (const s of series) {
    for (let w = 0; w < WINDOWS; w++) {
      const end = s.values.length - w * horizon;
      if (end - horizon < minTrain) break;
      cut.push({ values: s.values.subarray(0, end) });
    }
  }
  return cut;
}

const sets = [
  { name: "monthly", file: "classic_monthly.csv", freq: "monthly", seasons: [12], horizon: 12 },
  { name: "quarterly", file: "classic_quarterly.csv", freq: "quarterly", seasons: [4], horizon: 8 },
];
const only = process.env.BENCH_ARIMA_SETS?.split(",");
const model = resolveModel("arima");
console.log(`CPU ms per series, median over cases of the median of ${rounds} interleaved rounds\n`);
console.log("| data set | avails | ms | npm arima ms | times faster |");
console.log("| --- | --- | ---: | ---: | ---: |");
for (const set of sets) {
  if (only !== undefined && !only.includes(set.name)) continue;
  const series = windows(
    await readLongFormat(join(dir, set.file), set.freq),
    set.horizon,
    3 * set.seasons[0],
  );
  const request = { horizon: set.horizon, levels: LEVELS, seasons: set.seasons };
  const peer = (y) => npmArima(y, set.horizon, set.seasons[0]);
  const paths = [
    ["bare model", (y) => model.forecast(y, request)],
    ["product path", (y) => forecastSeries(y, { model, ...request })],
  ];
  for (const [label, ours] of paths) {
    const ms = interleavedMs(series, set.horizon, ours, peer, rounds);
    console.log(
      `| ${set.name} (${series.length} cases) | ${label} | ${ms.ours.toFixed(1)} | ${ms.peer.toFixed(1)} | ` +
        `${(ms.peer / ms.ours).toFixed(2)} |`,
    );
  }
}
