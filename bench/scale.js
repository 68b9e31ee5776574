// npm run bench:scale — streaming ingestion with a real redis-server on a loopback port:
//  1. throughput: N events already in a Redis Stream, drained by `avails stream --until-empty` at two batch
//     sizes, against `avails ingest` of the same events as one NDJSON file and the CLI's start-up alone, in
//     the same run (ratios);
//  2. end-to-end lag: a producer XADDs at a steady rate while `avails stream` runs; each batch reports the
//     time from its oldest entry's XADD to the store commit (the moment the cube shows it); p50 / p95 / max.
//  3. pacing lag: `avails serve --stream` consumes the same kind of feed in-process; probe impressions of a live
//     campaign are XADDed one at a time and GET /v1/campaigns/:id/pacing is polled until delivered_to_date
//     counts each; p50 / p95 / max from the XADD to the first answer that counts it, against the pacing
//     request's own latency on the idle server (same run).
//  4. forecast workers (bench/scale-forecast.js): 10,000 daily series forecast single-process, and with
//     `--queue` on 1 and 2 `avails worker` processes, on the same redis-server.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { benchForecastQueue, freePort } from "./scale-forecast.js";

const here = dirname(fileURLToPath(import.meta.url));
const cliPath = join(here, "../dist/cli/main.js");
const events = Number(process.env.BENCH_STREAM_EVENTS ?? 100_000);
const rate = Number(process.env.BENCH_STREAM_RATE ?? 2_000);
const lagSeconds = Number(process.env.BENCH_STREAM_SECONDS ?? 20);
const probes = Number(process.env.BENCH_PACING_PROBES ?? 40);
const work = mkdtempSync(join(tmpdir(), "avails-bench-scale-"));
const fmt = (x) => Math.round(x).toLocaleString("en-US");

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", work],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise((resolve, reject) => {
    child.once("error", (error) =>
      reject(new Error(`redis-server: ${error.message} (apt-get install redis-server)`)),
    );
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("Ready to accept connections")) resolve();
    });
  });
  return { port, child };
}

/** The i-th synthetic event: opportunities over 4 geos x 2 devices x 48 hours, every 5th an impression. */
function event(i) {
  const time = new Date(Date.UTC(2026, 9, 1) + (i % 48) * 3_600_000 + 60_000).toISOString();
  const base = {
    event_id: `e${i}`,
    event_time: time,
    geo: ["SE", "NO", "DK", "FI"][i % 4],
    device: ["mobile", "tv"][i % 2],
  };
  return i % 5 === 4
    ? { ...base, event_type: "impression", campaign_id: `c${i % 7}`, cost_micros: 2500 }
    : { ...base, event_type: "opportunity" };
}

async function fill(client, stream, from, to) {
  for (let start = from; start < to; start += 5_000) {
    const pipeline = client.pipeline();
    for (let i = start; i < Math.min(to, start + 5_000); i++)
      pipeline.xadd(stream, "*", "event", JSON.stringify(event(i)));
    await pipeline.exec();
  }
}

/** Runs the CLI to completion; wall seconds and stdout. */
function timed(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    env: { ...process.env, TZ: "UTC" },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`avails ${args.join(" ")} failed: ${result.stderr}`);
  return { seconds: (performance.now() - started) / 1000, stdout: result.stdout };
}

function summaryOf(stdout) {
  const lines = stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  return { batches: lines.slice(0, -1), summary: lines[lines.length - 1].summary };
}

/**
 * 28 days of hourly opportunities from 2026-10-01 for four geo x device cells (as test/steady-traffic.ts), a
 * forecast published on it, a campaign live across the end of the data, a viewer token; then `avails serve
 * --stream` and the probes.
 */
async function pacingLag(streamUrl, cubeLags) {
  const store = join(work, "pacing");
  const cells = { "SE|mobile": 400, "SE|ctv": 100, "NO|mobile": 200, "NO|ctv": 50 };
  const traffic = [];
  for (let h = 0; h < 28 * 24; h++) {
    const cycle = 1 + 0.5 * Math.sin((2 * Math.PI * ((h % 24) - 12)) / 24);
    for (const [cell, base] of Object.entries(cells)) {
      const [geo, device] = cell.split("|");
      const time = Date.UTC(2026, 9, 1) + h * 3_600_000;
      traffic.push(
        JSON.stringify({
          event_id: `o-${cell}-${h}`,
          event_type: "opportunity",
          event_time: new Date(time + 30 * 60_000).toISOString(),
          geo,
          device,
          count: Math.round(base * cycle),
        }),
      );
    }
  }
  const trafficFile = join(work, "steady.ndjson");
  writeFileSync(trafficFile, `${traffic.join("\n")}\n`);
  // No load shedding and no scheduled forecasts: the figure is the feed's and the pacing route's alone.
  const config = join(work, "pacing.config.json");
  writeFileSync(config, JSON.stringify({ serve: { maxEventLoopDelayMs: 0, forecastEveryMinutes: 0 } }));
  const avails = (...args) => timed(["--store", store, "--config", config, ...args]);
  avails("ingest", trafficFile);
  avails("forecast", "--horizon", "96", "--paths", "200", "--history-days", "28");
  avails(
    ...["campaigns", "add", "--id", "c1", "--name", "C1", "--start", "2026-10-20", "--end", "2026-11-01"],
    ...["--goal", "20000", "--priority", "standard"],
  );
  const token = avails("tokens", "create", "--role", "viewer").stdout.trim().split("\n").at(-1);
  const child = spawn(
    process.execPath,
    [cliPath, "--store", store, "--config", config, "serve", "--port", "0"].concat([
      "--stream",
      streamUrl,
      "--stream-batch",
      "1000",
      "--stream-block-ms",
      "100",
    ]),
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, TZ: "UTC" } },
  );
  const exited = new Promise((resolve) => child.on("exit", resolve));
  try {
    const base = await new Promise((resolve, reject) => {
      let text = "";
      child.stdout.on("data", (chunk) => {
        text += chunk;
        const found = /listening on (http:\/\/\S+)/.exec(text)?.[1];
        if (found) resolve(found);
      });
      child.once("exit", (code) => reject(new Error(`avails serve --stream exited with ${code}`)));
    });
    const pacingUrl = `${base}/v1/campaigns/c1/pacing`;
    const delivered = async () => {
      const response = await fetch(pacingUrl, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200)
        throw new Error(`pacing: HTTP ${response.status}: ${await response.text()}`);
      return (await response.json()).delivered_to_date;
    };
    // The pacing request alone, on the idle server.
    const idle = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await delivered();
      idle.push(performance.now() - started);
    }
    idle.sort((a, b) => a - b);
    // A steady background feed of opportunities (2026-10-27, inside the data) while the probes run.
    const producer = new Redis({ host: "127.0.0.1", port: redis.port });
    const stream = streamUrl.slice(streamUrl.lastIndexOf("/") + 1);
    let producing = true;
    let produced = 0;
    const feed = (async () => {
      const tickMs = 50;
      const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
      const started = performance.now();
      while (producing) {
        const pipeline = producer.pipeline();
        for (let i = 0; i < perTick; i++) {
          const n = produced + i;
          const row = {
            event_id: `bg${n}`,
            event_type: "opportunity",
            event_time: new Date(Date.UTC(2026, 9, 27) + (n % 24) * 3_600_000 + 60_000).toISOString(),
            geo: ["SE", "NO"][n % 2],
            device: ["mobile", "ctv"][(n >> 1) % 2],
          };
          pipeline.xadd(stream, "*", "event", JSON.stringify(row));
        }
        await pipeline.exec();
        produced += perTick;
        const next = started + (produced / perTick) * tickMs;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      }
    })();
    const lags = [];
    let count = await delivered();
    const started = performance.now();
    for (let k = 0; k < probes; k++) {
      const probe = {
        event_id: `probe${k}`,
        event_type: "impression",
        event_time: "2026-10-28T12:10:00Z",
        campaign_id: "c1",
        geo: "SE",
        device: "mobile",
      };
      const sent = performance.now();
      await producer.xadd(stream, "*", "event", JSON.stringify(probe));
      const deadline = sent + 60_000;
      for (;;) {
        const now = await delivered();
        if (now >= count + 1) {
          lags.push(performance.now() - sent);
          count = now;
          break;
        }
        if (performance.now() > deadline) throw new Error(`probe ${k}: not counted after 60 s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const probeSeconds = (performance.now() - started) / 1000;
    producing = false;
    await feed;
    await producer.quit();
    const ready = await (await fetch(`${base}/readyz`)).json();
    lags.sort((a, b) => a - b);
    console.log(
      `\npacing lag: avails serve --stream --stream-batch 1000 --stream-block-ms 100, ${fmt(produced)} background opportunities XADDed at ${fmt(produced / probeSeconds)} events/s during ${probes} probe impressions, one at a time`,
    );
    console.log(
      "lag = from a probe's XADD to the first GET /v1/campaigns/c1/pacing whose delivered_to_date counts it (polled every 10 ms)\n",
    );
    console.log("| figure | p50 (ms) | p95 (ms) | max (ms) | ratio of p50 to the stream's cube lag p50 |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    console.log(
      `| pacing lag, XADD to a pacing answer counting it | ${fmt(quantile(lags, 0.5))} | ${fmt(quantile(lags, 0.95))} | ${fmt(lags[lags.length - 1])} | ${(quantile(lags, 0.5) / quantile(cubeLags, 0.5)).toFixed(2)} |`,
    );
    console.log(
      `| the pacing request alone, idle server (20 requests) | ${fmt(quantile(idle, 0.5))} | ${fmt(quantile(idle, 0.95))} | ${fmt(idle[idle.length - 1])} | |`,
    );
    console.log(
      `| avails stream cube lag (section 2, oldest entry of a batch to its commit) | ${fmt(quantile(cubeLags, 0.5))} | ${fmt(quantile(cubeLags, 0.95))} | ${fmt(cubeLags[cubeLags.length - 1])} | 1.00 |`,
    );
    console.log(
      `\nserve's feed: ${ready.stream.batches} batches, ${fmt(ready.stream.entries)} entries, accepted ${fmt(ready.stream.accepted)}, duplicates ${ready.stream.duplicates}, quarantined ${ready.stream.quarantined}`,
    );
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const redis = await startRedis();
const client = new Redis({ host: "127.0.0.1", port: redis.port });
try {
  const url = (stream) => `redis://127.0.0.1:${redis.port}/${stream}`;
  const rows = [];
  for (let i = 0; i < events; i++) rows.push(JSON.stringify(event(i)));
  const file = join(work, "events.ndjson");
  writeFileSync(file, `${rows.join("\n")}\n`);

  // 1. Throughput.
  const startup = timed([
    "--store",
    join(work, "empty"),
    "stream",
    "--source",
    url("empty"),
    "--block-ms",
    "0",
    "--until-empty",
    "--json",
  ]);
  const fileIngest = timed(["--store", join(work, "file"), "ingest", "--json", file]);
  const results = [];
  for (const batch of [1_000, 10_000]) {
    const stream = `throughput-${batch}`;
    await fill(client, stream, 0, events);
    const run = timed([
      "--store",
      join(work, `stream-${batch}`),
      "stream",
      "--source",
      url(stream),
      "--batch",
      String(batch),
      "--block-ms",
      "0",
      "--until-empty",
      "--json",
    ]);
    const { summary } = summaryOf(run.stdout);
    if (summary.accepted !== events)
      throw new Error(`batch ${batch}: accepted ${summary.accepted} of ${events}`);
    results.push({ batch, seconds: run.seconds, batches: summary.batches });
  }
  console.log(
    `streaming ingestion: ${fmt(events)} events already in the stream, redis-server ${spawnSync("redis-server", ["--version"], { encoding: "utf8" }).stdout.match(/v=(\S+)/)?.[1]}\n`,
  );
  console.log("| system | seconds | events/s | ratio to avails ingest (file) |");
  console.log("| --- | ---: | ---: | ---: |");
  console.log(
    `| avails ingest, one NDJSON file | ${fileIngest.seconds.toFixed(2)} | ${fmt(events / fileIngest.seconds)} | 1.00 |`,
  );
  for (const r of results) {
    console.log(
      `| avails stream --batch ${fmt(r.batch)} (${r.batches} batches, each an ingest run + XACK) | ${r.seconds.toFixed(2)} | ${fmt(events / r.seconds)} | ${(fileIngest.seconds / r.seconds).toFixed(2)} |`,
    );
  }
  console.log(
    `| CLI start-up and an empty stream (in every figure above) | ${startup.seconds.toFixed(2)} | | |\n`,
  );

  // 2. Lag under a steady producer.
  const stream = "lag";
  const child = spawn(
    process.execPath,
    [
      cliPath,
      "--store",
      join(work, "lag"),
      "stream",
      "--source",
      url(stream),
      "--batch",
      "1000",
      "--block-ms",
      "100",
      "--json",
    ],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, TZ: "UTC" } },
  );
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // start-up: DuckDB and the consumer group
  const producer = new Redis({ host: "127.0.0.1", port: redis.port });
  const tickMs = 50;
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
  const total = Math.round((rate * lagSeconds) / perTick) * perTick;
  let produced = 0;
  const started = performance.now();
  while (produced < total) {
    await fill(producer, stream, events + produced, events + produced + perTick);
    produced += perTick;
    const next = started + (produced / perTick) * tickMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  const producedSeconds = (performance.now() - started) / 1000;
  // Wait until everything produced is committed, then stop the consumer as an operator would.
  for (;;) {
    const lines = stdout
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    if (lines.reduce((sum, line) => sum + (line.entries ?? 0), 0) >= total) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  await exited;
  await producer.quit();
  const { batches, summary } = summaryOf(stdout);
  if (summary.accepted !== total) throw new Error(`lag run: accepted ${summary.accepted} of ${total}`);
  const lags = batches.map((b) => b.lagMs).sort((a, b) => a - b);
  const sizes = batches.map((b) => b.entries);
  console.log(
    `end-to-end lag: ${fmt(total)} events XADDed at ${fmt(total / producedSeconds)} events/s for ${producedSeconds.toFixed(1)} s, avails stream --batch 1000 --block-ms 100`,
  );
  console.log(
    "lag = the oldest entry of each batch, from its XADD to the store commit (the cube shows it from then)\n",
  );
  console.log("| batches | mean batch | lag p50 (ms) | lag p95 (ms) | lag max (ms) |");
  console.log("| ---: | ---: | ---: | ---: | ---: |");
  console.log(
    `| ${batches.length} | ${fmt(sizes.reduce((a, b) => a + b, 0) / sizes.length)} | ${fmt(quantile(lags, 0.5))} | ${fmt(quantile(lags, 0.95))} | ${fmt(lags[lags.length - 1])} |`,
  );

  // 3. Pacing lag through `avails serve --stream`.
  await pacingLag(url("pacing"), lags);
  // 4. Forecast workers on a BullMQ queue (database 1 of the same server).
  await benchForecastQueue({ port: redis.port, work });
} finally {
  await client.quit();
  redis.child.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
