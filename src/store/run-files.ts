import { mkdir, open, readFile, stat } from "node:fs/promises";
import { endianness } from "node:os";
import { join } from "node:path";
import type { RunArray, RunArrayInput } from "./run-payload.js";

/** The manifest file of a run folder. */
export const MANIFEST_FILE = "manifest.json";

/** What a run folder's manifest records of each array. */
export interface ArrayEntry {
  file: string;
  type: RunArray["constructor"]["name"];
  length: number;
  bytes: number;
  rows?: string[];
}

/** The manifest file's content. */
export interface RunManifestFile {
  format: 1;
  /** The arrays are raw bytes in this byte order. */
  byteOrder: "LE";
  manifest: unknown;
  arrays: Record<string, ArrayEntry>;
}

const CONSTRUCTORS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint16Array,
  Uint8Array,
} as const;

type TypeName = keyof typeof CONSTRUCTORS;

const ARRAY_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
/** Writes and reads go in pieces below Node's 2 GiB limit per call. */
const CHUNK = 1 << 28;

/**
 * Writes a run's payload into a new folder: one raw file per array (`<name>.bin`, little-endian) and
 * `manifest.json` naming each array's type, length and byte size, every file flushed to disk before returning.
 * The folder is meant to be a temporary one that the caller renames into place. Returns the bytes written.
 *
 * @example
 * const bytes = await writeRunFiles("data/tmp/run-x", { hello: true },
 *   { means: { data: new Float64Array(840), rows: ["total"] } });
 */
export async function writeRunFiles(
  dir: string,
  manifest: unknown,
  arrays: Record<string, RunArrayInput>,
  onArray?: (name: string) => void,
): Promise<number> {
  if (endianness() !== "LE") throw new Error("run files are little-endian; this machine is big-endian");
  await mkdir(dir, { recursive: true });
  const entries: Record<string, ArrayEntry> = {};
  let total = 0;
  for (const [name, input] of Object.entries(arrays)) {
    if (!ARRAY_NAME.test(name)) {
      throw new Error(`run payload: array name "${name}" must be letters, digits, _ . - (up to 100)`);
    }
    const type = input.data.constructor.name;
    if (!(type in CONSTRUCTORS))
      throw new Error(`run payload: array "${name}" is a ${type}, not a typed array`);
    const file = `${name}.bin`;
    const bytes = new Uint8Array(input.data.buffer, input.data.byteOffset, input.data.byteLength);
    await writeDurably(join(dir, file), bytes);
    entries[name] = { file, type: type as TypeName, length: input.data.length, bytes: bytes.length };
    if (input.rows !== undefined) entries[name].rows = [...input.rows];
    total += bytes.length;
    onArray?.(name);
  }
  const content: RunManifestFile = { format: 1, byteOrder: "LE", manifest, arrays: entries };
  const text = Buffer.from(JSON.stringify(content));
  await writeDurably(join(dir, MANIFEST_FILE), text);
  return total + text.length;
}

async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, "wx");
  try {
    for (let at = 0; at < bytes.length; ) {
      const { bytesWritten } = await handle.write(bytes, at, Math.min(CHUNK, bytes.length - at), at);
      at += bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A run folder read back. */
export interface RunFiles {
  manifest: unknown;
  arrays: Record<string, RunArray>;
  rows: Record<string, string[]>;
}

/**
 * Reads a run folder written by `writeRunFiles`: the manifest and the arrays named (all when none are), each
 * checked against the size the manifest records. Throws naming the folder and file when one is missing or cut.
 *
 * @example
 * const { manifest, arrays } = await readRunFiles("data/runs/r000003", ["means"]);
 */
export async function readRunFiles(dir: string, names?: readonly string[]): Promise<RunFiles> {
  const content = await readManifest(dir);
  const wanted = names ?? Object.keys(content.arrays);
  const arrays: Record<string, RunArray> = {};
  const rows: Record<string, string[]> = {};
  for (const name of wanted) {
    const entry = content.arrays[name];
    if (entry === undefined) {
      throw new Error(`run files ${dir}: no array "${name}" (has ${Object.keys(content.arrays).join(", ")})`);
    }
    arrays[name] = await readArray(join(dir, entry.file), entry);
    if (entry.rows !== undefined) rows[name] = entry.rows;
  }
  return { manifest: content.manifest, arrays, rows };
}

/**
 * Checks that a run folder is whole: its manifest reads and every array file has the size it records. Reads no
 * array. Throws naming the file otherwise.
 *
 * @example
 * await verifyRunFiles("data/runs/r000003");
 */
export async function verifyRunFiles(dir: string): Promise<void> {
  const content = await readManifest(dir);
  for (const entry of Object.values(content.arrays)) await checkSize(join(dir, entry.file), entry);
}

async function readManifest(dir: string): Promise<RunManifestFile> {
  let content: RunManifestFile;
  try {
    content = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8")) as RunManifestFile;
  } catch (error) {
    throw new Error(`run files ${dir}: cannot read ${MANIFEST_FILE} (${(error as Error).message})`);
  }
  if (content.format !== 1 || content.byteOrder !== "LE") {
    throw new Error(`run files ${dir}: unknown format ${content.format}/${content.byteOrder}`);
  }
  return content;
}

async function checkSize(path: string, entry: ArrayEntry): Promise<void> {
  const size = await stat(path).then(
    (s) => s.size,
    () => -1,
  );
  if (size !== entry.bytes) {
    throw new Error(
      `run file ${path}: ${size < 0 ? "missing" : `${size} bytes`}, the manifest says ${entry.bytes}`,
    );
  }
}

async function readArray(path: string, entry: ArrayEntry): Promise<RunArray> {
  await checkSize(path, entry);
  const Type = CONSTRUCTORS[entry.type as TypeName];
  if (Type === undefined) throw new Error(`run file ${path}: unknown array type ${entry.type}`);
  // A fresh, aligned buffer per array, filled in place: no copy through a pooled Buffer.
  const array = new Type(entry.length);
  const bytes = new Uint8Array(array.buffer);
  const handle = await open(path, "r");
  try {
    for (let at = 0; at < bytes.length; ) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(CHUNK, bytes.length - at), at);
      if (bytesRead === 0) throw new Error(`run file ${path}: ended at byte ${at} of ${bytes.length}`);
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return array;
}
