import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import { ParquetFile } from "./parquet-file.js";
import { quoteLiteral } from "./sql.js";

const folder = useTempFolder("avails-parquet-");
let cases = 0;
let instance: DuckDBInstance;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
});
afterAll(() => instance.closeSync());

/** The rows DuckDB reads back from a Parquet file, in file order. */
async function readBack(path: string): Promise<unknown[][]> {
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${quoteLiteral(path)})`);
    return reader.getRows().map((row) => row.map((v) => (typeof v === "bigint" ? Number(v) : v)));
  } finally {
    connection.closeSync();
  }
}

describe("ParquetFile", () => {
  it("ParquetFile writes text and integers DuckDB reads back as VARCHAR and BIGINT, row by row", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.string({ unit: "binary", maxLength: 20 }),
            fc.maxSafeNat(),
            fc.string({ maxLength: 3 }),
          ),
          { maxLength: 40 },
        ),
        async (rows) => {
          // A fresh name per case: DuckDB may serve a file it has read before from its cache, by path, so a
          // file rewritten in place within the cache's time resolution can read as the old bytes.
          const path = join(folder.dir, `rows-${++cases}.parquet`);
          const file = new ParquetFile(path, [
            { name: "text", type: "utf8" },
            { name: "number", type: "int64" },
            { name: "bytes", type: "utf8" },
          ]);
          for (const [text, number, ascii] of rows) {
            file.columns[0].text(text);
            file.columns[1].int64(number);
            const bytes = Buffer.from(`<${ascii}>`);
            file.columns[2].utf8Bytes(bytes, 1, bytes.length - 1);
            file.endRow();
          }
          file.close();
          expect(file.rows).toBe(rows.length);
          // Lone surrogates are not text: UTF-8 has them as the replacement character, as Buffer writes them.
          const expected = rows.map(([text, number, ascii]) => [Buffer.from(text).toString(), number, ascii]);
          expect(await readBack(path)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("ParquetFile splits many rows into row groups of 65,536 and keeps their order", async () => {
    const path = join(folder.dir, "groups.parquet");
    const file = new ParquetFile(path, [
      { name: "id", type: "utf8" },
      { name: "n", type: "int64" },
    ]);
    for (let i = 0; i < 150_000; i++) {
      file.columns[0].text(`id${i}`);
      file.columns[1].int64(i * 1_000_000_007);
      file.endRow();
    }
    file.close();
    const connection = await instance.connect();
    try {
      const groups = await connection.runAndReadAll(
        `SELECT count(DISTINCT row_group_id), max(row_group_num_rows) FROM parquet_metadata(${quoteLiteral(path)})`,
      );
      expect(groups.getRows()[0].map(Number)).toEqual([3, 65_536]);
      const check = await connection.runAndReadAll(
        `SELECT count(*), count(*) FILTER (WHERE id = 'id' || (n // 1000000007)), max(n)
         FROM read_parquet(${quoteLiteral(path)})`,
      );
      expect(check.getRows()[0].map(Number)).toEqual([150_000, 150_000, 149_999 * 1_000_000_007]);
    } finally {
      connection.closeSync();
    }
  });

  it("ParquetFile ends a row group early when its values pass about 32 MiB", async () => {
    const path = join(folder.dir, "large.parquet");
    const file = new ParquetFile(path, [{ name: "text", type: "utf8" }]);
    const value = "x".repeat(1 << 20);
    for (let i = 0; i < 100; i++) {
      file.columns[0].text(`${i}${value}`);
      file.endRow();
    }
    file.close();
    const connection = await instance.connect();
    try {
      const groups = await connection.runAndReadAll(
        `SELECT row_group_num_rows FROM parquet_metadata(${quoteLiteral(path)}) ORDER BY row_group_id`,
      );
      expect(groups.getRows().map((row) => Number(row[0]))).toEqual([64, 36]);
      const check = await connection.runAndReadAll(
        `SELECT count(*), sum(length(text)), count(DISTINCT text) FROM read_parquet(${quoteLiteral(path)})`,
      );
      expect(check.getRows()[0].map(Number)).toEqual([100, 100 * (1 << 20) + 10 + 2 * 90, 100]);
    } finally {
      connection.closeSync();
    }
  });

  it("ParquetFile with no rows is a valid empty file", async () => {
    const path = join(folder.dir, "empty.parquet");
    const file = new ParquetFile(path, [{ name: "id", type: "utf8" }]);
    file.close();
    expect(readFileSync(path).subarray(0, 4).toString()).toBe("PAR1");
    expect(await readBack(path)).toEqual([]);
  });
});
