// node bench/forecast/windows-check.js — whether a gap between avails' auto and augurs' models on a data set holds
// with more test windows: for each count in BENCH_WINDOWS_LIST (default 5,8,11), the mean MASE of auto, avails'
// ets and augurs' two models over the set's test cases, and auto against each augurs model case by case (mean
// difference, t, cases won; |t| < 1.96 is within chance). BENCH_SETS picks sets by substring (default "demo
// daily"). In-process peers only: R's are in bench:forecast. Needs `npm run build`.
import { forecastSeries } from "../../dist/forecast/forecast-series.js";
import { resolveModel } from "../../dist/forecast/models/registry.js";
import { pairedDifference } from "../../dist/metrics/index.js";
import { loadDatasets, loadHeldOutDatasets } from "./datasets.js";
import { mase } from "./metrics.js";
import { augursModels } from "./peers.js";
import { testCases } from "./test-cases.js";

const LEVELS = [80, 95];
const counts = (process.env.BENCH_WINDOWS_LIST ?? "5,8,11").split(",").map(Number);
for (const count of counts) {
  if (!(Number.isInteger(count) && count >= 1))
    throw new Error(`BENCH_WINDOWS_LIST: "${count}" is not a whole number >= 1`);
}
const filter = (process.env.BENCH_SETS ?? "demo daily").split(",");
const sets = [...(await loadDatasets()), ...(await loadHeldOutDatasets())].filter((set) =>
  filter.some((part) => set.name.includes(part)),
);
if (sets.length === 0) throw new Error(`BENCH_SETS: no data set matches "${filter.join(",")}"`);

const ours = [
  { name: "avails auto", model: resolveModel("auto") },
  { name: "avails ets", model: resolveModel("ets") },
];
const peers = await augursModels();
const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;

console.log(
  "| set | windows | cases | model | MASE | auto against it: difference per case | t | auto better |",
);
console.log("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
for (const set of sets) {
  for (const count of counts) {
    const cases = testCases(set, count);
    const scores = new Map([...ours, ...peers].map((m) => [m.name, []]));
    for (const c of cases) {
      const score = (forecastMean) => mase(c.train, c.actual, forecastMean, set.seasons[0]);
      for (const { name, model } of ours) {
        const request = { model, horizon: set.horizon, levels: LEVELS, seasons: set.seasons };
        scores.get(name).push(score(forecastSeries(c.train, request).result.mean));
      }
      for (const peer of peers) {
        scores.get(peer.name).push(score(peer.forecast(c.train, set.seasons, set.horizon, LEVELS).mean));
      }
    }
    const auto = scores.get("avails auto");
    for (const [name, values] of scores) {
      const cells = [set.name, count, cases.length, name, mean(values).toFixed(4)];
      if (name === "avails auto") cells.push("", "", "");
      else {
        const p = pairedDifference(auto, values);
        const sign = p.meanDifference > 0 ? "+" : "";
        cells.push(`${sign}${p.meanDifference.toFixed(4)}`, p.t.toFixed(2), `${p.aBetter} of ${p.count}`);
      }
      console.log(`| ${cells.join(" | ")} |`);
    }
  }
}
