import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, cli, tempDir } from "./helpers.js";

let dir: string;
let cleanup: () => void;
let store: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir("avails-serve-cli-"));
  store = join(dir, "data");
});
afterAll(() => cleanup());

describe("avails tokens", () => {
  it("tokens create prints the new token once, alone on its last line; list shows ids and roles, never tokens or hashes; revoke marks it", async () => {
    const created = await cli(["--store", store, "tokens", "create", "--role", "planner", "--label", "ci"]);
    expect(created.code, created.stderr).toBe(0);
    const lines = created.stdout.trimEnd().split("\n");
    const token = lines.at(-1) as string;
    expect(token).toMatch(/^avails_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const id = token.split("_")[1];
    expect(lines[0]).toBe(`created token ${id} (planner); it is shown this once, keep it safe:`);

    const list = await cli(["--store", store, "tokens", "list"]);
    expect(list.stdout).toMatch(new RegExp(`^${id}\\s+planner\\s+\\S+\\s+-\\s+ci$`, "m"));
    expect(list.stdout).not.toContain(token.slice(16));
    const json = JSON.parse((await cli(["--store", store, "tokens", "list", "--json"])).stdout);
    expect(json).toEqual([
      { id, role: "planner", createdAt: expect.any(String), revokedAt: null, label: "ci" },
    ]);

    expect((await cli(["--store", store, "tokens", "revoke", id])).stdout.trim()).toBe(`revoked token ${id}`);
    const again = await cli(["--store", store, "tokens", "revoke", id]);
    expect(again).toMatchObject({ code: 1, stderr: `avails: no live token "${id}"\n` });
    const revoked = JSON.parse((await cli(["--store", store, "tokens", "list", "--json"])).stdout);
    expect(revoked[0].revokedAt).toMatch(/^\d{4}-/);
  });

  it("tokens create refuses a missing or unknown role with one line naming --role", async () => {
    expect(await cli(["--store", store, "tokens", "create"])).toMatchObject({
      code: 1,
      stderr: "avails: --role: required, one of viewer, planner, admin\n",
    });
    const owner = await cli(["--store", store, "tokens", "create", "--role", "owner"]);
    expect(owner.code).toBe(1);
    expect(owner.stderr).toBe('avails: --role: expected one of viewer, planner, admin, got "owner"\n');
  });
});

describe("avails serve", () => {
  it("serve listens on the port asked, answers /healthz and a token's requests, and stops on SIGTERM", async () => {
    const created = await cli(["--store", store, "tokens", "create", "--role", "viewer"]);
    const token = created.stdout.trimEnd().split("\n").at(-1) as string;
    // Shedding off: this test is about the command, and a busy machine can delay any event loop.
    const config = join(dir, "avails.config.json");
    writeFileSync(config, JSON.stringify({ serve: { maxEventLoopDelayMs: 0 } }));
    const child = spawn(
      process.execPath,
      [CLI, "--store", store, "--config", config, "serve", "--port", "0"],
      {
        env: { ...process.env, TZ: "UTC" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let text = "";
        child.stdout.on("data", (chunk) => {
          text += chunk;
          if (text.includes("\n")) resolve(text);
        });
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(first)?.[1] as string;
      expect(url).toBeDefined();
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: "ok" });
      const campaigns = await fetch(`${url}/v1/campaigns`, { headers: { authorization: `Bearer ${token}` } });
      expect(campaigns.status).toBe(200);
      expect(await campaigns.json()).toEqual([]);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      const code = await new Promise((resolve) => {
        child.on("exit", resolve);
        child.kill("SIGTERM");
      });
      expect(code).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("serve refuses a bad --port and a bad AVAILS_RATE_LIMIT with one line naming it", async () => {
    const port = await cli(["--store", store, "serve", "--port", "http"]);
    expect(port).toMatchObject({
      code: 1,
      stderr: 'avails: --port: "http" is not a port number (0-65535)\n',
    });
    const rate = await cli(["--store", store, "serve", "--port", "0"], {
      env: { AVAILS_RATE_LIMIT: "lots" },
    });
    expect(rate.code).toBe(1);
    expect(rate.stderr).toBe(
      'avails: AVAILS_RATE_LIMIT: "lots" is not a number of requests per second >= 0\n',
    );
  });
});
