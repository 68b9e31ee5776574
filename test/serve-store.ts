import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../src/config/schema.js";
import { runForecast } from "../src/run/forecast-run.js";
import { openStore } from "../src/store/duckdb-store.js";
import type { Store } from "../src/store/store.js";

/** The first hour of the small store's history: 2026-10-01T00:00Z. */
export const HISTORY_START = Date.UTC(2026, 9, 1);
/** Days of history in the small store. */
export const HISTORY_DAYS = 21;
export const GEOS = ["SE", "NO"];
export const DEVICES = ["mobile", "desktop"];

/**
 * Hourly opportunities of 2 geos × 2 devices over three weeks, as pre-aggregated rows (`count`), with a daily
 * cycle: a store small enough that a forecast run of it takes a second or two.
 */
export function smallStoreLines(): string {
  const lines: string[] = [];
  for (let h = 0; h < HISTORY_DAYS * 24; h++) {
    const hourOfDay = h % 24;
    const daily = 1 + 0.6 * Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI);
    GEOS.forEach((geo, g) => {
      DEVICES.forEach((device, d) => {
        const count = Math.round((200 + 100 * g + 60 * d) * daily + ((h * 7 + g * 3 + d) % 11));
        const time = new Date(HISTORY_START + h * 3_600_000 + 60_000).toISOString();
        lines.push(
          JSON.stringify({
            event_id: `o-${h}-${geo}-${device}`,
            event_type: "opportunity",
            event_time: time,
            geo,
            device,
            count,
          }),
        );
      });
    });
  }
  return `${lines.join("\n")}\n`;
}

/** Options of the small forecast runs: short horizon, few paths, seasonal naive. */
export const SMALL_RUN = {
  horizon: 168,
  paths: 100,
  historyDays: 14,
  model: "snaive",
  pool: { workers: 0 },
} as const;

/**
 * Opens a fresh store in `dir`, ingests the small history (as of its last hour) and publishes a forecast run.
 *
 * @example
 * const store = await smallStore(dir, config); // run r000001 published
 */
export async function smallStore(dir: string, config: Config): Promise<Store> {
  const file = join(dir, "history.ndjson");
  writeFileSync(file, smallStoreLines());
  const store = await openStore(join(dir, "data"), config);
  await store.ingest([file], { now: HISTORY_START + HISTORY_DAYS * 86_400_000 });
  const run = await runForecast(store, config, { ...SMALL_RUN, seed: 1 });
  if (!run.published) throw new Error(`small store: run not published: ${run.refused.join("; ")}`);
  return store;
}
