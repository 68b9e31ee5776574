import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseConfig } from "../../config/load-config.js";
import type { Config } from "../../config/schema.js";
import { Random } from "../../demo/random.js";
import { openStore } from "../../store/duckdb-store.js";
import type { Store } from "../../store/store.js";

const HOUR = 3_600_000;

/** The test stores' first hour: 2026-10-01T00:00Z. */
export const TEST_START = Date.UTC(2026, 9, 1);

/** Leaves of the test stores, with their mean opportunities per hour. */
export const TEST_LEAVES = [
  { geo: "SE", device: "mobile", rate: 120 },
  { geo: "SE", device: "desktop", rate: 60 },
  { geo: "NO", device: "mobile", rate: 90 },
  { geo: "NO", device: "desktop", rate: 40 },
] as const;

/** The config of the test stores: geo and device, levels total, geo, device and geo_device. */
export const testConfig: Config = parseConfig(
  {
    dimensions: [
      { name: "geo", case: "upper" },
      { name: "device", case: "lower" },
    ],
    levels: [
      { name: "total", dimensions: [] },
      { name: "geo", dimensions: ["geo"] },
      { name: "geo_device", dimensions: ["geo", "device"] },
    ],
  },
  "test",
);

/**
 * A real store with `days` days of hourly opportunities for the four TEST_LEAVES from TEST_START: a daily
 * cycle (busy evenings, quiet nights), weekends 20% up, Poisson-like noise; one pre-aggregated row per leaf
 * and hour, ingested as a publisher would. Hours listed in `missingHours` have no events at all (an outage).
 * For tests of the simulator.
 *
 * @example
 * const store = await trafficStore(dir, 21, { missingHours: [400] });
 */
export async function trafficStore(
  dir: string,
  days: number,
  options: { missingHours?: readonly number[]; seed?: number } = {},
): Promise<Store> {
  const rng = new Random(options.seed ?? 1, 3);
  const missing = new Set(options.missingHours ?? []);
  const lines: string[] = [];
  for (let h = 0; h < days * 24; h++) {
    if (missing.has(h)) continue;
    const hourOfDay = h % 24;
    const weekday = (Math.floor(h / 24) + 3) % 7; // 2026-10-01 is a Thursday: 0 = Monday
    const shape = (1 + 0.7 * Math.sin((2 * Math.PI * (hourOfDay - 9)) / 24)) * (weekday >= 5 ? 1.2 : 1);
    for (const [i, leaf] of TEST_LEAVES.entries()) {
      const mean = leaf.rate * shape;
      const count = Math.max(
        1,
        Math.round(mean + Math.sqrt(mean) * (rng.next() + rng.next() + rng.next() - 1.5) * 2),
      );
      const time = new Date(TEST_START + h * HOUR + 60_000 * (i + 1)).toISOString();
      lines.push(
        JSON.stringify({
          event_id: `o-${h}-${i}`,
          event_type: "opportunity",
          event_time: time,
          ingestion_time: time,
          geo: leaf.geo,
          device: leaf.device,
          count,
        }),
      );
    }
  }
  await mkdir(dir, { recursive: true });
  const file = join(dir, "events.ndjson");
  await writeFile(file, `${lines.join("\n")}\n`);
  const store = await openStore(join(dir, "store"), testConfig);
  await store.ingest([file], { now: TEST_START + days * 24 * HOUR + HOUR });
  return store;
}
