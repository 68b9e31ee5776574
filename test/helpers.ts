import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { parseConfig } from "../src/config/load-config.js";
import type { Config } from "../src/config/schema.js";
import type { Store } from "../src/store/store.js";

const run = promisify(execFile);

/** The built CLI (`npm test` builds before testing). */
export const CLI = resolve(import.meta.dirname, "../dist/cli/main.js");

/** Default config, as a store with no config file uses. */
export const defaultConfig: Config = parseConfig({}, "test");

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = "avails-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the CLI; resolves with its exit code and output whatever the code. */
export async function cli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: { ...process.env, TZ: "UTC", ...options.env },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** A delivery event row as written to logs (fields as in the contract). */
export interface Row {
  event_id: string;
  event_type: string;
  event_time: string | number;
  ingestion_time?: string | number;
  campaign_id?: string | null;
  geo?: string;
  device?: string;
  content?: string;
  count?: number;
  cost_micros?: number;
  [extra: string]: unknown;
}

/** Writes rows as NDJSON. */
export function writeNdjson(path: string, rows: readonly Row[]): string {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : ""));
  return path;
}

/** An ISO time `hours` after 2026-10-01T00:00Z, plus `minutes`. */
export function at(hours: number, minutes = 0): string {
  return new Date(Date.UTC(2026, 9, 1) + hours * 3_600_000 + minutes * 60_000).toISOString();
}

/** One opportunity row. */
export function opportunity(
  id: string,
  hours: number,
  geo = "SE",
  device = "mobile",
  extra: Partial<Row> = {},
): Row {
  return { event_id: id, event_type: "opportunity", event_time: at(hours, 5), geo, device, ...extra };
}

/** One impression row. */
export function impression(id: string, hours: number, campaign = "c1", extra: Partial<Row> = {}): Row {
  return {
    event_id: id,
    event_type: "impression",
    event_time: at(hours, 6),
    geo: "SE",
    device: "mobile",
    campaign_id: campaign,
    cost_micros: 2500,
    ...extra,
  };
}

/**
 * The whole cube as sorted text lines (level, key, hour, all measures), to compare two stores to the last
 * count.
 */
export async function cubeDigest(store: Store): Promise<string> {
  const lines: string[] = [];
  for (const level of store.levels()) {
    const measures = ["opportunities", "impressions", "clicks", "spend"] as const;
    const slices = await Promise.all(measures.map((measure) => store.cube({ level, measure })));
    const cells = new Map<string, number[]>();
    slices.forEach((slice, m) => {
      for (let i = 0; i < slice.hour.length; i++) {
        const id = `${level}\t${slice.keys[slice.keyIndex[i]]}\t${new Date(slice.hour[i]).toISOString()}`;
        const values = cells.get(id) ?? [0, 0, 0, 0];
        values[m] = slice.value[i];
        cells.set(id, values);
      }
    });
    for (const [id, values] of cells) lines.push(`${id}\t${values.join("\t")}`);
  }
  return lines.sort().join("\n");
}
