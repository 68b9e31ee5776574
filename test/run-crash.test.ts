import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../src/store/duckdb-store.js";
import { defaultConfig, tempDir } from "./helpers.js";

const CHILD = resolve(import.meta.dirname, "create-run-child.js");

/** Runs the child that creates a run of the given level and kills itself at `step` ("none": it finishes). */
function createInChild(
  store: string,
  step: string,
  level: number,
): Promise<{ code: number | null; signal: string | null }> {
  const child = spawn(process.execPath, [CHILD, store, step, String(level), "200"], {
    stdio: "ignore",
    env: { ...process.env, TZ: "UTC" },
  });
  return new Promise((done) => child.on("exit", (code, signal) => done({ code, signal })));
}

/** What a reader of the store sees of its runs: rows and the published run's manifest. */
async function visible(dir: string) {
  const store = await openStore(dir, defaultConfig, { readOnly: true });
  try {
    const published = await store.runs.readPublished();
    return {
      runs: (await store.runs.list()).map((r) => `${r.id}:${r.status}`),
      published: published === null ? null : { id: published.info.id, manifest: published.manifest },
    };
  } finally {
    await store.close();
  }
}

describe("forecast run crash safety", () => {
  it("kill -9 at every step of creating a run leaves no visible half run, and the next open clears the leftovers", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = join(dir, "store");
      expect(await createInChild(store, "none", 1)).toEqual({ code: 0, signal: null });
      const setup = await openStore(store, defaultConfig);
      await setup.runs.publish("r000001");
      await setup.close();
      const before = await visible(store);
      expect(before).toEqual({
        runs: ["r000001:published"],
        published: { id: "r000001", manifest: { level: 1 } },
      });

      for (const step of ["array", "written", "renamed"]) {
        expect(await createInChild(store, step, 2), step).toEqual({ code: null, signal: "SIGKILL" });
        // A reader (read-only: no cleanup) sees the store as before the run.
        expect(await visible(store), step).toEqual(before);
        // A writer's open removes what the crash left: no run folder without its row, nothing in tmp.
        const writer = await openStore(store, defaultConfig);
        await writer.close();
        expect(readdirSync(join(store, "runs")), step).toEqual(["r000001"]);
        expect(
          readdirSync(join(store, "tmp")).filter((f) => f.startsWith("forecast-run")),
          step,
        ).toEqual([]);
      }

      // Killed after the commit: the run is whole, pending, and publishable.
      expect(await createInChild(store, "committed", 3)).toEqual({ code: null, signal: "SIGKILL" });
      const after = await visible(store);
      expect(after.runs).toEqual(["r000002:pending", "r000001:published"]);
      const writer = await openStore(store, defaultConfig);
      try {
        await writer.runs.publish("r000002", { force: true });
        const run = await writer.runs.readPublished();
        expect(run?.manifest).toEqual({ level: 3 });
        expect(run?.arrays.means.length).toBe(200 * 840);
        expect(run?.arrays.means.every((v) => v === 3)).toBe(true);
      } finally {
        await writer.close();
      }
      expect(existsSync(join(store, "runs", "r000002", "manifest.json"))).toBe(true);
    } finally {
      cleanup();
    }
  });
});
