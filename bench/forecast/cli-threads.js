// node bench/forecast/cli-threads.js — `avails forecast --input` (auto, h = 168) on 10 to 200 demo hourly series
// of 4,008 points, wall seconds, under each thread setting: the default (this thread first, workers once the job
// proves long) and AVAILS_WORKERS = 0, 1 and 2, interleaved so that the machine's load falls on all alike. The
// series beyond the demo's 50 are copies under new ids. BENCH_SERIES (default 10,30,50,100,200) and BENCH_RUNS
// (default 3) shrink it. Needs `npm run build` and the demo series of bench:forecast (bench/out/forecast/demo).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchOut } from "./datasets.js";
import { forecastWallSeconds } from "./time-cli.js";

const counts = (process.env.BENCH_SERIES ?? "10,30,50,100,200").split(",").map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const source = join(benchOut, "demo", "geo-device-hourly.csv");
if (!existsSync(source)) throw new Error(`${source}: missing; run npm run bench:forecast once to make it`);
const settings = { default: undefined, "0 workers": "0", "1 worker": "1", "2 workers": "2" };

/** The first `count` series of the demo file, copies of it under new ids beyond its own. */
function inputOf(count) {
  const [header, ...rows] = readFileSync(source, "utf8").trim().split("\n");
  const ids = [...new Set(rows.map((row) => row.slice(0, row.indexOf(","))))];
  const out = [header];
  for (let k = 0; k < count; k++) {
    const id = ids[k % ids.length];
    const copy = Math.floor(k / ids.length);
    for (const row of rows) {
      if (!row.startsWith(`${id},`)) continue;
      out.push(copy === 0 ? row : `${id}#${copy}${row.slice(id.length)}`);
    }
  }
  const path = join(benchOut, `cli-threads-${count}.csv`);
  writeFileSync(path, `${out.join("\n")}\n`);
  return path;
}

function wallSeconds(input, workers) {
  const env = { ...process.env };
  if (workers === undefined) delete env.AVAILS_WORKERS;
  else env.AVAILS_WORKERS = workers;
  return forecastWallSeconds(input, join(benchOut, "cli-threads-out.csv"), env);
}

console.log(`| series | ${Object.keys(settings).join(" | ")} |`);
console.log(
  `| ---: | ${Object.keys(settings)
    .map(() => "---:")
    .join(" | ")} |`,
);
for (const count of counts) {
  const input = inputOf(count);
  const times = Object.fromEntries(Object.keys(settings).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, workers] of Object.entries(settings)) times[name].push(wallSeconds(input, workers));
  }
  const range = (t) => `${Math.min(...t).toFixed(2)}-${Math.max(...t).toFixed(2)}`;
  console.log(`| ${count} | ${Object.values(times).map(range).join(" | ")} |`);
}
