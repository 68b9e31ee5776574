import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import type { AdjustmentSpec } from "../forecast/adjust/adjustment.js";
import { openStore } from "./duckdb-store.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "avails-adjustments-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const spec: AdjustmentSpec = {
  name: "xmas SE",
  targeting: { geo: ["SE"], device: ["mobile"] },
  start: "2026-12-01",
  end: "2026-12-24",
  kind: "percent",
  value: 15,
};

describe("store.adjustments", () => {
  it("add, list and remove keep adjustments in the order added, across reopening the store", async () => {
    const config = parseConfig({}, "test");
    const store = await openStore(join(dir, "a"), config);
    const first = await store.adjustments.add(spec);
    const second = await store.adjustments.add({
      ...spec,
      name: "NO volume",
      kind: "daily_volume",
      value: 5e4,
    });
    await store.close();
    expect([first.id, second.id]).toEqual([1, 2]);
    expect(Date.parse(first.createdAt)).not.toBeNaN();
    const again = await openStore(join(dir, "a"), config);
    try {
      expect(await again.adjustments.list()).toEqual([first, second]);
      expect(await again.adjustments.remove(1)).toEqual(first);
      expect(await again.adjustments.list()).toEqual([second]);
      await expect(again.adjustments.remove(1)).rejects.toThrow("no adjustment 1");
      expect((await again.adjustments.add(spec)).id).toBe(3);
    } finally {
      await again.close();
    }
  });

  it("add(spec) refuses an unknown dimension and a broken spec, storing nothing", async () => {
    const store = await openStore(join(dir, "b"), parseConfig({}, "test"));
    try {
      await expect(store.adjustments.add({ ...spec, targeting: { market: ["SE"] } })).rejects.toThrow(
        'targeting: unknown dimension "market"',
      );
      await expect(store.adjustments.add({ ...spec, end: "2026-01-01" })).rejects.toThrow(
        "end: 2026-01-01 is before",
      );
      expect(await store.adjustments.list()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
