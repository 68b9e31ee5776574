// Part of `npm run bench:scale` (bench/scale.js runs it after the streaming part; `node bench/scale-forecast.js`
// runs it alone, with a redis-server of its own): one forecast of N daily series (default 10,000 x 182 days,
// `avails forecast --input --freq daily --horizon 28 --model theta`), in the same run
//  1. single process: this machine's worker threads (one per core),
//  2. --queue with 1 `avails worker` process (one thread per core),
//  3. --queue with 2 `avails worker` processes (one thread per core each),
// 2 and 3 at shard sizes 32 (the default) and 256 (BENCH_SHARD_SIZES),
// each wall time from the coordinator's start to its exit (workers started and waiting beforehand, as
// long-running services are), series/s, ratio to the single process, Redis memory at its highest, and a check
// that every queued output CSV is byte-identical to the single-process one.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";

const here = dirname(fileURLToPath(import.meta.url));
const cliPath = join(here, "../dist/cli/main.js");
const fmt = (x) => Math.round(x).toLocaleString("en-US");

/** N daily series: level, weekly cycle, trend and noise from a fixed LCG, as unique_id,ds,y. */
function seriesCsv(path, count, days) {
  let state = 11;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const dates = Array.from({ length: days }, (_, d) =>
    new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10),
  );
  const lines = ["unique_id,ds,y"];
  for (let s = 0; s < count; s++) {
    const level = 50 + 1000 * random();
    const amplitude = 0.1 + 0.3 * random();
    const trend = (random() - 0.5) * 0.002;
    const id = `s${String(s).padStart(5, "0")}`;
    for (let d = 0; d < days; d++) {
      const cycle = 1 + amplitude * Math.sin((2 * Math.PI * d) / 7);
      const y = Math.max(0, Math.round(level * (1 + trend * d) * cycle * (1 + 0.1 * (random() - 0.5))));
      lines.push(`${id},${dates[d]},${y}`);
    }
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

function startWorker(url) {
  const child = spawn(process.execPath, [cliPath, "worker", "--queue", url], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, TZ: "UTC" },
  });
  let log = "";
  const ready = new Promise((resolve, reject) => {
    child.stderr.on("data", (chunk) => {
      log += chunk;
      if (log.includes("waiting for shards")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`avails worker exited (${code}): ${log}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return { child, ready, exited, shards: () => (log.match(/: done in /g) ?? []).length };
}

/** Runs the CLI to completion while sampling Redis' used memory; wall seconds and the highest memory. */
async function timed(args, client) {
  let peak = 0;
  let sampling = true;
  const sample = (async () => {
    while (sampling) {
      if (client) {
        const info = await client.info("memory");
        peak = Math.max(peak, Number(info.match(/used_memory:(\d+)/)?.[1] ?? 0));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const started = performance.now();
  const child = spawn(process.execPath, [cliPath, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TZ: "UTC" },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  child.stdout.resume();
  const code = await new Promise((resolve) => child.once("exit", resolve));
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sample;
  if (code !== 0) throw new Error(`avails ${args.join(" ")} failed: ${stderr}`);
  return { seconds, peak };
}

/**
 * The forecast part of bench:scale on the redis-server at `port`; prints its tables.
 *
 * @example await benchForecastQueue({ port: 6379, work: "/tmp/bench" });
 */
export async function benchForecastQueue({ port, work }) {
  const count = Number(process.env.BENCH_FORECAST_SERIES ?? 10_000);
  const days = Number(process.env.BENCH_FORECAST_DAYS ?? 182);
  const shardSizes = (process.env.BENCH_SHARD_SIZES ?? "32,256").split(",");
  const url = `redis://127.0.0.1:${port}/1`;
  const csv = join(work, "series.csv");
  seriesCsv(csv, count, days);
  const common = ["forecast", "--input", csv, "--freq", "daily", "--horizon", "28", "--model", "theta"];
  const client = new Redis({ host: "127.0.0.1", port, db: 1 });
  const baseline = Number((await client.info("memory")).match(/used_memory:(\d+)/)?.[1] ?? 0);
  const rows = [];
  try {
    const single = join(work, "single.csv");
    rows.push({ name: "single process (worker threads)", ...(await timed([...common, "--output", single])) });
    const expected = readFileSync(single);
    for (const shardSize of shardSizes) {
      for (const processes of [1, 2]) {
        const workers = Array.from({ length: processes }, () => startWorker(url));
        await Promise.all(workers.map((w) => w.ready));
        const output = join(work, `queue-${processes}.csv`);
        const run = await timed(
          [...common, "--output", output, "--queue", url, "--shard-size", shardSize],
          client,
        );
        for (const w of workers) w.child.kill("SIGTERM");
        await Promise.all(workers.map((w) => w.exited));
        const identical = readFileSync(output).equals(expected);
        if (!identical)
          throw new Error(`--queue with ${processes} workers: the output differs from the single process`);
        rows.push({
          name: `--queue --shard-size ${shardSize}, ${processes} avails worker process${processes > 1 ? "es" : ""}`,
          ...run,
          shards: workers.map((w) => w.shards()).join(" + "),
          identical,
        });
      }
    }
  } finally {
    await client.quit();
  }
  const cores = availableParallelism();
  console.log(
    `\nforecast workers: ${fmt(count)} daily series x ${days} days, horizon 28, model theta, ${cores} cores; ` +
      `each process ${cores} threads; workers started and waiting before the clock starts\n`,
  );
  console.log(
    "| system | seconds | series/s | ratio to single process | shards per worker | Redis memory peak (MB) | output identical |",
  );
  console.log("| --- | ---: | ---: | ---: | --- | ---: | --- |");
  const reference = rows[0].seconds;
  for (const r of rows) {
    const memory = r.peak > 0 ? ((r.peak - baseline) / 1e6).toFixed(1) : "";
    console.log(
      `| ${r.name} | ${r.seconds.toFixed(2)} | ${fmt(count / r.seconds)} | ${(reference / r.seconds).toFixed(2)} | ${r.shards ?? ""} | ${memory} | ${r.identical === undefined ? "(reference)" : r.identical ? "yes" : "no"} |`,
    );
  }
}

/** A free TCP port on 127.0.0.1: bound, then released. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const work = mkdtempSync(join(tmpdir(), "avails-bench-forecast-"));
  const port = await freePort();
  const redis = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", work],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    await new Promise((resolve, reject) => {
      redis.once("error", (error) => reject(new Error(`redis-server: ${error.message}`)));
      let out = "";
      redis.stdout.on("data", (chunk) => {
        out += chunk;
        if (out.includes("Ready to accept connections")) resolve();
      });
    });
    console.log(
      `redis-server ${spawnSync("redis-server", ["--version"], { encoding: "utf8" }).stdout.match(/v=(\S+)/)?.[1]}`,
    );
    await benchForecastQueue({ port, work });
  } finally {
    redis.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }
}
