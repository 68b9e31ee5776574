import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readHierarchyHistory } from "../src/series/read-hierarchy.js";
import { openStore } from "../src/store/duckdb-store.js";
import { at, defaultConfig, opportunity, tempDir, writeNdjson } from "./helpers.js";

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const HOURS = 480;
const CELLS = [
  ["SE", "mobile"],
  ["SE", "desktop"],
  ["NO", "mobile"],
  ["NO", "desktop"],
] as const;

/**
 * 20 days of 60 opportunities per cell and hour, in rows of 10 at minutes 5, 15, ... 55: those at minutes 5,
 * 25 and 45 arrive 10 minutes later, the others 2.5 hours later. The logs are cut at hour 480: rows that
 * would arrive after it are not there yet.
 */
function lateArrivingRows() {
  const rows = [];
  const cut = Date.parse(at(HOURS));
  for (let h = 0; h < HOURS; h++) {
    for (const [geo, device] of CELLS) {
      for (let m = 5; m < 60; m += 10) {
        const delay = m % 20 === 5 ? 10 : 150;
        const ingestion = Date.parse(at(h, m + delay));
        if (ingestion > cut) continue;
        rows.push(
          opportunity(`${geo}${device}${h}-${m}`, h, geo, device, {
            event_time: at(h, m),
            ingestion_time: new Date(ingestion).toISOString(),
            count: 10,
          }),
        );
      }
    }
  }
  return rows;
}

describe("readHierarchyHistory(store, config)", () => {
  it("reads every supply level on one span, and open hours still filling up do not read as a dip", async () => {
    const file = writeNdjson(join(dir, "late.ndjson"), lateArrivingRows());
    const store = await openStore(join(dir, "store"), defaultConfig);
    try {
      await store.ingest([file], { now: Date.parse(at(HOURS)) });
      const raw = await store.cube({ level: "total", measure: "opportunities" });
      // The raw cube dips: the last two hours hold only their prompt half.
      const lastRaw = raw.value[raw.hour.indexOf(Date.parse(at(HOURS - 2)))];
      expect(lastRaw).toBe(120);

      const history = await readHierarchyHistory(store, defaultConfig);
      if (history === null) throw new Error("no history");
      expect(history.levels.map((l) => l.name)).toEqual(["total", "geo", "device", "geo_device"]);
      expect(history.delaysMeasured).toBe(true);
      expect(history.correctedHours).toBeGreaterThanOrEqual(1);
      expect(history.droppedHours).toBeLessThanOrEqual(2);
      expect(history.hours).toBe(HOURS - history.droppedHours);
      const total = history.levels[0];
      expect(total.keys).toEqual(["total"]);
      for (let t = 0; t < history.hours; t++) {
        expect(total.values[t], `hour ${t}`).toBeGreaterThan(240 * 0.85);
        expect(total.values[t], `hour ${t}`).toBeLessThan(240 * 1.15);
      }
      // Levels agree: the geos add up to the total hour by hour, corrected hours included.
      const geo = history.levels[1];
      expect(geo.keys).toEqual(["geo=NO", "geo=SE"]);
      for (let t = 0; t < history.hours; t++) {
        expect(geo.values[t] + geo.values[history.hours + t]).toBeCloseTo(total.values[t], 9);
      }
    } finally {
      await store.close();
    }
  });

  it("reads the history as of an earlier instant, complete, for backtests", async () => {
    const file = writeNdjson(join(dir, "late.ndjson"), lateArrivingRows());
    const store = await openStore(join(dir, "store"), defaultConfig);
    try {
      await store.ingest([file], { now: Date.parse(at(HOURS)) });
      const history = await readHierarchyHistory(store, defaultConfig, { asOf: Date.parse(at(400, 30)) });
      if (history === null) throw new Error("no history");
      expect(history.hours).toBe(400);
      expect(history.correctedHours + history.droppedHours).toBe(0);
      expect(history.levels[0].values[399]).toBe(240);
      expect(history.watermark).toBe(Date.parse(at(400)) - 1);
      await expect(readHierarchyHistory(store, defaultConfig, { asOf: Date.parse(at(-5)) })).rejects.toThrow(
        /asOf: .* is before the first hour with data/,
      );
    } finally {
      await store.close();
    }
  });

  it("is null for a store without events and rejects a bad historyDays", async () => {
    const store = await openStore(join(dir, "store"), defaultConfig);
    try {
      expect(await readHierarchyHistory(store, defaultConfig)).toBeNull();
      await expect(readHierarchyHistory(store, defaultConfig, { historyDays: 0 })).rejects.toThrow(
        /historyDays: 0/,
      );
    } finally {
      await store.close();
    }
  });
});
