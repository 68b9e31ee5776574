import { type CsvRecord, CsvRecordJoiner } from "./csv-record-joiner.js";
import { readTextLines } from "./read-text-lines.js";

export type { CsvRecord } from "./csv-record-joiner.js";

/**
 * Reads a CSV file (optionally .gz) as batches of records, RFC 4180 quoting included: a quoted field may span
 * up to 64 lines. Blank lines between records are skipped. The header is a record like any other.
 *
 * @param batchSize lines read per batch
 * @example
 * for await (const records of readCsvRecords("in.csv")) for (const r of records) console.log(r.line, r.fields);
 */
export async function* readCsvRecords(path: string, batchSize?: number): AsyncGenerator<CsvRecord[]> {
  const joiner = new CsvRecordJoiner();
  let lineNumber = 0;
  for await (const lines of readTextLines(path, batchSize)) {
    const records: CsvRecord[] = [];
    for (const text of lines) {
      const record = joiner.push(text, ++lineNumber);
      if (record !== null) records.push(record);
    }
    if (records.length > 0) yield records;
  }
  const last = joiner.finish();
  if (last !== null) yield [last];
}
