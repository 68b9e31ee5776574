import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openQueueExecutor } from "../src/queue/queue-executor.js";
import { QUEUE_REGISTRY_KEY } from "../src/queue/queue-registry.js";
import { parseQueueUrl } from "../src/queue/queue-url.js";
import { encodeShard } from "../src/queue/shard-codec.js";
import { runPool } from "../src/run/worker-pool.js";
import { openStore } from "../src/store/duckdb-store.js";
import { CLI, cli, defaultConfig, tempDir, writeNdjson } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";
import { writeSteadyTraffic } from "./steady-traffic.js";

const FORECAST = ["forecast", "--horizon", "96", "--paths", "200", "--history-days", "28", "--json"];
const QUERIES = [
  [
    "query",
    "--json",
    "--start",
    "2026-10-29",
    "--end",
    "2026-11-01",
    "--granularity",
    "hour",
    "--geo",
    "SE,NO",
    "--breakdown",
  ],
];

let redis: TestRedis;
let client: Redis;
let notStarted: Error | undefined;
/** A store holding four weeks of steady traffic and two campaigns' impressions, copied by each test. */
let template: string;
let templateDir: { dir: string; cleanup: () => void };
/** What the single-process run of the template gives: its JSON line, query answers and stored run. */
let reference: Awaited<ReturnType<typeof outcome>> & { run: Record<string, unknown> };
let dir: string;
let cleanup: () => void;
const workers: ChildProcess[] = [];

/** Impressions of campaigns c1 (SE ctv) and c2 (SE mobile) every third hour, so that campaign pools run too. */
function impressions(path: string): string {
  const rows = [];
  for (let h = 0; h < 28 * 24; h += 3) {
    for (const [campaign, device, count] of [
      ["c1", "ctv", 9],
      ["c2", "mobile", 31],
    ] as const) {
      const time = Date.UTC(2026, 9, 1) + h * 3_600_000;
      rows.push({
        event_id: `i-${campaign}-${h}`,
        event_type: "impression",
        event_time: new Date(time + 20 * 60_000).toISOString(),
        ingestion_time: new Date(time + 65 * 60_000).toISOString(),
        campaign_id: campaign,
        geo: "SE",
        device,
        count: count + (h % 7),
        cost_micros: 1500,
      });
    }
  }
  return writeNdjson(path, rows);
}

async function ok(args: string[]): Promise<string> {
  const result = await cli(args);
  if (result.code !== 0) throw new Error(`avails ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/** A copy of the template store. */
function storeCopy(name: string): string {
  const store = join(dir, name);
  cpSync(template, store, { recursive: true });
  return store;
}

/** The forecast run's JSON line (without the queue's report), the query answers and the stored run's arrays. */
async function outcome(store: string, stdout: string) {
  const { queue, ...line } = JSON.parse(stdout);
  const answers = [];
  for (const query of QUERIES) answers.push(await ok(["--store", store, ...query]));
  const opened = await openStore(store, defaultConfig, { readOnly: true });
  try {
    const run = await opened.runs.readPublished();
    if (run === null) throw new Error("no published run");
    const arrays: Record<string, string> = {};
    // Bytes, not numbers: bit for bit, NaN and -0 included.
    for (const [name, array] of Object.entries(run.arrays)) {
      const view = array as ArrayBufferView;
      arrays[name] = Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString("base64");
    }
    return { line, queue, answers, run: { manifest: run.manifest, arrays } };
  } finally {
    await opened.close();
  }
}

/** An `avails worker` process; `log()` is its stderr so far, `waitFor` resolves when a line matches. */
function startWorker(...flags: string[]) {
  const child = spawn(
    process.execPath,
    [CLI, "worker", "--queue", redis.url(""), "--concurrency", "1", ...flags],
    {
      env: { ...process.env, TZ: "UTC" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  workers.push(child);
  let log = "";
  const waiters: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  child.stdout?.resume();
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
    for (const waiter of [...waiters]) {
      const match = log.match(waiter.pattern);
      if (match !== null) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    log: () => log,
    waitFor: (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const match = log.match(pattern);
        if (match !== null) return resolve(match);
        waiters.push({ pattern, resolve });
        child.once("exit", (code) =>
          reject(new Error(`the worker exited (${code}) before ${pattern}: ${log}`)),
        );
      }),
  };
}

/**
 * Keys BullMQ or avails left in Redis, once workers had the time to see the queue withdrawn (they look
 * every 0.5 s): waits up to 5 s for none.
 */
async function leftovers(): Promise<string[]> {
  let keys: string[] = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    keys = await client.keys("bull:*");
    if ((await client.zcard(QUEUE_REGISTRY_KEY)) > 0) keys.push(QUEUE_REGISTRY_KEY);
    if (keys.length === 0) break;
    await sleep(100);
  }
  return keys.sort();
}

async function runCount(store: string): Promise<number> {
  const opened = await openStore(store, defaultConfig, { readOnly: true });
  try {
    return (await opened.runs.list()).length;
  } finally {
    await opened.close();
  }
}

beforeAll(async () => {
  try {
    redis = await startRedis();
  } catch (error) {
    notStarted = error as Error;
    return;
  }
  client = new Redis({ host: "127.0.0.1", port: redis.port });
  templateDir = tempDir("avails-queue-");
  template = join(templateDir.dir, "template");
  const traffic = writeSteadyTraffic(join(templateDir.dir, "traffic.ndjson"), 28);
  await ok([
    "--store",
    template,
    "ingest",
    traffic,
    impressions(join(templateDir.dir, "impressions.ndjson")),
  ]);
  const single = join(templateDir.dir, "single");
  cpSync(template, single, { recursive: true });
  const stdout = await ok(["--store", single, ...FORECAST]);
  reference = await outcome(single, stdout);
});
afterAll(async () => {
  await client?.quit();
  await redis?.stop();
  templateDir?.cleanup();
});
beforeEach(() => {
  // Without redis-server every test fails with the reason (never skipped).
  if (notStarted !== undefined) throw notStarted;
  ({ dir, cleanup } = tempDir());
});
afterEach(async () => {
  for (const child of workers.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await client.flushdb();
  cleanup();
});

describe("avails forecast --queue with avails worker processes", () => {
  it("publishes, with two workers, the same numbers bit for bit as the single-process run", async () => {
    expect(reference.line.campaigns).toBe(2);
    const [a, b] = [startWorker(), startWorker()];
    await Promise.all([a.waitFor(/waiting for shards/), b.waitFor(/waiting for shards/)]);
    const store = storeCopy("queued");
    const stdout = await ok(["--store", store, ...FORECAST, "--queue", redis.url(""), "--shard-size", "2"]);
    const queued = await outcome(store, stdout);
    // 9 supply series in 5 shards, then 2 campaign keys each for impressions and for spend.
    expect(queued.queue).toMatchObject({ shards: 7, retried: 0, duplicates: 0 });
    expect(queued.queue.workers).toBeGreaterThanOrEqual(1);
    expect(`${a.log()}${b.log()}`.match(/: done in /g)?.length).toBe(7);
    expect(queued.line).toEqual(reference.line);
    expect(queued.answers).toEqual(reference.answers);
    expect(queued.run).toEqual(reference.run);
    expect(await leftovers()).toEqual([]);
    // SIGTERM: each worker stops listening and exits cleanly.
    for (const worker of [a, b]) worker.child.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(a.log()).toMatch(/stopping/);
  });

  it("completes with the same numbers when a worker is killed with kill -9 mid-shard", async () => {
    const [a, b] = [startWorker(), startWorker()];
    await Promise.all([a.waitFor(/waiting for shards/), b.waitFor(/waiting for shards/)]);
    const store = storeCopy("killed");
    const run = cli(["--store", store, ...FORECAST, "--queue", redis.url(""), "--shard-size", "3"]);
    // Whichever worker takes a shard first is killed while it forecasts it (the threads load the models first).
    const first = await Promise.race(
      [a, b].map((w) => w.waitFor(/shard (\S+) of \S+: \d+ series/).then(() => w)),
    );
    first.child.kill("SIGKILL");
    const result = await run;
    expect(result.code, result.stderr).toBe(0);
    const queued = await outcome(store, result.stdout);
    expect(queued.queue.retried).toBeGreaterThanOrEqual(1);
    expect(queued.queue.duplicates).toBe(0);
    expect(queued.answers).toEqual(reference.answers);
    expect(queued.run).toEqual(reference.run);
    expect(await leftovers()).toEqual([]);
  });

  it("forecast --input --queue writes the same CSV byte for byte as the single-process run", async () => {
    const worker = startWorker();
    await worker.waitFor(/waiting for shards/);
    const lines = ["unique_id,ds,y"];
    for (let s = 0; s < 12; s++) {
      for (let d = 0; d < 70; d++) {
        const ds = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        lines.push(
          `geo=S${s},${ds},${100 + 10 * s + 20 * Math.sin((2 * Math.PI * d) / 7) + ((d * 7 + s) % 5)}`,
        );
      }
    }
    const input = join(dir, "series.csv");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const file = ["forecast", "--input", input, "--freq", "daily", "--horizon", "14", "--quantile", "0.5"];
    await ok([...file, "--output", join(dir, "single.csv")]);
    await ok([...file, "--output", join(dir, "queued.csv"), "--queue", redis.url(""), "--shard-size", "5"]);
    expect(readFileSync(join(dir, "queued.csv"), "utf8")).toBe(readFileSync(join(dir, "single.csv"), "utf8"));
    expect(worker.log().match(/: done in /g)?.length).toBe(3);
    expect(await leftovers()).toEqual([]);
  });

  it("openQueueExecutor(url, { window: 2 }).run returns what runPool returns here, shard by shard", async () => {
    const worker = startWorker();
    await worker.waitFor(/waiting for shards/);
    const module = new URL("../src/run/hierarchy-task.ts", import.meta.url);
    const settings = { horizon: 24, levels: [80, 95], seasons: [24], model: "theta", residualHours: 48 };
    const tasks = () =>
      Array.from({ length: 7 }, (_, s) => ({
        id: `geo=S${s}`,
        input: {
          values: Float64Array.from(
            { length: 400 },
            (_, t) => 50 + s + 10 * Math.sin((2 * Math.PI * t) / 24) + (t % 3),
          ),
        },
      }));
    const here = await runPool(module, tasks(), { shared: settings, workers: 0 });
    const executor = await openQueueExecutor(parseQueueUrl(redis.url("")), { shardSize: 2, window: 2 });
    try {
      const queued = await runPool(module, tasks(), { shared: settings, executor });
      expect(encodeShard(queued)).toBe(encodeShard(here));
      expect(executor.stats).toMatchObject({ shards: 4, retried: 0, duplicates: 0 });
    } finally {
      await executor.close();
    }
    expect(await leftovers()).toEqual([]);
  });

  it("fails naming --queue-timeout, stores no run and deletes its queue when no worker takes a shard", async () => {
    const store = storeCopy("alone");
    const result = await cli([
      "--store",
      store,
      ...FORECAST,
      "--queue",
      redis.url(""),
      "--queue-timeout",
      "1",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /\navails: --queue-timeout: no worker took or finished a shard for 1 s \(1 of 1 shards left, queue avails-forecast-\S+\); start one with: avails worker --queue redis:\/\/127\.0\.0\.1:\d+\/0\n$/,
    );
    expect(await runCount(store)).toBe(0);
    expect(await leftovers()).toEqual([]);
  });

  it("fails naming the shard and series when a shard fails on every attempt, and deletes its queue", async () => {
    const worker = startWorker();
    await worker.waitFor(/waiting for shards/);
    const executor = await openQueueExecutor(parseQueueUrl(redis.url("")), { shardSize: 1 });
    try {
      // A series without values: the task throws on every worker, on every attempt.
      const tasks: { id: string; input: { values: Float64Array | null } }[] = [
        { id: "geo=SE", input: { values: Float64Array.of(1, 2, 3) } },
        { id: "geo=NO", input: { values: null } },
      ];
      const settings = { horizon: 3, levels: [80], seasons: [], model: "naive", residualHours: 1 };
      await expect(
        executor.run(new URL("../src/run/hierarchy-task.ts", import.meta.url), tasks, { shared: settings }),
      ).rejects.toThrow(
        /^shard r1-s1 \(1 series from "geo=NO"\) failed 3 times, the last: series "geo=NO": /,
      );
    } finally {
      await executor.close();
    }
    expect(await leftovers()).toEqual([]);
    expect(worker.log()).toMatch(/shard r1-s1 of \S+ failed: series "geo=NO"/);
  });

  it("refuses a bad --queue URL and --shard-size, naming the flag, before touching the store", async () => {
    const store = storeCopy("bad");
    for (const [flags, message] of [
      [["--queue", "http://127.0.0.1:6379"], 'avails: --queue: "http://127.0.0.1:6379" has scheme http:'],
      [["--queue", "redis://127.0.0.1:6379/jobs"], "has path /jobs, not a database number"],
      [
        ["--queue", redis.url(""), "--shard-size", "0"],
        'avails: --shard-size: "0" is not a whole number >= 1',
      ],
      [["--queue", redis.url(""), "--queue-timeout", "soon"], '--queue-timeout: "soon" is not a number'],
      [["--shard-size", "4"], "avails: --shard-size: only with --queue"],
    ] as const) {
      const result = await cli(["--store", store, ...FORECAST, ...flags]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
    }
    const worker = await cli(["worker", "--queue", "redis//127.0.0.1"]);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toBe(
      'avails: --queue: "redis//127.0.0.1" is not a URL (expected redis://HOST:PORT[/DB])\n',
    );
    const concurrency = await cli(["worker", "--queue", redis.url(""), "--concurrency", "none"]);
    expect(concurrency.stderr).toBe('avails: --concurrency: "none" is not a whole number >= 1\n');
    expect(await runCount(store)).toBe(0);
  });

  it("fails at once, naming --queue and the address, when Redis is not reachable", async () => {
    // A port nothing listens on: the test Redis' port after it stopped is not reusable here, so port 1.
    const store = storeCopy("unreachable");
    const forecast = await cli(["--store", store, ...FORECAST, "--queue", "redis://127.0.0.1:1"]);
    expect(forecast.code).toBe(1);
    expect(forecast.stderr).toMatch(
      /^avails: --queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0: .*ECONNREFUSED/,
    );
    expect(await runCount(store)).toBe(0);
    const worker = await cli(["worker", "--queue", "redis://127.0.0.1:1/3"]);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(
      /^avails: --queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/3: .*ECONNREFUSED/,
    );
  });
});
