// npm run bench:hierarchy — issue 5's targets, measured:
//  1. speed, on a synthetic 500-leaf store (25 geos × 5 devices × 4 contents, 780 series, 120 days hourly):
//     the whole `avails forecast` CLI (forecast, reconcile, sample paths, store, publish) against the 60 s target,
//     and `avails query` in-process (35 days daily) against 5 ms, with the paths written out as its peer;
//  2. accuracy, on demo data: runs as of several origins, 14 days ahead, scored against the full store's cube
//     (WAPE and 80% coverage for the total, each geo, each geo×device and 20 random targetings), MinT-shrink
//     against the other reconciliation methods.
// BENCH_SPEED=0 or BENCH_ACCURACY=0 skip a part; BENCH_RUNS, BENCH_CALLS, BENCH_ORIGINS (days back, comma-
// separated), BENCH_METHODS, BENCH_DEMO_DAYS, BENCH_DEMO_SCALE, BENCH_PATHS shrink it for a quick check;
// BENCH_DEMO_SEED picks another demo data set.
// The stores are cached under bench/out/hierarchy.
import { loadConfig } from "../dist/config/load-config.js";
import { openStore } from "../dist/store/duckdb-store.js";
import { accuracyBench, accuracyTable } from "./hierarchy/accuracy.js";
import { speedBench } from "./hierarchy/speed.js";
import { demoStore, syntheticStore } from "./hierarchy/stores.js";

const env = (name, fallback) => process.env[name] ?? fallback;
const list = (text) => text.split(",").map((s) => s.trim());

const lines = ["## bench:hierarchy"];
if (env("BENCH_SPEED", "1") !== "0") {
  const synthetic = await syntheticStore({ days: 120, seed: 7 });
  lines.push("\n### Speed (synthetic 500-leaf store)");
  lines.push(
    ...(await speedBench(synthetic, {
      runs: Number(env("BENCH_RUNS", 2)),
      calls: Number(env("BENCH_CALLS", 200)),
    })),
  );
}
if (env("BENCH_ACCURACY", "1") !== "0") {
  const demo = {
    days: Number(env("BENCH_DEMO_DAYS", 150)),
    seed: Number(env("BENCH_DEMO_SEED", 11)),
    scale: Number(env("BENCH_DEMO_SCALE", 10_000)),
  };
  const { store: dir, end } = await demoStore(demo);
  const origins = list(env("BENCH_ORIGINS", "98,84,70,56,42,28,14")).map(Number);
  const methods = list(env("BENCH_METHODS", "mint-shrink,bottom-up,wls"));
  const config = loadConfig();
  const store = await openStore(dir, config);
  let scores;
  try {
    scores = await accuracyBench(store, config, {
      end,
      origins,
      horizon: 336,
      methods,
      targetings: 20,
      seed: 5,
      paths: Number(env("BENCH_PATHS", 500)),
      hourly: true,
      // The run's model (BENCH_MODEL, a name or ensemble spec `--model` takes); default auto.
      model: process.env.BENCH_MODEL,
    });
  } finally {
    await store.close();
  }
  const leaves = scores[methods[0]];
  lines.push(
    `\n### Accuracy (demo data: ${demo.days} days, seed ${demo.seed}, scale ${demo.scale}; origins ${origins.join(", ")} days before ${end}; 336-hour horizon; model ${process.env.BENCH_MODEL ?? "auto"}; pooled over origins)\n`,
    `Daily matched opportunities: mean and [P10, P90] from the summed sample paths against the full store's cube. ${leaves["random targetings"].count / origins.length / 14} random targetings of 2–4 geos × 1–3 devices (seed 5). Target: daily 80% coverage in [0.75, 0.85] at every level.\n`,
    ...accuracyTable(scores, true),
    "\n| method | run seconds per origin (in-process runForecast, 66 series) |",
    "| --- | --- |",
    ...methods.map((m) => `| ${m} | ${scores[m].runs.map((r) => r.seconds.toFixed(1)).join(", ")} |`),
  );
}
console.log(lines.join("\n"));
