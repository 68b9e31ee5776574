import { join } from "node:path";
import { type PublishedForecast, readPublishedForecast } from "../src/run/published-forecast.js";
import { openStore } from "../src/store/duckdb-store.js";
import { cli, defaultConfig, writeNdjson } from "./helpers.js";

/** Opportunities per hour of each cell (geo|device) at the daily mean. */
export const STEADY_CELLS: Readonly<Record<string, number>> = {
  "SE|mobile": 400,
  "SE|ctv": 100,
  "NO|mobile": 200,
  "NO|ctv": 50,
};

/**
 * Writes `days` days of hourly opportunities from 2026-10-01T00:00Z for the cells of STEADY_CELLS, one
 * pre-aggregated row per cell and hour (`count`): a daily cycle (peak in the evening) with ±10% noise from
 * a fixed linear congruential generator, each row arriving 5 minutes after its hour. A small store a
 * forecast run takes seconds on, for tests of what reads a published run.
 */
export function writeSteadyTraffic(path: string, days: number, seed = 7): string {
  let state = seed >>> 0;
  const noise = () => {
    // Numerical Recipes' LCG: deterministic and enough for test traffic.
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const rows = [];
  const start = Date.UTC(2026, 9, 1);
  for (let h = 0; h < days * 24; h++) {
    const hourOfDay = h % 24;
    const cycle = 1 + 0.5 * Math.sin((2 * Math.PI * (hourOfDay - 12)) / 24);
    for (const [cell, base] of Object.entries(STEADY_CELLS)) {
      const [geo, device] = cell.split("|");
      const time = start + h * 3_600_000;
      rows.push({
        event_id: `o-${cell}-${h}`,
        event_type: "opportunity",
        event_time: new Date(time + 30 * 60_000).toISOString(),
        ingestion_time: new Date(time + 65 * 60_000).toISOString(),
        geo,
        device,
        count: Math.max(1, Math.round(base * cycle * (1 + 0.2 * noise()))),
      });
    }
  }
  return writeNdjson(path, rows);
}

/**
 * A store in `dir`/data holding four weeks of steady traffic (`writeSteadyTraffic`), forecast 96 hours from
 * 2026-10-29T00:00Z with 200 sample paths and published through the CLI; returns the published run.
 */
export async function steadyForecast(dir: string): Promise<PublishedForecast> {
  const store = join(dir, "data");
  const traffic = writeSteadyTraffic(join(dir, "traffic.ndjson"), 28);
  for (const args of [
    ["ingest", traffic],
    ["forecast", "--horizon", "96", "--paths", "200", "--history-days", "28"],
  ]) {
    const result = await cli(["--store", store, ...args]);
    if (result.code !== 0) throw new Error(`avails ${args.join(" ")}: ${result.stderr}`);
  }
  const opened = await openStore(store, defaultConfig, { readOnly: true });
  const published = await readPublishedForecast(opened).finally(() => opened.close());
  if (published === null) throw new Error("the forecast run was not published");
  return published;
}
