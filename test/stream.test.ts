import { spawn } from "node:child_process";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../src/store/duckdb-store.js";
import {
  CLI,
  cli,
  cubeDigest,
  defaultConfig,
  impression,
  opportunity,
  type Row,
  tempDir,
  writeNdjson,
} from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
let client: Redis;
let dir: string;
let cleanup: () => void;
let stream = "";
let streamNumber = 0;
let notStarted: Error | undefined;

beforeAll(async () => {
  try {
    redis = await startRedis();
  } catch (error) {
    notStarted = error as Error;
    return;
  }
  client = new Redis({ host: "127.0.0.1", port: redis.port });
});
afterAll(async () => {
  await client?.quit();
  await redis?.stop();
});
beforeEach(() => {
  // Without redis-server every test fails with the reason (never skipped).
  if (notStarted !== undefined) throw notStarted;
  ({ dir, cleanup } = tempDir());
  streamNumber += 1;
  stream = `events-${streamNumber}`;
});
afterEach(() => cleanup());

/** XADDs rows, each as JSON in the `event` field. */
async function add(rows: readonly Row[]): Promise<void> {
  const pipeline = client.pipeline();
  for (const row of rows) pipeline.xadd(stream, "*", "event", JSON.stringify(row));
  await pipeline.exec();
}

/** Runs `avails stream` until the stream is drained; returns its JSON lines (batches, then the summary). */
async function drain(store: string, ...flags: string[]) {
  const result = await cli([
    "--store",
    store,
    "stream",
    "--source",
    redis.url(stream),
    "--block-ms",
    "0",
    "--until-empty",
    "--json",
    ...flags,
  ]);
  expect(result.stderr, "avails stream failed").toBe("");
  expect(result.code).toBe(0);
  const lines = result.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  return { batches: lines.slice(0, -1), summary: lines[lines.length - 1].summary };
}

/** The cube, the event counts and the quarantine reasons of a store. */
async function contents(storeDir: string) {
  const store = await openStore(storeDir, defaultConfig);
  try {
    const status = await store.status();
    const quarantine = await store.quarantine(1_000_000);
    return {
      cube: await cubeDigest(store),
      events: status.events,
      eventRows: status.eventRows,
      quarantine: quarantine.map((q) => q.reason).sort(),
    };
  } finally {
    await store.close();
  }
}

/** The store `avails ingest` makes of the same rows, as a file (in this process: one CLI start less). */
async function ingestedAsFile(rows: readonly Row[]) {
  const storeDir = join(dir, "reference");
  const store = await openStore(storeDir, defaultConfig);
  try {
    await store.ingest([writeNdjson(join(dir, "rows.ndjson"), rows)]);
  } finally {
    await store.close();
  }
  return contents(storeDir);
}

function traffic(n: number, prefix = "e"): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(opportunity(`${prefix}o${i}`, i % 30, ["SE", "NO", "DK"][i % 3], ["mobile", "tv"][i % 2]));
    if (i % 4 === 0) rows.push(impression(`${prefix}i${i}`, i % 30, `c${i % 3}`));
  }
  return rows;
}

async function pending(group = "avails"): Promise<number> {
  const [count] = (await client.xpending(stream, group)) as [number];
  return count;
}

describe("avails stream", () => {
  it("puts XADDed events in the cube, acknowledged, as avails ingest would from a file", async () => {
    const rows = traffic(300);
    await add(rows);
    const store = join(dir, "store");
    const { batches, summary } = await drain(store, "--batch", "100");
    expect(batches.length).toBe(Math.ceil(rows.length / 100));
    expect(summary).toMatchObject({
      entries: rows.length,
      accepted: rows.length,
      duplicates: 0,
      quarantined: 0,
    });
    expect(summary.backlog).toBe(0);
    expect(await pending()).toBe(0);
    const streamed = await contents(store);
    expect(streamed.events).toEqual({ opportunity: 300, impression: 75, click: 0 });
    expect(streamed).toEqual(await ingestedAsFile(rows));
  });

  it("reads an entry without an event field as the event's own fields", async () => {
    await client.xadd(
      stream,
      "*",
      "event_id",
      "f1",
      "event_type",
      "opportunity",
      "event_time",
      opportunity("x", 2).event_time as string,
      "geo",
      "se",
      "device",
      "TV",
      "count",
      "3",
    );
    const store = join(dir, "store");
    const { summary } = await drain(store);
    expect(summary).toMatchObject({ entries: 1, accepted: 1 });
    const streamed = await contents(store);
    expect(streamed.events.opportunity).toBe(3);
    expect(streamed.cube).toContain("geo_device\tgeo=SE|device=tv\t2026-10-01T02:00:00.000Z\t3\t0\t0\t0");
  });

  it("counts an event_id XADDed twice once, in one batch and across batches and runs", async () => {
    const rows = traffic(50);
    await add([...rows, rows[0], rows[1]]);
    const store = join(dir, "store");
    const first = await drain(store, "--batch", "20");
    expect(first.summary).toMatchObject({ entries: rows.length + 2, accepted: rows.length, duplicates: 2 });
    await add([rows[2], rows[3], rows[3]]);
    const second = await drain(store);
    expect(second.summary).toMatchObject({ entries: 3, accepted: 0, duplicates: 3 });
    expect(await contents(store)).toEqual(await ingestedAsFile(rows));
  });

  it("quarantines bad entries with their reason and acknowledges them", async () => {
    const good = traffic(10);
    await add(good);
    const noGeo: Row = { ...opportunity("bad1", 1) };
    delete noGeo.geo;
    await add([noGeo, { ...opportunity("bad2", 1), event_type: "view" }]);
    await client.xadd(stream, "*", "event", "{not json");
    const store = join(dir, "store");
    const { summary } = await drain(store);
    expect(summary).toMatchObject({ accepted: good.length, quarantined: 3 });
    expect(await pending()).toBe(0);
    const streamed = await contents(store);
    expect(streamed.quarantine).toEqual(["malformed", "missing_field:geo", "unknown_event_type"]);
    const opened = await openStore(store, defaultConfig);
    try {
      const entries = await opened.quarantine(10);
      // The batch file is named by its entries' ids, and the line is the entry's place in the batch.
      for (const entry of entries)
        expect(entry.source).toMatch(/redis-127\.0\.0\.1-\d+-0-events-\d+@\d+-\d+\.\.\d+-\d+\.ndjson$/);
      expect(entries.map((e) => e.line).sort()).toEqual([good.length + 1, good.length + 2, good.length + 3]);
    } finally {
      await opened.close();
    }
  });

  it("re-reads a crashed consumer's unacknowledged batch first, and counts a committed one once", async () => {
    const rows = traffic(40);
    await add(rows);
    const store = join(dir, "store");
    // A consumer "c1" that read 20 entries and crashed before acknowledging; its first 10 had been committed.
    await client.xgroup("CREATE", stream, "avails", "0");
    await client.call("XREADGROUP", "GROUP", "avails", "c1", "COUNT", "20", "STREAMS", stream, ">");
    expect(await pending()).toBe(20);
    const committed = await cli([
      "--store",
      store,
      "ingest",
      writeNdjson(join(dir, "first.ndjson"), rows.slice(0, 10)),
    ]);
    expect(committed.code).toBe(0);
    const { batches, summary } = await drain(store, "--consumer", "c1", "--batch", "20");
    expect(batches[0]).toMatchObject({ redelivered: true, entries: 20, accepted: 10, duplicates: 10 });
    expect(batches.slice(1).every((b: { redelivered: boolean }) => !b.redelivered)).toBe(true);
    expect(summary).toMatchObject({ entries: rows.length, accepted: rows.length - 10, duplicates: 10 });
    expect(await pending()).toBe(0);
    expect(await contents(store)).toEqual(await ingestedAsFile(rows));
  });

  it("kill -9 of a consumer mid-stream, then a restart, ends with exact counts", async () => {
    const rows = traffic(2400);
    const withRetries = [...rows];
    for (let i = 0; i < rows.length; i += 97) withRetries.push(rows[i]);
    await add(withRetries);
    const store = join(dir, "store");
    const child = spawn(
      process.execPath,
      [
        CLI,
        "--store",
        store,
        "stream",
        "--source",
        redis.url(stream),
        "--consumer",
        "c1",
        "--batch",
        "500",
        "--json",
      ],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TZ: "UTC" } },
    );
    const exited = new Promise<string | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", () => resolve());
      child.on("exit", () => reject(new Error("the consumer exited before its first batch")));
    });
    // Killed with a batch in flight: read from the stream, not yet acknowledged.
    while ((await pending()) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const { batches, summary } = await drain(store, "--consumer", "c1", "--batch", "300");
    expect(batches[0].redelivered).toBe(true);
    expect(summary.entries).toBeLessThan(withRetries.length);
    expect(await pending()).toBe(0);
    const streamed = await contents(store);
    expect(streamed.eventRows).toBe(rows.length);
    expect(streamed).toEqual(await ingestedAsFile(rows));
  });

  it("stops cleanly on SIGTERM after the batch in flight, with its summary", async () => {
    await add(traffic(20));
    const store = join(dir, "store");
    const child = spawn(
      process.execPath,
      [CLI, "--store", store, "stream", "--source", redis.url(stream), "--block-ms", "60000"],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, TZ: "UTC" },
      },
    );
    let stdout = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("batch 1")) resolve();
      });
    });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toMatch(
      /^stream redis:\/\/127\.0\.0\.1:\d+\/events-\d+: 1 batches, 25 entries, accepted 25, duplicates 0, quarantined 0, max lag \d+ ms, backlog 0$/m,
    );
    expect(await pending()).toBe(0);
  });

  it("names --source, --batch and --block-ms when they are wrong", async () => {
    const store = join(dir, "store");
    const run = (...args: string[]) => cli(["--store", store, "stream", ...args]);
    const noStream = await run("--source", `redis://127.0.0.1:${redis.port}`);
    expect(noStream.code).toBe(1);
    expect(noStream.stderr).toMatch(/^avails: --source: "redis:\/\/127\.0\.0\.1:\d+" names no stream/);
    const http = await run("--source", "http://127.0.0.1/events");
    expect(http.stderr).toContain('--source: "http://127.0.0.1/events" has scheme "http", not redis');
    const refused = await run("--source", "redis://127.0.0.1:1/events");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^avails: --source redis:\/\/127\.0\.0\.1:1\/events: cannot connect to Redis \(.*ECONNREFUSED/,
    );
    const batch = await run("--source", redis.url(stream), "--batch", "0");
    expect(batch.stderr).toContain('--batch: "0" is not a whole number >= 1');
    const block = await run("--source", redis.url(stream), "--block-ms", "soon");
    expect(block.stderr).toContain('--block-ms: "soon" is not a whole number >= 0');
    const missing = await run();
    expect(missing.stderr).toContain("--source");
  });
});
