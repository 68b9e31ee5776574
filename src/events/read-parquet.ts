import { DuckDBInstance, JSDuckDBValueConverter } from "./duckdb-api.js";
import type { RawRow } from "./raw-row.js";

/** Converts a value DuckDB read from Parquet into what validation expects (text, numbers, epoch ms). */
function toPlain(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "bigint") {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}

function toJson(record: Record<string, unknown>): string {
  return JSON.stringify(record, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
}

/**
 * Streams a Parquet file as batches of raw rows, one DuckDB chunk at a time (memory stays bounded). The row
 * number is the 1-based position in the file; the raw text of a row is its JSON form.
 *
 * @example
 * for await (const rows of readParquet("events.parquet")) console.log(rows.length);
 */
export async function* readParquet(path: string): AsyncGenerator<RawRow[]> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    const result = await connection.stream("SELECT * FROM read_parquet($path)", { path });
    const names = result.deduplicatedColumnNames();
    let rowNumber = 0;
    while (true) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const values = chunk.convertRows(JSDuckDBValueConverter);
      const rows: RawRow[] = new Array(values.length);
      for (let r = 0; r < values.length; r++) {
        const record: Record<string, unknown> = {};
        const row = values[r];
        for (let c = 0; c < names.length; c++) {
          const value = row[c];
          if (value !== null && value !== undefined) record[names[c]] = toPlain(value);
        }
        rowNumber++;
        rows[r] = { line: rowNumber, raw: toJson(record), record };
      }
      yield rows;
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
