import { type RawRow, ROW_BATCH_SIZE } from "./raw-row.js";
import { readCsvRecords } from "./read-csv-records.js";

/**
 * Reads a CSV file with a header row (optionally .gz) as batches of raw rows keyed by the header's column
 * names. Empty fields are absent. A record with the wrong number of fields, or an unterminated quote, becomes
 * a row with a null record and the reason. Line numbers are those of the record's first physical line.
 *
 * @example
 * for await (const rows of readCsv("events.csv")) for (const row of rows) console.log(row.line, row.record);
 */
export async function* readCsv(path: string): AsyncGenerator<RawRow[]> {
  let header: string[] | null = null;
  for await (const records of readCsvRecords(path, ROW_BATCH_SIZE)) {
    const rows: RawRow[] = [];
    for (const { line, text, fields } of records) {
      if (fields === null) {
        rows.push({ line, raw: text, record: null, error: "unterminated quoted field" });
        continue;
      }
      if (header === null) {
        header = fields.map((name) => name.trim());
        continue;
      }
      if (fields.length !== header.length) {
        rows.push({
          line,
          raw: text,
          record: null,
          error: `expected ${header.length} fields, got ${fields.length}`,
        });
        continue;
      }
      const record: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) {
        if (fields[i] !== "") record[header[i]] = fields[i];
      }
      rows.push({ line, raw: text, record });
    }
    if (rows.length > 0) yield rows;
  }
}
