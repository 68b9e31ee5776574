import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatOf, listSources } from "./list-sources.js";

let dir: string;
let logs: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "avails-list-sources-"));
  logs = join(dir, "logs");
  await mkdir(join(logs, "sub", "deeper"), { recursive: true });
  await mkdir(join(logs, "empty"));
  for (const name of [
    "z.jsonl",
    "b.csv",
    "a.ndjson",
    "manifest.json",
    "notes.txt",
    "old.parquet.gz",
    "sub/c.parquet",
    "sub/deeper/d.csv.gz",
    "sub/deeper/e.ndjson.gz",
    "sub/README.md",
  ]) {
    await writeFile(join(logs, name), "");
  }
  await writeFile(join(dir, "notes.txt"), "");
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("formatOf", () => {
  it("formatOf(path) maps .ndjson, .jsonl, .csv and .parquet, looking through .gz for text formats", () => {
    expect(formatOf("a.ndjson")).toBe("ndjson");
    expect(formatOf("a.jsonl")).toBe("ndjson");
    expect(formatOf("a.csv")).toBe("csv");
    expect(formatOf("a.parquet")).toBe("parquet");
    expect(formatOf("a.ndjson.gz")).toBe("ndjson");
    expect(formatOf("a.jsonl.gz")).toBe("ndjson");
    expect(formatOf("a.csv.gz")).toBe("csv");
    expect(formatOf("/x/y/A.CSV")).toBe("csv");
  });

  it("formatOf(path) returns undefined for gzipped Parquet and files that are not logs", () => {
    expect(formatOf("a.parquet.gz")).toBeUndefined();
    expect(formatOf("manifest.json")).toBeUndefined();
    expect(formatOf("notes.txt")).toBeUndefined();
    expect(formatOf("a.gz")).toBeUndefined();
    expect(formatOf("csv")).toBeUndefined();
  });
});

describe("listSources", () => {
  it("listSources([folder]) walks the folder recursively, sorted, skipping manifests and unknown files", async () => {
    expect(await listSources([logs])).toEqual([
      { path: join(logs, "a.ndjson"), format: "ndjson" },
      { path: join(logs, "b.csv"), format: "csv" },
      { path: join(logs, "sub", "c.parquet"), format: "parquet" },
      { path: join(logs, "sub", "deeper", "d.csv.gz"), format: "csv" },
      { path: join(logs, "sub", "deeper", "e.ndjson.gz"), format: "ndjson" },
      { path: join(logs, "z.jsonl"), format: "ndjson" },
    ]);
  });

  it("listSources([folder]) refuses a folder without log files, naming it", async () => {
    const empty = join(logs, "empty");
    await expect(listSources([empty])).rejects.toThrow(`${empty}: no log files in this folder`);
  });

  it("listSources(paths) keeps the order of the given paths and resolves them to absolute paths", async () => {
    const z = join(logs, "z.jsonl");
    const a = relative(process.cwd(), join(logs, "a.ndjson"));
    expect(await listSources([z, a])).toEqual([
      { path: z, format: "ndjson" },
      { path: join(logs, "a.ndjson"), format: "ndjson" },
    ]);
  });

  it("listSources(paths) lists a file given twice, or also inside a given folder, once", async () => {
    const b = join(logs, "b.csv");
    expect(await listSources([b, b])).toEqual([{ path: b, format: "csv" }]);
    const both = await listSources([b, logs, relative(process.cwd(), b)]);
    expect(both.map((s) => s.path)).toEqual([
      b,
      join(logs, "a.ndjson"),
      join(logs, "sub", "c.parquet"),
      join(logs, "sub", "deeper", "d.csv.gz"),
      join(logs, "sub", "deeper", "e.ndjson.gz"),
      join(logs, "z.jsonl"),
    ]);
  });

  it("listSources([file]) throws naming a file of unknown format", async () => {
    const notes = join(dir, "notes.txt");
    await expect(listSources([notes])).rejects.toThrow(
      `${notes}: unknown format (expected .ndjson, .jsonl, .csv, .parquet, or .ndjson.gz / .csv.gz)`,
    );
    const parquetGz = join(logs, "old.parquet.gz");
    await expect(listSources([parquetGz])).rejects.toThrow(`${parquetGz}: unknown format`);
  });

  it("listSources([path]) throws naming a path that does not exist", async () => {
    const missing = join(dir, "nope", "events.csv");
    await expect(listSources([logs, missing])).rejects.toThrow(`${missing}: no such file or folder`);
  });

  it("listSources([]) throws asking for input", async () => {
    await expect(listSources([])).rejects.toThrow("no input: give one or more files or folders");
  });
});
