import type { Source } from "./list-sources.js";
import type { RawRow } from "./raw-row.js";
import { readCsv } from "./read-csv.js";
import { readNdjson } from "./read-ndjson.js";
import { readParquet } from "./read-parquet.js";

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
      return readParquet(source.path);
  }
}
