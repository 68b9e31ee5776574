// node bench/forecast/interval-shape.js — the shape of auto's interval misfit per data set: the percentiles (25, 50,
// 80, 95) of each test error over its forecast's 80% half-width, the median ratio of the 95% to the 80% half-width,
// and the 80% coverage by step of the horizon, over bench:forecast's test cases (5 windows). A calibrated interval
// puts the 80th percentile at 1; normal errors put the 25th, 50th and 95th at 0.25, 0.53 and 1.53. BENCH_SETS picks
// sets by substring (default every set, the held-out ones included). Needs `npm run build`.
import { forecastSeries } from "../../dist/forecast/forecast-series.js";
import { resolveModel } from "../../dist/forecast/models/registry.js";
import { loadDatasets, loadHeldOutDatasets } from "./datasets.js";
import { testCases } from "./test-cases.js";

const WINDOWS = 5;
const filter = process.env.BENCH_SETS?.split(",");
const sets = [...(await loadDatasets()), ...(await loadHeldOutDatasets())].filter(
  (set) => filter === undefined || filter.some((part) => set.name.includes(part)),
);
const auto = resolveModel("auto");
const percentile = (sorted, p) => sorted[Math.floor(p * (sorted.length - 1))];

console.log(
  "| set | test error / 80% half-width, p25 / p50 / p80 / p95 | 95% / 80% half-width, median | 80% coverage by step |",
);
console.log("| --- | ---: | ---: | --- |");
for (const set of sets) {
  const ratios = [];
  const widths = [];
  const inside = new Array(set.horizon).fill(0);
  const points = new Array(set.horizon).fill(0);
  for (const c of testCases(set, WINDOWS)) {
    const request = { model: auto, horizon: set.horizon, levels: [80, 95], seasons: set.seasons };
    const { mean, lower, upper } = forecastSeries(c.train, request).result;
    for (let j = 0; j < set.horizon; j++) {
      const half80 = (upper[0][j] - lower[0][j]) / 2;
      const ratio = Math.abs(c.actual[j] - mean[j]) / half80;
      ratios.push(ratio);
      widths.push((upper[1][j] - lower[1][j]) / 2 / half80);
      points[j]++;
      if (ratio <= 1) inside[j]++;
    }
  }
  ratios.sort((a, b) => a - b);
  widths.sort((a, b) => a - b);
  const body = [0.25, 0.5, 0.8, 0.95].map((p) => percentile(ratios, p).toFixed(2)).join(" / ");
  const steps = inside.map((k, j) => Math.round((100 * k) / points[j])).join(" ");
  console.log(`| ${set.name} | ${body} | ${percentile(widths, 0.5).toFixed(2)} | ${steps} |`);
}
