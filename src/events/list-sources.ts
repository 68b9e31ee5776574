import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";

/** The formats a source file can be in. */
export type SourceFormat = "ndjson" | "csv" | "parquet";

/** A file to read, with its format. */
export interface Source {
  path: string;
  format: SourceFormat;
}

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".csv": "csv",
  ".parquet": "parquet",
};

/** The format of a file from its name (`.gz` looked through), or undefined if it is not a log file. */
export function formatOf(path: string): SourceFormat | undefined {
  const name = path.endsWith(".gz") ? path.slice(0, -3) : path;
  const format = FORMAT_BY_EXTENSION[extname(name).toLowerCase()];
  if (format === "parquet" && path.endsWith(".gz")) return undefined;
  return format;
}

/**
 * Expands paths (files or folders, folders walked recursively) into the log files to read, sorted by path
 * inside each folder so runs are repeatable. A named file must be a log file; other files inside folders
 * (manifests, notes) are skipped.
 *
 * @example
 * await listSources(["./logs"]); // [{ path: "/abs/logs/events-2026-11-01.ndjson", format: "ndjson" }, ...]
 */
export async function listSources(paths: readonly string[]): Promise<Source[]> {
  if (paths.length === 0) throw new Error("no input: give one or more files or folders");
  const sources: Source[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const path = resolve(given);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      throw new Error(`${given}: no such file or folder`);
    }
    if (info.isDirectory()) {
      const before = sources.length;
      for (const file of await walk(path)) {
        const format = formatOf(file);
        if (format !== undefined && !seen.has(file)) {
          seen.add(file);
          sources.push({ path: file, format });
        }
      }
      if (sources.length === before) {
        throw new Error(
          `${given}: no log files in this folder (.ndjson, .jsonl, .csv, .parquet, .ndjson.gz, .csv.gz)`,
        );
      }
    } else {
      const format = formatOf(path);
      if (format === undefined) {
        throw new Error(
          `${given}: unknown format (expected .ndjson, .jsonl, .csv, .parquet, or .ndjson.gz / .csv.gz)`,
        );
      }
      if (!seen.has(path)) {
        seen.add(path);
        sources.push({ path, format });
      }
    }
  }
  return sources;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
