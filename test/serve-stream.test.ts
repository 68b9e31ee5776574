import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, cli, type Row, tempDir } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";
import { steadyForecast } from "./steady-traffic.js";

let redis: TestRedis;
let client: Redis;
let dir: string;
let cleanup: () => void;
let store: string;
let token: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("avails-serve-stream-"));
  store = join(dir, "data");
  redis = await startRedis();
  client = new Redis({ host: "127.0.0.1", port: redis.port });
  // Four weeks of traffic to 2026-10-29, a published run, and a campaign live across the end of the data.
  await steadyForecast(dir);
  const steps = [
    ["campaigns", "add", "--id", "c1", "--name", "C1", "--start", "2026-10-20", "--end", "2026-11-01"],
    ["tokens", "create", "--role", "viewer"],
  ];
  steps[0].push("--goal", "20000", "--priority", "standard");
  for (const args of steps) {
    const result = await cli(["--store", store, ...args]);
    if (result.code !== 0) throw new Error(`avails ${args.join(" ")}: ${result.stderr}`);
    token = result.stdout.trimEnd().split("\n").at(-1) as string;
  }
}, 180_000);
afterAll(async () => {
  await client?.quit();
  await redis?.stop();
  cleanup?.();
});

/** Starts `avails serve --port 0` with `flags`; resolves with the child and its URL once it listens. */
async function serve(
  ...flags: string[]
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, "--store", store, "serve", "--port", "0", ...flags], {
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stderr?.on("data", (chunk) => {
    text += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      text += chunk;
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
      if (found !== undefined) resolve(found);
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${text}`)));
  });
  return { child, url, output: () => text };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** An impression of c1 on 2026-10-28 (the last day of data, inside the flight and before the paced hour). */
function impression(id: string, count: number): Row {
  return {
    event_id: id,
    event_type: "impression",
    event_time: "2026-10-28T12:10:00Z",
    campaign_id: "c1",
    geo: "SE",
    device: "mobile",
    count,
  };
}

/** Polls `read` until `done` holds for its value, up to a generous bound (never a timing assertion). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("avails serve --stream", () => {
  it("counts a streamed impression in the campaign's pacing (and /readyz), once, without restarting the server", async () => {
    const stream = "events-pacing";
    const { child, url } = await serve("--stream", redis.url(stream), "--stream-block-ms", "200");
    let counted = Number.NaN;
    try {
      const pacing = async () => {
        const response = await fetch(`${url}/v1/campaigns/c1/pacing`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(200);
        return (await response.json()) as { delivered_to_date: number; at: string };
      };
      const before = await pacing();
      expect(before.at).toBe("2026-10-29T00:00:00.000Z");
      // Three impressions of 5, one XADDed twice (a producer's retry): 15 more delivered.
      for (const row of [
        impression("s1", 5),
        impression("s2", 5),
        impression("s1", 5),
        impression("s3", 5),
      ]) {
        await client.xadd(stream, "*", "event", JSON.stringify(row));
      }
      const after = await until(
        pacing,
        (p) => p.delivered_to_date >= before.delivered_to_date + 15,
        "delivered_to_date",
      );
      expect(after.delivered_to_date).toBe(before.delivered_to_date + 15);
      counted = after.delivered_to_date;
      const ready = (await (await fetch(`${url}/readyz`)).json()) as { stream: { lastLagMs: number } };
      expect(ready.stream).toMatchObject({
        source: redis.url(stream),
        entries: 4,
        accepted: 3,
        duplicates: 1,
        quarantined: 0,
        backlog: 0,
      });
      expect(ready.stream.lastLagMs).toBeGreaterThanOrEqual(0);
      const pending = (await client.xpending(stream, "avails")) as [number, ...unknown[]];
      expect(pending[0]).toBe(0);
      child.kill("SIGTERM");
      expect(await exitOf(child)).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
    // The store kept them: avails pace, a separate process once the server has stopped, counts them too.
    const paced = await cli(["--store", store, "pace", "c1", "--json"]);
    expect(paced.code, paced.stderr).toBe(0);
    expect(JSON.parse(paced.stdout).campaigns[0].delivered_to_date).toBe(counted);
  }, 120_000);

  it("a lost stream stops the server with one line naming --stream, exit 1", async () => {
    const own = await startRedis();
    const { child, output } = await serve("--stream", own.url("events"), "--stream-block-ms", "200");
    try {
      await own.stop();
      expect(await exitOf(child)).toBe(1);
      expect(output()).toMatch(
        /^avails: --stream redis:\/\/127\.0\.0\.1:\d+\/events: .+; the server stops$/m,
      );
    } finally {
      child.kill("SIGKILL");
    }
  }, 60_000);

  it("serve names --stream, --stream-batch and --stream-block-ms when they are wrong, before it listens", async () => {
    const run = (...flags: string[]) =>
      cli(["--store", join(dir, "untouched"), "serve", "--port", "0", ...flags]);
    const scheme = await run("--stream", "http://127.0.0.1/events");
    expect(scheme.code).toBe(1);
    expect(scheme.stderr).toBe(
      'avails: --stream: "http://127.0.0.1/events" has scheme "http", not redis or kafka (expected redis://HOST:PORT/STREAM or kafka://BROKER[,BROKER]/TOPIC)\n',
    );
    expect((await run("--stream", "kafka://k1:9092")).stderr).toContain(
      '--stream: "kafka://k1:9092" names no topic',
    );
    expect((await run("--stream", redis.url("e"), "--stream-batch", "0")).stderr).toContain(
      '--stream-batch: "0" is not a whole number >= 1',
    );
    expect((await run("--stream", redis.url("e"), "--stream-block-ms", "-1")).stderr).toContain(
      '--stream-block-ms: "-1" is not a whole number >= 0',
    );
    const refused = await run("--stream", "redis://127.0.0.1:1/events");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^avails: --stream redis:\/\/127\.0\.0\.1:1\/events: cannot connect to Redis/,
    );
    expect(refused.stdout).not.toContain("listening");
    expect(existsSync(join(dir, "untouched"))).toBe(false);
  }, 60_000);
});
