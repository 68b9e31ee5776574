import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import type { RawRow } from "./raw-row.js";
import { readNdjson } from "./read-ndjson.js";

const folder = useTempFolder("avails-read-ndjson-");
const write = folder.write;

async function rowsOf(path: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of readNdjson(path)) rows.push(...batch);
  return rows;
}

function parseError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} parses`);
}

describe("readNdjson", () => {
  it("readNdjson(path) yields one record per line with 1-based line numbers and the raw text", async () => {
    const a = '{"event_id":"e1","count":2}';
    const b = '{"event_id":"e2","geo":"SE","nested":{"x":[1]}}';
    expect(await rowsOf(await write("basic.ndjson", `${a}\n${b}\n`))).toEqual([
      { line: 1, raw: a, record: { event_id: "e1", count: 2 } },
      { line: 2, raw: b, record: { event_id: "e2", geo: "SE", nested: { x: [1] } } },
    ]);
  });

  it("readNdjson(path) reads CRLF line endings without keeping the CR", async () => {
    expect(await rowsOf(await write("crlf.ndjson", '{"a":1}\r\n{"a":2}\r\n'))).toEqual([
      { line: 1, raw: '{"a":1}', record: { a: 1 } },
      { line: 2, raw: '{"a":2}', record: { a: 2 } },
    ]);
  });

  it("readNdjson(path) skips blank lines but counts them in line numbers", async () => {
    const rows = await rowsOf(await write("blank.ndjson", '\n{"a":1}\n\n  \t\n{"a":2}\n\n'));
    expect(rows.map((r) => [r.line, r.record])).toEqual([
      [2, { a: 1 }],
      [5, { a: 2 }],
    ]);
  });

  it("readNdjson(path) reads a last line without a newline", async () => {
    expect(await rowsOf(await write("no-newline.ndjson", '{"a":1}\n{"a":2}'))).toEqual([
      { line: 1, raw: '{"a":1}', record: { a: 1 } },
      { line: 2, raw: '{"a":2}', record: { a: 2 } },
    ]);
  });

  it('readNdjson(path) turns a JSON value that is not an object into a null record, "not a JSON object"', async () => {
    const path = await write("not-object.ndjson", '[1,2]\n42\nnull\n"text"\ntrue\n{"ok":1}\n');
    expect(await rowsOf(path)).toEqual([
      { line: 1, raw: "[1,2]", record: null, error: "not a JSON object" },
      { line: 2, raw: "42", record: null, error: "not a JSON object" },
      { line: 3, raw: "null", record: null, error: "not a JSON object" },
      { line: 4, raw: '"text"', record: null, error: "not a JSON object" },
      { line: 5, raw: "true", record: null, error: "not a JSON object" },
      { line: 6, raw: '{"ok":1}', record: { ok: 1 } },
    ]);
  });

  it("readNdjson(path) turns invalid JSON into a null record with the parser's message", async () => {
    const bad = '{"event_id": "e1",';
    expect(await rowsOf(await write("invalid.ndjson", `${bad}\n{"a":1}\n`))).toEqual([
      { line: 1, raw: bad, record: null, error: parseError(bad) },
      { line: 2, raw: '{"a":1}', record: { a: 1 } },
    ]);
  });

  it("readNdjson(path) reads a gzipped .ndjson.gz file", async () => {
    const path = await write("events.ndjson.gz", gzipSync('{"a":"å"}\r\n\n{"a":"😀"}'));
    expect(await rowsOf(path)).toEqual([
      { line: 1, raw: '{"a":"å"}', record: { a: "å" } },
      { line: 3, raw: '{"a":"😀"}', record: { a: "😀" } },
    ]);
  });

  it("readNdjson(path) keeps multibyte characters intact across 1 MiB read chunks", async () => {
    const values = Array.from({ length: 1200 }, (_, i) => `${"é".repeat(1000)}${String(i).padStart(4, "0")}`);
    const text = values.map((v) => JSON.stringify({ v })).join("\n");
    const bytes = Buffer.from(text, "utf8");
    // The read chunk boundary at 2 MiB falls on the second byte of an é.
    expect(bytes[2 * 1024 * 1024] & 0xc0).toBe(0x80);
    const rows = await rowsOf(await write("multibyte.ndjson", bytes));
    expect(rows.length).toBe(1200);
    expect(rows.every((r, i) => r.line === i + 1 && r.record?.v === values[i])).toBe(true);
  });
});
