// npm run bench:ingest — generates ~2 M demo events, ingests them with `avails ingest`, and in the same run
// times DuckDB's own read_json + dedupe + GROUP BY on the same files. Prints events/s, the ratio and peak RSS.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDemo } from "../dist/demo/generate.js";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "out");
const logs = join(out, "logs");
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const target = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const days = 120;

/** Runs node with args in a child process; returns its wall time, stdout and peak RSS. */
function measure(args, env = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", join(here, "report-rss.js"), ...args], {
    env: { ...process.env, TZ: "UTC", ...env },
    maxBuffer: 64 * 1024 * 1024,
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  const rss = /BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr)?.[1];
  return { seconds, stdout: result.stdout, rssMb: rss === undefined ? null : Number(rss) / 1024 };
}

// 1. The data: generated once, reused while its manifest matches.
const manifestPath = join(logs, "manifest.json");
let manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : null;
let generation = null;
if (manifest === null || manifest.seed !== 7 || Math.abs(manifest.rows_written - target) > target * 0.05) {
  rmSync(logs, { recursive: true, force: true });
  const started = performance.now();
  manifest = await generateDemo({
    outDir: logs,
    seed: 7,
    days,
    scale: Math.round((target / days) * 0.985),
    format: "ndjson",
    gzip: false,
    end: new Date(Date.UTC(2026, 10, 1)),
  });
  generation = (performance.now() - started) / 1000;
}
const rows = manifest.rows_written;

// 2. Both ingests, alternating, best of the rounds.
const avails = [];
const duckdb = [];
const persisting = [];
for (let round = 0; round < rounds; round++) {
  const store = join(out, "store");
  rmSync(store, { recursive: true, force: true });
  const ours = measure([join(here, "../dist/cli/main.js"), "--store", store, "ingest", "--json", logs]);
  const report = JSON.parse(ours.stdout);
  if (report.accepted + report.duplicates + report.quarantinedTotal !== rows) {
    throw new Error(
      `avails accounted for ${report.accepted + report.duplicates + report.quarantinedTotal} of ${rows} rows`,
    );
  }
  avails.push(ours);
  duckdb.push(measure([join(here, "duckdb-baseline.js"), logs, join(out, "baseline.duckdb")]));
  persisting.push(measure([join(here, "duckdb-baseline.js"), logs, join(out, "baseline.duckdb"), "persist"]));
}

const best = (runs) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const peak = (runs) => Math.max(...runs.map((r) => r.rssMb ?? 0));
const a = best(avails);
const d = best(duckdb);
const p = best(persisting);
const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(
  `bench:ingest — ${fmt(rows)} NDJSON rows (${days} days of demo logs, seed 7), best of ${rounds} rounds\n`,
);
if (generation !== null) {
  console.log(`generation: ${generation.toFixed(1)} s, ${fmt(rows / generation)} events/s\n`);
}
console.log("| system | seconds | events/s | ratio to DuckDB | peak RSS (MiB) |");
console.log("| --- | ---: | ---: | ---: | ---: |");
console.log(
  `| avails ingest (validate, quarantine, dedupe, cube, commit) | ${a.seconds.toFixed(2)} | ${fmt(rows / a.seconds)} | ${(d.seconds / a.seconds).toFixed(2)} | ${fmt(peak(avails))} |`,
);
console.log(
  `| DuckDB read_json + QUALIFY dedupe + GROUP BY | ${d.seconds.toFixed(2)} | ${fmt(rows / d.seconds)} | 1.00 | ${fmt(peak(duckdb))} |`,
);
console.log(
  `| DuckDB, also persisting the deduplicated events (as avails must) | ${p.seconds.toFixed(2)} | ${fmt(rows / p.seconds)} | ${(d.seconds / p.seconds).toFixed(2)} | ${fmt(peak(persisting))} |`,
);
