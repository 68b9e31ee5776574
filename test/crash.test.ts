import { execFileSync, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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

/** Everything a reader can see of a store: the cube, the status counts and the quarantine. */
async function snapshot(storeDir: string): Promise<string> {
  const store = await openStore(storeDir, defaultConfig);
  try {
    const status = await store.status();
    const quarantine = await store.quarantine(1_000_000);
    return JSON.stringify({
      cube: await cubeDigest(store),
      events: status.events,
      duplicates: status.duplicates,
      quarantined: status.quarantined,
      watermark: status.watermark,
      runs: status.runs,
      quarantine: quarantine.map((q) => `${q.source}:${q.line}:${q.reason}`).sort(),
    });
  } finally {
    await store.close();
  }
}

function ingestProcess(storeDir: string, paths: string[]) {
  return spawn(process.execPath, [CLI, "--store", storeDir, "ingest", ...paths], {
    stdio: "ignore",
    env: { ...process.env, TZ: "UTC" },
  });
}

function exited(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

function files(dir: string): { base: string; batch: string[] } {
  const base: Row[] = [];
  for (let i = 0; i < 2_000; i++) base.push(opportunity(`base-${i}`, i % 48));
  const batch: string[] = [];
  for (let f = 0; f < 4; f++) {
    const rows: Row[] = [];
    for (let i = 0; i < 25_000; i++) {
      const hour = 24 + ((f * 25_000 + i) % 96);
      rows.push(opportunity(`o${f}-${i}`, hour, ["SE", "NO", "DK", "FI"][i % 4], ["mobile", "tv"][i % 2]));
      if (i % 3 === 0) rows.push(impression(`i${f}-${i}`, hour, `c${i % 7}`));
      if (i % 50 === 0) rows.push(opportunity(`base-${i % 2000}`, i % 48)); // retries of stored events
      if (i % 997 === 0) rows.push({ ...opportunity(`bad-${f}-${i}`, hour), geo: undefined });
    }
    batch.push(writeNdjson(join(dir, `batch-${f}.ndjson`), rows));
  }
  return { base: writeNdjson(join(dir, "base.ndjson"), base), batch };
}

describe("crash safety", () => {
  it("kill -9 at any moment of an ingest, then ingesting again, gives exactly the store of a clean run", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const input = files(dir);
      const clean = join(dir, "clean");
      expect(await exited(ingestProcess(clean, [input.base]))).toBe(0);
      const baseState = await snapshot(clean);
      const started = Date.now();
      expect(await exited(ingestProcess(clean, input.batch))).toBe(0);
      const cleanRunMs = Date.now() - started;
      const expected = await snapshot(clean);
      expect(expected).not.toBe(baseState);

      // Kill at spread moments of a run: startup, reading, staging, the commit, and near the end.
      for (const share of [0.2, 0.45, 0.65, 0.8, 0.92]) {
        const crashed = join(dir, `crashed-${share}`);
        expect(await exited(ingestProcess(crashed, [input.base]))).toBe(0);
        const child = ingestProcess(crashed, input.batch);
        const done = exited(child);
        await new Promise((resolve) => setTimeout(resolve, share * cleanRunMs));
        child.kill("SIGKILL");
        await done;
        // Nothing half-written is visible: the store is as before the run, or as after it.
        const afterKill = await snapshot(crashed);
        expect([baseState, expected].includes(afterKill), `state after kill at ${share}`).toBe(true);
        expect(await exited(ingestProcess(crashed, input.batch))).toBe(0);
        const final = JSON.parse(await snapshot(crashed));
        const reference = JSON.parse(expected);
        // A run that committed before the kill makes the rerun all duplicates: only the counters differ.
        if (afterKill === expected) {
          expect(final.cube).toBe(reference.cube);
          expect(final.events).toEqual(reference.events);
        } else {
          expect(final).toEqual(reference);
        }
      }
    } finally {
      cleanup();
    }
  });
});

describe("one writer at a time", () => {
  it("a second process waits for the store's lock, then says which process holds it", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const input = files(dir);
      const store = join(dir, "store");
      // The writer reads a named pipe, so it holds the lock until the pipe is written, however fast it ingests.
      const pipe = join(dir, "pipe.ndjson");
      execFileSync("mkfifo", [pipe]);
      const writer = spawn(process.execPath, [CLI, "--store", store, "ingest", pipe], {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, TZ: "UTC" },
      });
      const done = exited(writer);
      // The first progress line comes once the store is open and locked.
      await new Promise<void>((resolve) => writer.stderr?.once("data", () => resolve()));
      const reader = await cli(["--store", store, "status"], { env: { AVAILS_LOCK_TIMEOUT_MS: "300" } });
      expect(reader.code).toBe(1);
      expect(reader.stderr.trim()).toMatch(
        new RegExp(
          `^avails: the store .* is in use by another avails process \\(PID ${writer.pid}\\); try again`,
        ),
      );
      await writeFile(pipe, await readFile(input.batch[0]));
      expect(await done).toBe(0);
      // Once the writer is done, the same command succeeds.
      const after = await cli(["--store", store, "status", "--json"]);
      expect(JSON.parse(after.stdout).runs).toBe(1);
    } finally {
      cleanup();
    }
  });

  it("refuses a lock timeout that is not a whole number", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const result = await cli(["--store", dir, "status"], { env: { AVAILS_LOCK_TIMEOUT_MS: "soon" } });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        'avails: AVAILS_LOCK_TIMEOUT_MS: "soon" is not a whole number of milliseconds',
      );
    } finally {
      cleanup();
    }
  });
});
