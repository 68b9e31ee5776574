// npm run bench:serve — issue 7's API targets, measured: autocannon against GET /v1/avails (varied targetings)
// and, in the same run, against a bare Fastify route served by the same process:
//  1. p99 latency at 1,000 requests/s (target < 10 ms);
//  2. throughput at saturation, as a ratio to the bare route's (target >= 0.5);
//  3. overload with queries that all miss the cache, load shedding on and off: p99 of the accepted requests and
//     the share shed.
// The server runs in a child process (one core), autocannon here (the other). The demo store (30 days, 35-day
// forecast run) is made with the CLI once and cached under bench/out/serve. BENCH_SECONDS shortens each phase.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(repo, "bench/out/serve");
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
/** Connections of the overload phase (`BENCH_OVERLOAD_CONNECTIONS`). */
const overloadConnections = Number(process.env.BENCH_OVERLOAD_CONNECTIONS ?? 400);
/** `BENCH_OVERLOAD_ONLY=1` runs the overload phase alone. */
const overloadOnly = process.env.BENCH_OVERLOAD_ONLY === "1";

/** The server side: the API over the store and a bare Fastify route, each on its own ephemeral port. */
async function child(storeDir, serve) {
  const { parseConfig } = await import("../dist/config/load-config.js");
  const { openStore } = await import("../dist/store/duckdb-store.js");
  const { createApp } = await import("../dist/serve/create-app.js");
  const { createToken } = await import("../dist/serve/tokens.js");
  const { default: Fastify } = await import("fastify");
  const config = parseConfig({ serve }, "bench");
  const store = await openStore(storeDir, config);
  const reader = await openStore(storeDir, config, { readOnly: true });
  const { token } = await createToken(store.tokens, "viewer", "bench:serve");
  const served = await createApp({ config, store, reader, rateLimit: 0 });
  const api = await served.app.listen({ port: 0, host: "127.0.0.1" });
  const bareApp = Fastify({ logger: false });
  // The bare route answers a small fixed JSON object: what Fastify alone costs per request.
  bareApp.get("/bare", async () => ({ ok: true, run_id: "r000001" }));
  const bare = await bareApp.listen({ port: 0, host: "127.0.0.1" });
  process.stdout.write(`${JSON.stringify({ api, bare, token })}\n`);
  process.on("SIGTERM", async () => {
    await served.close();
    await bareApp.close();
    await reader.close();
    await store.close();
    process.exit(0);
  });
}

function cli(args) {
  const result = spawnSync(process.execPath, [join(repo, "dist/cli/main.js"), ...args], {
    env: { ...process.env, TZ: "UTC" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) throw new Error(`avails ${args.join(" ")} failed`);
  return result.stdout;
}

/** The demo store with a published 35-day run, made once. */
function demoStore() {
  const store = join(out, "store");
  const inputs = JSON.stringify({ days: 30, scale: 4000, seed: 5, end: "2026-11-01", horizon: 840, v: 1 });
  const manifest = join(out, "inputs.json");
  if (existsSync(manifest) && readFileSync(manifest, "utf8") === inputs) return store;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cli([
    "--store",
    store,
    "demo",
    "--logs-only",
    "--days",
    "30",
    "--scale",
    "4000",
    "--seed",
    "5",
    "--end",
    "2026-11-01",
  ]);
  // The demo's booked campaigns, so that avails have contention to allocate (forced: no run to guard with yet).
  const campaigns = join(store, "demo-logs/campaigns.json");
  if (existsSync(campaigns)) cli(["--store", store, "campaigns", "import", campaigns, "--force"]);
  cli(["--store", store, "forecast", "--horizon", "840", "--history-days", "30"]);
  writeFileSync(manifest, inputs);
  return store;
}

async function startServer(store, serve) {
  const proc = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), "--child", store, JSON.stringify(serve)],
    {
      env: { ...process.env, TZ: "UTC" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const line = await new Promise((resolve, reject) => {
    let text = "";
    proc.stdout.on("data", (chunk) => {
      text += chunk;
      if (text.includes("\n")) resolve(text.split("\n")[0]);
    });
    proc.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const info = JSON.parse(line);
  return {
    ...info,
    stop: () =>
      new Promise((resolve) => {
        proc.on("exit", resolve);
        proc.kill("SIGTERM");
      }),
  };
}

/** A deterministic pseudo-random sequence (mulberry32), so every run asks the same queries. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(rand, values, n) {
  const copy = [...values];
  const chosen = [];
  for (let i = 0; i < n && copy.length > 0; i++)
    chosen.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return chosen;
}

const GEOS = ["AU", "BR", "DE", "FR", "GB", "IN", "JP", "MX", "SE", "US"];
const DEVICES = ["connected_tv", "desktop", "mobile", "smart_speaker", "tablet"];
const DAY = 86_400_000;
const FIRST = Date.parse("2026-11-02T00:00:00Z");

function day(offset) {
  return new Date(FIRST + offset * DAY).toISOString().slice(0, 10);
}

/** `count` avails queries: 1-3 geos, sometimes 1-2 devices, one of three periods. */
function targetedPaths(count, seed) {
  const rand = random(seed);
  const periods = [
    [0, 6, "day"],
    [0, 13, "day"],
    [0, 27, "week"],
  ];
  const paths = [];
  for (let i = 0; i < count; i++) {
    const [from, to, granularity] = periods[i % 3];
    const geos = pick(rand, GEOS, 1 + Math.floor(rand() * 3)).join(",");
    const devices =
      rand() < 0.5 ? `&device=${pick(rand, DEVICES, 1 + Math.floor(rand() * 2)).join(",")}` : "";
    paths.push(
      `/v1/avails?start=${day(from)}&end=${day(to)}&granularity=${granularity}&geo=${geos}${devices}`,
    );
  }
  return paths;
}

/** Queries that all differ (a random period and targeting each): every one misses the cache. */
function uncachedPaths(count, seed) {
  const rand = random(seed);
  const seen = new Set();
  const paths = [];
  while (paths.length < count) {
    const from = Math.floor(rand() * 30);
    const to = Math.min(32, from + Math.floor(rand() * 14));
    const geos = pick(rand, GEOS, 1 + Math.floor(rand() * 4))
      .sort()
      .join(",");
    const devices = pick(rand, DEVICES, 1 + Math.floor(rand() * 3))
      .sort()
      .join(",");
    const path = `/v1/avails?start=${day(from)}&end=${day(to)}&geo=${geos}&device=${devices}`;
    if (seen.has(path)) continue;
    seen.add(path);
    paths.push(path);
  }
  return paths;
}

/** Runs autocannon; returns its result and the latencies of the 2xx answers alone. */
function load(url, paths, token, options) {
  let next = 0;
  const accepted = [];
  let shed = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        duration: seconds,
        headers: { authorization: `Bearer ${token}` },
        requests: [
          {
            setupRequest: (request) => {
              request.path = paths[next++ % paths.length];
              return request;
            },
          },
        ],
        ...options,
      },
      (error, result) =>
        error ? reject(error) : resolve({ result, accepted: accepted.sort((a, b) => a - b), shed }),
    );
    instance.on("response", (_client, status, _bytes, time) => {
      if (status >= 200 && status < 300) accepted.push(time);
      else if (status === 503) shed++;
    });
  });
}

function quantile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);

async function main() {
  cli(["--version"]);
  const store = demoStore();
  const lines = ["## bench:serve", ""];
  const targeted = targetedPaths(300, 1);
  if (!overloadOnly) await latencyAndThroughput(store, targeted, lines);
  await overload(store, targeted, lines);
  console.log(lines.join("\n"));
}

/** Phases 1 and 2: p99 at 1,000 req/s and throughput at saturation, against bare Fastify. */
async function latencyAndThroughput(store, targeted, lines) {
  const server = await startServer(store, { maxEventLoopDelayMs: 100 });
  let rows;
  try {
    // Warm up: JIT, the avails context, and the cache of the 300 targetings.
    await load(server.api, targeted, server.token, { connections: 10, duration: 3 });
    await load(server.bare, ["/bare"], server.token, { connections: 10, duration: 2 });
    const rateApi = await load(server.api, targeted, server.token, { connections: 10, overallRate: 1000 });
    const rateBare = await load(server.bare, ["/bare"], server.token, { connections: 10, overallRate: 1000 });
    const satApi = await load(server.api, targeted, server.token, { connections: 50 });
    const satBare = await load(server.bare, ["/bare"], server.token, { connections: 50 });
    const metrics = await (await fetch(`${server.api}/metrics`)).text();
    const hits = Number(
      /avails_cache_requests_total\{endpoint="avails",result="hit"\} (\d+)/.exec(metrics)?.[1],
    );
    const misses = Number(
      /avails_cache_requests_total\{endpoint="avails",result="miss"\} (\d+)/.exec(metrics)?.[1],
    );
    rows = { rateApi, rateBare, satApi, satBare, hitRatio: hits / (hits + misses) };
  } finally {
    await server.stop();
  }
  const non2xx = (r) => r.result.non2xx + r.result.errors + r.result.timeouts;
  lines.push(
    `Demo store (30 days, 50 leaves), 35-day run with 500 paths; ${seconds} s per phase; 300 targetings (1-3 geos, ` +
      `half with 1-2 devices; 7 or 14 days by day, 28 by week), cache hit ratio ${f2(rows.hitRatio)}.`,
    "",
    "| phase | route | req/s | p50 ms | p99 ms | non-2xx |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
    ...[
      ["1,000 req/s", "GET /v1/avails", rows.rateApi],
      ["1,000 req/s", "bare Fastify", rows.rateBare],
      ["saturation (50 connections)", "GET /v1/avails", rows.satApi],
      ["saturation (50 connections)", "bare Fastify", rows.satBare],
    ].map(
      ([phase, route, r]) =>
        `| ${phase} | ${route} | ${Math.round(r.result.requests.average)} | ${f1(r.result.latency.p50)} | ` +
        `${f1(r.result.latency.p99)} | ${non2xx(r)} |`,
    ),
    "",
    `Throughput at saturation, /v1/avails over bare Fastify: ${f2(rows.satApi.result.requests.average / rows.satBare.result.requests.average)} (target >= 0.5). ` +
      `p99 at 1,000 req/s: ${f1(rows.rateApi.result.latency.p99)} ms (target < 10 ms).`,
    "",
  );
}

/**
 * Phase 3: more connections than the server answers in time, every query a cache miss, shedding on (the
 * defaults: event-loop delay over 100 ms, 64 in flight) and off (both rules at 0). autocannon is a closed loop:
 * each connection waits for its answer, so without shedding a request waits behind about one request per
 * connection, and the wait grows with the number of connections.
 */
async function overload(store, targeted, lines) {
  const uncached = uncachedPaths(200_000, 2);
  lines.push(
    `Overload: ${overloadConnections} connections, every query a different period and targeting (all cache misses).`,
    "",
    "| shedding | answered/s | shed (503) | accepted p50 ms | accepted p99 ms | accepted max ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const [label, serve] of [
    ["on (event-loop delay > 100 ms, 64 in flight)", { maxEventLoopDelayMs: 100, maxInFlight: 64 }],
    ["off", { maxEventLoopDelayMs: 0, maxInFlight: 0 }],
  ]) {
    const overloaded = await startServer(store, { ...serve, cacheEntries: 0 });
    try {
      await load(overloaded.api, targeted, overloaded.token, { connections: 10, duration: 2 });
      const r = await load(overloaded.api, uncached, overloaded.token, { connections: overloadConnections });
      const a = r.accepted;
      lines.push(
        `| ${label} | ${Math.round(a.length / seconds)} | ${r.shed} | ${f1(quantile(a, 0.5))} | ${f1(quantile(a, 0.99))} | ${f1(a.at(-1) ?? Number.NaN)} |`,
      );
    } finally {
      await overloaded.stop();
    }
  }
}

if (process.argv[2] === "--child") await child(process.argv[3], JSON.parse(process.argv[4]));
else await main();
