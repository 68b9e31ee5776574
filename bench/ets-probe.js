// Speed probe for the ETS models (not a test): node bench/ets-probe.js after `npm run build`.
// ETS_BUILD=/path/to/compiled/src points at another build. Prints the best of several rounds of CPU time
// (process.cpuUsage, so that other processes on a shared machine count less), in ms, next to Grafana's augurs
// (Rust/WASM; its AutoETS fits non-seasonal forms only) measured in the same process.
import { readFileSync } from "node:fs";

const build = process.env.ETS_BUILD ?? new URL("../dist", import.meta.url).pathname;
const { ets, autoEts } = await import(`${build}/forecast/models/ets/ets.js`);

function series(n, period, seed) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const y = new Float64Array(n);
  let level = 1000;
  for (let t = 0; t < n; t++) {
    level += 0.5 + (uniform() - 0.5) * 8;
    const weekly = period > 1 ? 1 + 0.25 * Math.sin((2 * Math.PI * t) / period) : 1;
    y[t] = level * weekly * (1 + (uniform() - 0.5) * 0.08);
  }
  return y;
}

function best(label, fn, rounds = 7, reps = 10) {
  for (let i = 0; i < 3; i++) fn();
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = process.cpuUsage();
    for (let i = 0; i < reps; i++) fn();
    const used = process.cpuUsage(start);
    min = Math.min(min, (used.user + used.system) / 1000 / reps);
  }
  console.log(`${label.padEnd(58)} ${min.toFixed(2)} ms`);
  return min;
}

const daily = series(180, 7, 1);
const long = series(4000, 1, 2);
const weekly = { horizon: 14, levels: [80, 95], seasons: [7] };
const plain = { horizon: 14, levels: [80, 95], seasons: [] };
for (const [error, trend, season] of [
  ["A", "Ad", "A"],
  ["M", "Ad", "M"],
  ["M", "A", "M"],
  ["A", "N", "N"],
]) {
  const model = ets({ error, trend, season });
  best(`ets(${error},${trend},${season}) fit + 80/95 intervals, 180 daily, season 7`, () =>
    model.forecast(daily, weekly),
  );
}
best("autoEts, 180 daily, season 7", () => autoEts.forecast(daily, weekly));
best("autoEts, 180 daily, no season", () => autoEts.forecast(daily, plain));
best("autoEts, 4000 points, no season", () => autoEts.forecast(long, plain), 3, 2);

try {
  const augurs = await import("@bsull/augurs/ets");
  const wasm = new URL("../node_modules/@bsull/augurs/ets_bg.wasm", import.meta.url);
  augurs.initSync({ module: readFileSync(wasm) });
  const run = (y, period, spec) => () => {
    const model = new augurs.AutoETS(period, spec);
    model.fit(y);
    model.predict(14, 0.95);
    model.free();
  };
  best("augurs AutoETS ZZZ (fits no seasonal form), 180 daily", run(daily, 7, "ZZZ"));
  best("augurs AutoETS ZZN, 180 daily", run(daily, 1, "ZZN"));
  best("augurs AutoETS ZZN, 4000 points", run(long, 1, "ZZN"), 3, 2);
} catch (error) {
  console.log(`augurs not measured: ${error.message}`);
}
