import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, cli, tempDir } from "./helpers.js";

// The demo end to end: `avails demo --no-serve` prepares a store (logs, a published run, the demo's campaigns, a
// token) and exits; `avails demo` on that store serves it.
let dir: string;
let cleanup: () => void;
let store: string;
const DEMO = ["--days", "21", "--scale", "3000", "--seed", "9", "--end", "2026-11-01"];

beforeAll(() => {
  ({ dir, cleanup } = tempDir("avails-demo-serve-"));
  store = join(dir, "data");
});
afterAll(() => cleanup());

describe("avails demo", () => {
  it("--no-serve generates, ingests, forecasts, publishes, books the campaigns, prints a token, and exits", async () => {
    const result = await cli(["--store", store, "demo", "--no-serve", ...DEMO]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^forecast run r000001 published$/m);
    const booked = Number(/^booked the demo's (\d+) campaigns$/m.exec(result.stdout)?.[1]);
    expect(booked).toBeGreaterThan(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/is ready: `avails serve` serves it$/);
    expect(lines.at(-2)).toMatch(/^avails_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const runs = JSON.parse((await cli(["--store", store, "runs", "list", "--json"])).stdout);
    expect(runs[0]).toMatchObject({ id: "r000001", status: "published" });
    const campaigns = JSON.parse((await cli(["--store", store, "campaigns", "list", "--json"])).stdout);
    expect(campaigns).toHaveLength(booked);
    // Run again: everything is there, nothing is made twice (no second run, no new token).
    const again = await cli(["--store", store, "demo", "--no-serve", ...DEMO]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toMatch(/forecast run|booked the demo|avails_[0-9a-f]{8}_/);
    expect(JSON.parse((await cli(["--store", store, "runs", "list", "--json"])).stdout)).toHaveLength(1);
  });

  it("serves the prepared store, answering avails with the demo's token, until SIGTERM", async () => {
    const tokens = JSON.parse((await cli(["--store", store, "tokens", "list", "--json"])).stdout);
    expect(tokens).toHaveLength(1);
    const created = await cli(["--store", store, "tokens", "create", "--role", "viewer"]);
    const token = created.stdout.trimEnd().split("\n").at(-1) as string;
    const config = join(dir, "avails.config.json");
    writeFileSync(config, JSON.stringify({ serve: { maxEventLoopDelayMs: 0 } }));
    const child = spawn(
      process.execPath,
      [CLI, "--store", store, "--config", config, "demo", "--port", "0", ...DEMO],
      {
        env: { ...process.env, TZ: "UTC" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const text = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk) => {
          out += chunk;
          if (/forecasting every|scheduled forecasts off/.test(out)) resolve(out);
        });
        child.on("exit", (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1] as string;
      expect(text).toMatch(/serving run r000001/);
      const answer = await fetch(`${url}/v1/avails?start=2026-11-02&end=2026-11-04&geo=SE`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(200);
      const avails = (await answer.json()) as { run_id: string; total: { matched: { mean: number } } };
      expect(avails.run_id).toBe("r000001");
      expect(avails.total.matched.mean).toBeGreaterThan(0);
      const code = await new Promise((resolve) => {
        child.on("exit", resolve);
        child.kill("SIGTERM");
      });
      expect(code).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
