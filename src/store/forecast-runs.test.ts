import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import { openStore } from "./duckdb-store.js";
import { RunGateError } from "./forecast-runs.js";
import type { RunPayload } from "./run-payload.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "avails-runs-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let counter = 0;
async function freshStore(settings: object = {}) {
  const dir = join(root, `store-${++counter}`);
  const config = parseConfig(settings, "test");
  return { dir, config, store: await openStore(dir, config) };
}

/** A run whose two series have the given hourly level; the total level sums them. */
function payload(
  level: number,
  options: { bad?: number; seed?: number } = {},
): RunPayload<{ level: number }> {
  const means = new Float64Array(2 * 24);
  for (let i = 0; i < means.length; i++) means[i] = level * (1 + (i % 24) / 24);
  if (options.bad !== undefined) means[5] = options.bad;
  let total = 0;
  for (const v of means) total += v;
  return {
    configHash: "abc123",
    seed: options.seed ?? 7,
    watermark: "2026-10-01T00:00:00.000Z",
    summary: {
      levels: { total: { total, series: 1 }, geo: { total, series: 2 } },
      coherence: { total: { maxRelativeError: 0 } },
    },
    manifest: { level },
    arrays: { means: { data: means, rows: ["geo=SE", "geo=NO"] }, paths: { data: new Float32Array(means) } },
  };
}

describe("store.runs", () => {
  it("create(payload) writes runs/<id> and a pending row; readPublished() is null until a publish", async () => {
    const { dir, store } = await freshStore();
    try {
      const id = await store.runs.create(payload(100));
      expect(id).toBe("r000001");
      expect(readdirSync(join(dir, "runs")).sort()).toEqual(["r000001"]);
      expect(readdirSync(join(dir, "runs", id)).sort()).toEqual(["manifest.json", "means.bin", "paths.bin"]);
      const info = await store.runs.show(id);
      expect(info).toMatchObject({ id, status: "pending", configHash: "abc123", seed: 7, publishedAt: null });
      expect(info.summary?.arrays.means).toMatchObject({ length: 48, nonFinite: 0, negative: 0 });
      expect(info.gates?.passed).toBe(true);
      expect(info.bytes).toBeGreaterThan(48 * 8 + 48 * 4);
      expect(await store.runs.readPublished()).toBeNull();
      expect(await store.runs.create(payload(100))).toBe("r000002");
      expect((await store.runs.list()).map((r) => r.id)).toEqual(["r000002", "r000001"]);
    } finally {
      await store.close();
    }
  });

  it("publish then rollback round trip: readPublished gives each run's own numbers back", async () => {
    const { store } = await freshStore();
    try {
      const first = await store.runs.create(payload(100));
      const second = await store.runs.create(payload(120));
      expect(await store.runs.publish(first)).toMatchObject({ id: first, previous: null, forced: false });
      const before = await store.runs.readPublished<{ level: number }>();
      expect(before?.info.id).toBe(first);
      expect(before?.manifest).toEqual({ level: 100 });
      expect(before?.rows).toEqual({ means: ["geo=SE", "geo=NO"] });
      expect(before?.arrays.means).toEqual(payload(100).arrays.means.data);

      expect(await store.runs.publish(second)).toMatchObject({
        id: second,
        previous: first,
        unchanged: false,
      });
      expect((await store.runs.show(first)).status).toBe("superseded");
      const after = await store.runs.readPublished(["paths"]);
      expect(after?.info.id).toBe(second);
      expect(Object.keys(after?.arrays ?? {})).toEqual(["paths"]);
      expect(after?.arrays.paths).toEqual(payload(120).arrays.paths.data);

      expect(await store.runs.rollback()).toEqual({ from: second, to: first });
      expect((await store.runs.show(second)).status).toBe("rolled_back");
      expect((await store.runs.show(first)).status).toBe("published");
      const restored = await store.runs.readPublished();
      expect(restored?.info.id).toBe(first);
      expect(restored?.arrays.means).toEqual(before?.arrays.means);
      await expect(store.runs.rollback()).rejects.toThrow(
        "nothing to roll back to: r000001 is the only published run left",
      );
    } finally {
      await store.close();
    }
  });

  it("rollback() walks back through every earlier publish, newest first", async () => {
    const { store } = await freshStore();
    try {
      await expect(store.runs.rollback()).rejects.toThrow("no run is published");
      const ids = [];
      for (const level of [100, 110, 120]) {
        const id = await store.runs.create(payload(level));
        await store.runs.publish(id);
        ids.push(id);
      }
      expect(await store.runs.rollback()).toEqual({ from: ids[2], to: ids[1] });
      expect(await store.runs.rollback()).toEqual({ from: ids[1], to: ids[0] });
      expect((await store.runs.readPublished())?.manifest).toEqual({ level: 100 });
      // Publishing anew after rollbacks starts from the run that is live now.
      const next = await store.runs.create(payload(105));
      expect((await store.runs.publish(next)).previous).toBe(ids[0]);
      expect(await store.runs.rollback()).toEqual({ from: next, to: ids[0] });
    } finally {
      await store.close();
    }
  });

  it("gates block a run with a NaN: publish throws naming the series, the run is rejected, readers see no change", async () => {
    const { store } = await freshStore();
    try {
      const good = await store.runs.create(payload(100));
      await store.runs.publish(good);
      const bad = await store.runs.create(payload(100, { bad: Number.NaN }));
      expect((await store.runs.show(bad)).gates?.passed).toBe(false);
      const error = await store.runs.publish(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RunGateError);
      expect((error as Error).message).toBe(
        'r000002 not published, a gate failed: finite: array "means" holds 1 non-finite value(s) of 48, the first NaN ' +
          'in row "geo=SE" at offset 5 (and 3 more: avails runs show r000002); --force publishes it anyway',
      );
      expect((await store.runs.show(bad)).status).toBe("rejected");
      expect((await store.runs.readPublished())?.info.id).toBe(good);
      expect((await store.runs.show(good)).status).toBe("published");
    } finally {
      await store.close();
    }
  });

  it("publish(id) refuses a level moving more than runs.maxLevelShift, and --force publishes it marked forced", async () => {
    const { store } = await freshStore({ runs: { maxLevelShift: 0.2 } });
    try {
      await store.runs.publish(await store.runs.create(payload(100)));
      const jump = await store.runs.create(payload(130));
      await expect(store.runs.publish(jump)).rejects.toThrow(
        /level_shift: level "total" total moved \+30\.0% from r000001 \(.* -> .*\), over the 20\.0% limit/,
      );
      const forced = await store.runs.publish(jump, { force: true });
      expect(forced).toMatchObject({ id: jump, previous: "r000001", forced: true });
      expect(await store.runs.show(jump)).toMatchObject({ status: "published", forced: true });
      // Within the limit of the now published run, the next one passes.
      expect((await store.runs.publish(await store.runs.create(payload(140)))).forced).toBe(false);
    } finally {
      await store.close();
    }
  });

  it("publish(id) of the published run changes nothing; of a failed or unknown run it says why", async () => {
    const { store } = await freshStore();
    try {
      const id = await store.runs.create(payload(100));
      await store.runs.publish(id);
      expect((await store.runs.publish(id)).unchanged).toBe(true);
      const failed = await store.runs.recordFailure(
        { configHash: "abc123", seed: 1, watermark: null },
        "series geo=SE: out of memory",
      );
      expect(await store.runs.show(failed)).toMatchObject({
        status: "failed",
        error: "series geo=SE: out of memory",
      });
      await expect(store.runs.publish(failed)).rejects.toThrow(
        "r000002 failed (series geo=SE: out of memory); it has nothing to publish",
      );
      await expect(store.runs.publish("r000009")).rejects.toThrow("no run r000009");
      await expect(store.runs.show("banana")).rejects.toThrow('"banana" is not a run id');
      expect((await store.runs.readPublished())?.info.id).toBe(id);
    } finally {
      await store.close();
    }
  });

  it("create(payload) refuses a bad payload before writing anything", async () => {
    const { dir, store } = await freshStore();
    try {
      const ragged = payload(1);
      ragged.arrays.means.rows = ["a", "b", "c", "d", "e"];
      await expect(store.runs.create(ragged)).rejects.toThrow(
        'array "means" has 48 values, not a multiple of its 5 rows',
      );
      await expect(store.runs.create({ ...payload(1), seed: 1.5 })).rejects.toThrow(
        "seed 1.5 is not an integer",
      );
      await expect(store.runs.create({ ...payload(1), watermark: "yesterday" })).rejects.toThrow(
        'watermark "yesterday" is not an ISO time',
      );
      expect(existsSync(join(dir, "runs"))).toBe(false);
      expect(await store.runs.list()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("a throw between the steps of create leaves no row, no run folder and no temporary files", async () => {
    const { dir, store } = await freshStore();
    try {
      for (const step of ["array", "written", "renamed"] as const) {
        await expect(
          store.runs.create(payload(100), {
            onStep: (s) => {
              if (s === step) throw new Error(`boom at ${s}`);
            },
          }),
        ).rejects.toThrow(`boom at ${step}`);
        expect(await store.runs.list()).toEqual([]);
        expect(existsSync(join(dir, "runs")) ? readdirSync(join(dir, "runs")) : []).toEqual([]);
        expect(readdirSync(join(dir, "tmp")).filter((f) => f.startsWith("forecast-run"))).toEqual([]);
      }
      expect(await store.runs.create(payload(100))).toBe("r000001");
    } finally {
      await store.close();
    }
  });

  it("opening a store removes run folders no committed run owns", async () => {
    const { dir, config, store } = await freshStore();
    const id = await store.runs.create(payload(100));
    await store.close();
    await mkdir(join(dir, "runs", "r000002"));
    await writeFile(join(dir, "runs", "r000002", "means.bin"), "half");
    const again = await openStore(dir, config);
    try {
      expect(readdirSync(join(dir, "runs"))).toEqual([id]);
      expect(await again.runs.create(payload(100))).toBe("r000002");
    } finally {
      await again.close();
    }
  });

  it("runs beyond runs.keep lose their files, but the published run and its rollback targets keep theirs", async () => {
    const { dir, store } = await freshStore({ runs: { keep: 2 } });
    try {
      const a = await store.runs.create(payload(100));
      await store.runs.publish(a);
      const b = await store.runs.create(payload(100));
      await store.runs.publish(b);
      const c = await store.runs.create(payload(100));
      const d = await store.runs.create(payload(100));
      // Newest two (c, d) and the top two of the publication stack (b, a) are kept.
      expect(readdirSync(join(dir, "runs")).sort()).toEqual([a, b, c, d]);
      const e = await store.runs.create(payload(100));
      expect(readdirSync(join(dir, "runs")).sort()).toEqual([a, b, d, e]);
      expect(await store.runs.show(c)).toMatchObject({ pruned: true, bytes: 0 });
      await expect(store.runs.publish(c)).rejects.toThrow("r000003: its files were pruned");
      await store.runs.publish(e);
      // a fell out of the top two of the stack [a, b, e].
      expect(readdirSync(join(dir, "runs")).sort()).toEqual([b, d, e]);
      expect(await store.runs.rollback()).toEqual({ from: e, to: b });
    } finally {
      await store.close();
    }
  });

  it("a read-only store reads the published run and refuses to change runs", async () => {
    const { dir, config, store } = await freshStore();
    const id = await store.runs.create(payload(100));
    await store.runs.publish(id);
    await store.close();
    const reader = await openStore(dir, config, { readOnly: true });
    try {
      expect((await reader.runs.readPublished())?.info.id).toBe(id);
      await expect(reader.runs.publish(id)).rejects.toThrow("read-only");
    } finally {
      await reader.close();
    }
  });

  it("a store made before runs existed reads as having none when opened read-only, and gains the tables when written", async () => {
    const { dir, config, store } = await freshStore();
    await store.close();
    // What a store of schema version 1 lacks.
    const instance = await DuckDBInstance.create(join(dir, "avails.duckdb"));
    const connection = await instance.connect();
    for (const table of ["forecast_runs", "run_publications", "adjustments"])
      await connection.run(`DROP TABLE ${table}`);
    connection.closeSync();
    instance.closeSync();
    const reader = await openStore(dir, config, { readOnly: true });
    try {
      expect(await reader.runs.list()).toEqual([]);
      expect(await reader.runs.readPublished()).toBeNull();
      expect(await reader.adjustments.list()).toEqual([]);
    } finally {
      await reader.close();
    }
    const writer = await openStore(dir, config);
    try {
      expect(await writer.runs.create(payload(100))).toBe("r000001");
    } finally {
      await writer.close();
    }
  });
});
