import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import { readTextLines } from "./read-text-lines.js";

const folder = useTempFolder("avails-read-text-lines-");
const write = folder.write;

async function batches(path: string, batchSize?: number): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of readTextLines(path, batchSize)) out.push(batch);
  return out;
}

async function lines(path: string): Promise<string[]> {
  return (await batches(path)).flat();
}

describe("readTextLines", () => {
  it("readTextLines(path) yields lines without their LF terminators", async () => {
    expect(await lines(await write("lf.txt", "one\ntwo\nthree\n"))).toEqual(["one", "two", "three"]);
  });

  it("readTextLines(path) strips CR of CRLF line endings, also mixed with LF", async () => {
    expect(await lines(await write("crlf.txt", "one\r\ntwo\nthree\r\n"))).toEqual(["one", "two", "three"]);
  });

  it("readTextLines(path) keeps a CR that does not end a line", async () => {
    expect(await lines(await write("cr.txt", "a\rb\n"))).toEqual(["a\rb"]);
  });

  it("readTextLines(path) yields the last line without a newline, stripping a final CR", async () => {
    expect(await lines(await write("last.txt", "one\ntwo"))).toEqual(["one", "two"]);
    expect(await lines(await write("last-cr.txt", "one\r\ntwo\r"))).toEqual(["one", "two"]);
  });

  it("readTextLines(path) yields blank lines as empty strings", async () => {
    expect(await lines(await write("blank.txt", "\none\n\n\ntwo\n"))).toEqual(["", "one", "", "", "two"]);
  });

  it("readTextLines(path) yields nothing for an empty file", async () => {
    expect(await batches(await write("empty.txt", ""))).toEqual([]);
  });

  it("readTextLines(path, batchSize) yields full batches and a final partial one", async () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join("\n");
    const got = await batches(await write("batched.txt", text), 4);
    expect(got.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(got.flat()).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 1}`));
  });

  it("readTextLines(path) gunzips a file whose name ends in .gz", async () => {
    const path = await write("lines.txt.gz", gzipSync("alpha\r\nbeta\ngamma"));
    expect(await lines(path)).toEqual(["alpha", "beta", "gamma"]);
  });

  it("readTextLines(path) decodes UTF-8 characters split across 1 MiB read chunks", async () => {
    // The 4-byte emoji spans byte 1 MiB (bytes 1048574..1048577); the 2-byte é run spans byte 2 MiB at an
    // odd offset, so that boundary falls inside a character too.
    const expected = [`${"x".repeat(1_048_574)}😀`, "é".repeat(600_000), "€ end ✓"];
    const text = expected.join("\n");
    const buffer = Buffer.from(text, "utf8");
    expect(buffer.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(buffer.subarray(1_048_574, 1_048_578).toString("utf8")).toBe("😀");
    expect(buffer[2 * 1024 * 1024] & 0xc0).toBe(0x80);
    const got = await lines(await write("multibyte.txt", buffer));
    expect(got.length).toBe(3);
    expect(got[0] === expected[0]).toBe(true);
    expect(got[1] === expected[1]).toBe(true);
    expect(got[2]).toBe(expected[2]);
    expect(got.join("").includes("\uFFFD")).toBe(false);
  });

  it("readTextLines(path) decodes UTF-8 characters split across gunzip chunks", async () => {
    const expected = [`a${"é".repeat(100_000)}`, "ü😀".repeat(50_000), "end"];
    const got = await lines(await write("multibyte.txt.gz", gzipSync(expected.join("\n"))));
    expect(got.length).toBe(3);
    expect(got[0] === expected[0]).toBe(true);
    expect(got[1] === expected[1]).toBe(true);
    expect(got[2]).toBe("end");
  });

  it("readTextLines(path) rejects naming the file when it does not exist", async () => {
    const path = join(folder.dir, "missing.txt");
    await expect(lines(path)).rejects.toThrow(path);
  });
});

describe("readTextLines failures", () => {
  it("readTextLines(path) rejects a missing .gz file instead of hanging", async () => {
    await expect(lines(join(folder.dir, "missing.csv.gz"))).rejects.toThrow(/ENOENT/);
  });

  it("readTextLines(path) drops a byte-order mark from the first line", async () => {
    expect(await lines(await write("bom.ndjson", '\uFEFF{"a":1}\n{"b":2}\n'))).toEqual([
      '{"a":1}',
      '{"b":2}',
    ]);
  });
});
