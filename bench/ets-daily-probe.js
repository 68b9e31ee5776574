// Speed probe for AutoETS on the benchmark's demo daily series (not a test): after `npm run build` and one run of
// bench/forecast.js (which writes bench/out/forecast/demo/geo-daily.csv),
//   node bench/ets-daily-probe.js [build ...]
// times `ets().forecast(train, { horizon: 14, levels: [80, 95], seasons: [7] })` of each build (default ./dist; pass
// another build's compiled folder to compare) against augurs' AutoETS(7, "ZZN") fit + predict at 80 and 95, series
// by series and interleaved, so that the load of a shared machine falls on all of them alike. Median over series of
// the median over rounds, in CPU ms (process.cpuUsage; WALL=1 for wall-clock ms). ROUNDS=n rounds (default 5).
import { readFileSync } from "node:fs";

const repo = new URL("..", import.meta.url).pathname;
const builds = process.argv.length > 2 ? process.argv.slice(2) : [`${repo}dist`];
const rows = readFileSync(`${repo}bench/out/forecast/demo/geo-daily.csv`, "utf8").trim().split("\n").slice(1);
const byId = new Map();
for (const row of rows) {
  const [id, , y] = row.split(",");
  if (!byId.has(id)) byId.set(id, []);
  byId.get(id).push(Number(y));
}
const trains = [...byId.values()].map((v) => Float64Array.from(v.slice(0, v.length - 14)));
const models = [];
for (const build of builds) models.push([build, (await import(`${build}/forecast/models/ets/ets.js`)).ets()]);
const augurs = await import("@bsull/augurs/ets");
augurs.initSync({ module: readFileSync(`${repo}node_modules/@bsull/augurs/ets_bg.wasm`) });
const request = { horizon: 14, levels: [80, 95], seasons: [7] };
const runAugurs = (y) => {
  const model = new augurs.AutoETS(7, "ZZN");
  model.fit(y);
  model.predict(14, 0.8);
  model.predict(14, 0.95);
  model.free();
};
const wall = process.env.WALL === "1";
const start = () => (wall ? performance.now() : process.cpuUsage());
const elapsed = (from) => {
  if (wall) return performance.now() - from;
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const rounds = Number(process.env.ROUNDS ?? 5);
const ours = models.map(() => trains.map(() => []));
const theirs = trains.map(() => []);
// Round 0 warms the JIT and is not counted.
for (let round = 0; round <= rounds; round++) {
  trains.forEach((y, i) => {
    let from = start();
    runAugurs(y);
    if (round > 0) theirs[i].push(elapsed(from));
    models.forEach(([, model], k) => {
      from = start();
      model.forecast(y, request);
      if (round > 0) ours[k][i].push(elapsed(from));
    });
  });
}
const peer = median(theirs.map(median));
console.log(`augurs AutoETS(7, "ZZN") ${peer.toFixed(2)} ms`);
models.forEach(([build], k) => {
  const ms = median(ours[k].map(median));
  console.log(`${build}: ets ${ms.toFixed(2)} ms, ${(peer / ms).toFixed(2)} times faster than augurs`);
});
