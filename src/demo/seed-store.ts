import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { IngestReport, ProgressListener, Store } from "../store/store.js";
import { type DemoManifest, type DemoOptions, generateDemo } from "./generate.js";

/** How many of the last days are ingested one run per day, as a live feed would bring them. */
export const LIVE_DAYS = 7;

/** What seeding the demo store did. */
export interface SeedResult {
  manifest: DemoManifest;
  /** The history run, then one run per live day. */
  reports: IngestReport[];
}

/**
 * Generates the demo logs and ingests them the way a publisher's pipeline would: the history in one run (the
 * first ingest into an empty store takes any history), then each of the last days in its own run, so late
 * arrivals beyond the allowed lateness show up in quarantine as `too_late`.
 *
 * @example
 * const { manifest, reports } = await seedDemoStore(store, { ...DEMO_DEFAULTS, outDir: "data/demo-logs", end });
 */
export async function seedDemoStore(
  store: Store,
  options: DemoOptions,
  onIngestProgress?: ProgressListener,
  onGenerated?: (manifest: DemoManifest) => void,
): Promise<SeedResult> {
  // Logs of an earlier demo in the same folder would mix with these in a folder-wide ingest.
  if (existsSync(options.outDir)) {
    for (const name of readdirSync(options.outDir)) {
      if (name.startsWith("events-")) rmSync(join(options.outDir, name));
    }
  }
  const manifest = await generateDemo(options);
  onGenerated?.(manifest);
  const files = manifest.files.map((name) => join(options.outDir, name));
  const liveCount = Math.min(LIVE_DAYS, Math.max(0, files.length - 1));
  const history = files.slice(0, files.length - liveCount);
  const reports: IngestReport[] = [await store.ingest(history, { onProgress: onIngestProgress })];
  for (const file of files.slice(files.length - liveCount)) {
    reports.push(await store.ingest([file], { onProgress: onIngestProgress }));
  }
  return { manifest, reports };
}
