import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import type { RawRow } from "./raw-row.js";
import { readCsv } from "./read-csv.js";

const folder = useTempFolder("avails-read-csv-");
const write = folder.write;

async function rowsOf(path: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const batch of readCsv(path)) rows.push(...batch);
  return rows;
}

const HEADER = "event_id,event_type,geo";

describe("readCsv", () => {
  it("readCsv(path) keys each record by the header, line numbers counting the header as line 1", async () => {
    const path = await write("basic.csv", `${HEADER}\ne1,impression,SE\ne2,click,NO\n`);
    expect(await rowsOf(path)).toEqual([
      { line: 2, raw: "e1,impression,SE", record: { event_id: "e1", event_type: "impression", geo: "SE" } },
      { line: 3, raw: "e2,click,NO", record: { event_id: "e2", event_type: "click", geo: "NO" } },
    ]);
  });

  it("readCsv(path) reads CRLF line endings without keeping the CR", async () => {
    const path = await write("crlf.csv", `${HEADER}\r\ne1,impression,SE\r\ne2,click,NO\r\n`);
    expect(await rowsOf(path)).toEqual([
      { line: 2, raw: "e1,impression,SE", record: { event_id: "e1", event_type: "impression", geo: "SE" } },
      { line: 3, raw: "e2,click,NO", record: { event_id: "e2", event_type: "click", geo: "NO" } },
    ]);
  });

  it("readCsv(path) drops a byte order mark before the header", async () => {
    const path = await write("bom.csv", `\uFEFF${HEADER}\ne1,impression,SE\n`);
    const rows = await rowsOf(path);
    expect(rows).toEqual([
      { line: 2, raw: "e1,impression,SE", record: { event_id: "e1", event_type: "impression", geo: "SE" } },
    ]);
    expect(Object.keys(rows[0].record ?? {})).toEqual(["event_id", "event_type", "geo"]);
  });

  it("readCsv(path) trims spaces around header names", async () => {
    const path = await write("spaced-header.csv", " event_id , geo \ne1,SE\n");
    expect((await rowsOf(path))[0].record).toEqual({ event_id: "e1", geo: "SE" });
  });

  it("readCsv(path) reads quoted fields holding commas and doubled quotes, raw keeping the text", async () => {
    const line = 'e1,impression,"SE, ""Stockholm"""';
    const path = await write("quoted.csv", `${HEADER}\n${line}\n`);
    expect(await rowsOf(path)).toEqual([
      { line: 2, raw: line, record: { event_id: "e1", event_type: "impression", geo: 'SE, "Stockholm"' } },
    ]);
  });

  it("readCsv(path) reads a quoted field spanning lines, numbered by its first line", async () => {
    const path = await write(
      "multiline.csv",
      `${HEADER}\ne1,impression,"two\nlines"\ne2,click,"three\n\nlines"\ne3,click,NO\n`,
    );
    expect(await rowsOf(path)).toEqual([
      {
        line: 2,
        raw: 'e1,impression,"two\nlines"',
        record: { event_id: "e1", event_type: "impression", geo: "two\nlines" },
      },
      {
        line: 4,
        raw: 'e2,click,"three\n\nlines"',
        record: { event_id: "e2", event_type: "click", geo: "three\n\nlines" },
      },
      { line: 7, raw: "e3,click,NO", record: { event_id: "e3", event_type: "click", geo: "NO" } },
    ]);
  });

  it("readCsv(path) leaves empty fields out of the record", async () => {
    const path = await write("empty-fields.csv", `${HEADER}\ne1,,SE\ne2,click,""\n`);
    expect((await rowsOf(path)).map((r) => r.record)).toEqual([
      { event_id: "e1", geo: "SE" },
      { event_id: "e2", event_type: "click" },
    ]);
  });

  it("readCsv(path) turns a record with the wrong number of fields into a null record with the reason", async () => {
    const path = await write("field-count.csv", `${HEADER}\ne1,impression\ne2,click,NO,extra\ne3,click,DK\n`);
    expect(await rowsOf(path)).toEqual([
      { line: 2, raw: "e1,impression", record: null, error: "expected 3 fields, got 2" },
      { line: 3, raw: "e2,click,NO,extra", record: null, error: "expected 3 fields, got 4" },
      { line: 4, raw: "e3,click,DK", record: { event_id: "e3", event_type: "click", geo: "DK" } },
    ]);
  });

  it("readCsv(path) reports a quote left open at the end of the file as an unterminated quoted field", async () => {
    const path = await write("open-quote.csv", `${HEADER}\ne1,click,SE\ne2,click,"open\nmore text\n`);
    expect(await rowsOf(path)).toEqual([
      { line: 2, raw: "e1,click,SE", record: { event_id: "e1", event_type: "click", geo: "SE" } },
      { line: 3, raw: 'e2,click,"open\nmore text', record: null, error: "unterminated quoted field" },
    ]);
  });

  it("readCsv(path) gives up on a quoted field after 64 lines and reads on from the next line", async () => {
    const body = ['"start', ...Array.from({ length: 63 }, (_, i) => `l${i + 3}`), "after"];
    const path = await write("runaway.csv", `a\n${body.join("\n")}\n`);
    const rows = await rowsOf(path);
    expect(rows.length).toBe(2);
    expect(rows[0]).toEqual({
      line: 2,
      raw: body.slice(0, 64).join("\n"),
      record: null,
      error: "unterminated quoted field",
    });
    expect(rows[1]).toEqual({ line: 66, raw: "after", record: { a: "after" } });
  });

  it("readCsv(path) skips blank lines but counts them in line numbers", async () => {
    const path = await write("blank.csv", `\n${HEADER}\n\n   \ne1,click,SE\n\ne2,click,NO\n\n`);
    expect((await rowsOf(path)).map((r) => [r.line, r.raw])).toEqual([
      [5, "e1,click,SE"],
      [7, "e2,click,NO"],
    ]);
  });

  it("readCsv(path) reads a last line without a newline", async () => {
    const path = await write("no-newline.csv", `${HEADER}\ne1,click,SE`);
    expect(await rowsOf(path)).toEqual([
      { line: 2, raw: "e1,click,SE", record: { event_id: "e1", event_type: "click", geo: "SE" } },
    ]);
  });

  it("readCsv(path) reads a gzipped .csv.gz file", async () => {
    const path = await write("events.csv.gz", gzipSync(`\uFEFF${HEADER}\r\ne1,click,"SE,x"\r\n`));
    expect(await rowsOf(path)).toEqual([
      { line: 2, raw: 'e1,click,"SE,x"', record: { event_id: "e1", event_type: "click", geo: "SE,x" } },
    ]);
  });

  it("readCsv(path) yields no rows for a file with only a header, or empty", async () => {
    expect(await rowsOf(await write("header-only.csv", `${HEADER}\n`))).toEqual([]);
    expect(await rowsOf(await write("empty.csv", ""))).toEqual([]);
  });

  it("readCsv(path) numbers rows consecutively across batches of a large file", async () => {
    const n = 10_000;
    const lines = Array.from({ length: n }, (_, i) => `e${i},click,SE`);
    const path = await write("large.csv", `${HEADER}\n${lines.join("\n")}\n`);
    const batchSizes: number[] = [];
    const rows: RawRow[] = [];
    for await (const batch of readCsv(path)) {
      batchSizes.push(batch.length);
      rows.push(...batch);
    }
    expect(batchSizes.length).toBeGreaterThan(1);
    expect(rows.length).toBe(n);
    for (let i = 0; i < n; i++) {
      if (rows[i].line !== i + 2 || rows[i].record?.event_id !== `e${i}`) {
        throw new Error(`row ${i}: line ${rows[i].line}, ${JSON.stringify(rows[i].record)}`);
      }
    }
  });
});

describe("readCsv and byte-order marks", () => {
  it("readCsv(path) reads a quoted header behind a byte-order mark", async () => {
    const path = await write("bom-quoted.csv", '\uFEFF"event_id","event_type"\ne1,click\n');
    const rows = await rowsOf(path);
    expect(rows.map((r) => r.record)).toEqual([{ event_id: "e1", event_type: "click" }]);
  });
});
