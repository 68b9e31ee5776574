import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLeafTraffic } from "./leaf-traffic.js";
import { TEST_START, testConfig, trafficStore } from "./test-traffic-store.js";

const HOUR = 3_600_000;
const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "avails-leaf-traffic-"));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("readLeafTraffic(store, config, options)", () => {
  it("reads the finest supply level: history, then the stretch ending at the last whole day", async () => {
    const store = await trafficStore(await freshDir(), 12, { missingHours: [30] });
    try {
      const traffic = await readLeafTraffic(store, testConfig, { stretchDays: 3, historyDays: 7 });
      expect(traffic.level).toBe("geo_device");
      expect(traffic.keys).toEqual([
        "geo=NO|device=desktop",
        "geo=NO|device=mobile",
        "geo=SE|device=desktop",
        "geo=SE|device=mobile",
      ]);
      expect(traffic.hours).toBe(10 * 24);
      expect(traffic.stretchStart).toBe(7 * 24);
      expect(traffic.start).toBe(TEST_START + 2 * 24 * HOUR);
      // The cube's own figure for a cell comes through unchanged.
      const slice = await store.cube({ level: "geo_device", measure: "opportunities" });
      const i = slice.hour.findIndex(
        (h, k) => h === traffic.start && slice.keys[slice.keyIndex[k]] === traffic.keys[3],
      );
      expect(traffic.values[3 * traffic.hours]).toBe(slice.value[i]);
    } finally {
      await store.close();
    }
  });

  it("marks an hour with no event in any leaf as missing (NaN), not as zero traffic", async () => {
    const store = await trafficStore(await freshDir(), 6, { missingHours: [50] });
    try {
      const traffic = await readLeafTraffic(store, testConfig, { stretchDays: 2, historyDays: 4 });
      expect(traffic.start).toBe(TEST_START);
      for (let leaf = 0; leaf < 4; leaf++) {
        expect(traffic.values[leaf * traffic.hours + 50]).toBeNaN();
        expect(traffic.values[leaf * traffic.hours + 51]).toBeGreaterThan(0);
      }
    } finally {
      await store.close();
    }
  });

  it("refuses a stretch the data cannot hold, and bad day counts, naming them", async () => {
    const store = await trafficStore(await freshDir(), 5);
    try {
      await expect(readLeafTraffic(store, testConfig, { stretchDays: 4 })).rejects.toThrow(
        /5\.0 whole days .* 4-day stretch needs at least 6/,
      );
      await expect(readLeafTraffic(store, testConfig, { stretchDays: 0 })).rejects.toThrow(/stretch days/);
      await expect(readLeafTraffic(store, testConfig, { stretchDays: 1, historyDays: 1 })).rejects.toThrow(
        /history days/,
      );
    } finally {
      await store.close();
    }
  });
});
