import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import { readLineChunks } from "./read-line-chunks.js";

const folder = useTempFolder("avails-read-line-chunks-");
const write = folder.write;

async function chunks(path: string): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of readLineChunks(path)) out.push(Buffer.from(chunk));
  return out;
}

describe("readLineChunks", () => {
  it("readLineChunks(path) yields the file's bytes in chunks that end after a newline", async () => {
    // Lines of 1000 bytes: 1 MiB reads end inside a line, so every chunk boundary is moved to a newline.
    const text = Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(999, "x")}\n`).join("");
    const got = await chunks(await write("lines.txt", text));
    expect(got.length).toBeGreaterThan(1);
    for (const chunk of got) expect(chunk[chunk.length - 1]).toBe(10);
    expect(Buffer.concat(got).toString("latin1")).toBe(text);
  });

  it("readLineChunks(path) ends with the last line when it has no newline", async () => {
    const got = await chunks(await write("last.txt", "one\r\ntwo"));
    expect(Buffer.concat(got).toString("utf8")).toBe("one\r\ntwo");
    expect(got[got.length - 1].toString("utf8").endsWith("two")).toBe(true);
  });

  it("readLineChunks(path) keeps a line longer than a read whole", async () => {
    const long = "y".repeat(3 * 1024 * 1024);
    const got = await chunks(await write("long.txt", `a\n${long}\nb\n`));
    expect(Buffer.concat(got).toString("latin1")).toBe(`a\n${long}\nb\n`);
    for (const chunk of got) expect(chunk[chunk.length - 1]).toBe(10);
    expect(got.some((chunk) => chunk.length > long.length)).toBe(true);
  });

  it("readLineChunks(path) yields nothing for an empty file", async () => {
    expect(await chunks(await write("empty.txt", ""))).toEqual([]);
  });

  it("readLineChunks(path) drops a byte-order mark at the start of the file only", async () => {
    const got = await chunks(await write("bom.ndjson", '\uFEFF{"a":1}\n\uFEFF{"b":2}\n'));
    expect(Buffer.concat(got).toString("utf8")).toBe('{"a":1}\n\uFEFF{"b":2}\n');
    expect(Buffer.concat(await chunks(await write("only-bom.txt", "\uFEFF")))).toEqual(Buffer.alloc(0));
    expect(Buffer.concat(await chunks(await write("short.txt", "a")))).toEqual(Buffer.from("a"));
  });

  it("readLineChunks(path) gunzips a file whose name ends in .gz", async () => {
    const text = `\uFEFF${"é".repeat(100_000)}\nalpha\r\nbeta\ngamma`;
    const got = await chunks(await write("lines.txt.gz", gzipSync(text)));
    expect(Buffer.concat(got).toString("utf8")).toBe(text.slice(1));
  });

  it("readLineChunks(path) rejects naming the file when it does not exist", async () => {
    const path = join(folder.dir, "missing.txt");
    await expect(chunks(path)).rejects.toThrow(path);
    await expect(chunks(join(folder.dir, "missing.txt.gz"))).rejects.toThrow(/ENOENT/);
  });
});
