import type { Source } from "./list-sources.js";
import type { RawRow } from "./raw-row.js";
import { readCsv } from "./read-csv.js";
import { readNdjson } from "./read-ndjson.js";

/**
 * Streams any supported source as batches of raw rows.
 *
 * @example
 * for await (const rows of readSource({ path: "a.csv.gz", format: "csv" })) console.log(rows.length);
 */
export function readSource(source: Source): AsyncGenerator<RawRow[]> {
  switch (source.format) {
    case "ndjson":
      return readNdjson(source.path);
    case "csv":
      return readCsv(source.path);
    case "parquet":
      return readParquetLazily(source.path);
  }
}

/** Parquet is read through DuckDB, whose native module is loaded only by a run that has Parquet files: a staging
 * worker that reads logs never pays for it. */
async function* readParquetLazily(path: string): AsyncGenerator<RawRow[]> {
  const { readParquet } = await import("./read-parquet.js");
  yield* readParquet(path);
}
