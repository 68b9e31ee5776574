import { type RawRow, ROW_BATCH_SIZE } from "./raw-row.js";
import { readTextLines } from "./read-text-lines.js";
import { splitCsvRecord } from "./split-csv-record.js";

/** A quoted field may span lines, but not without end: past this a record is reported malformed. */
const MAX_RECORD_LINES = 64;

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
  let lineNumber = 0;
  let pending = "";
  let pendingStart = 0;
  let pendingLines = 0;
  for await (const lines of readTextLines(path, ROW_BATCH_SIZE)) {
    const rows: RawRow[] = [];
    for (const text of lines) {
      lineNumber++;
      let recordText = text;
      let recordLine = lineNumber;
      if (pendingLines > 0) {
        recordText = `${pending}\n${text}`;
        recordLine = pendingStart;
      } else if (text.trim() === "") {
        continue;
      }
      const fields = splitCsvRecord(recordText);
      if (fields === null) {
        if (pendingLines + 1 >= MAX_RECORD_LINES) {
          rows.push({ line: recordLine, raw: recordText, record: null, error: "unterminated quoted field" });
          pending = "";
          pendingLines = 0;
          continue;
        }
        pending = recordText;
        pendingStart = recordLine;
        pendingLines++;
        continue;
      }
      pending = "";
      pendingLines = 0;
      if (header === null) {
        header = fields.map((name) => name.trim());
        continue;
      }
      if (fields.length !== header.length) {
        rows.push({
          line: recordLine,
          raw: recordText,
          record: null,
          error: `expected ${header.length} fields, got ${fields.length}`,
        });
        continue;
      }
      const record: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) {
        if (fields[i] !== "") record[header[i]] = fields[i];
      }
      rows.push({ line: recordLine, raw: recordText, record });
    }
    if (rows.length > 0) yield rows;
  }
  if (pendingLines > 0) {
    yield [{ line: pendingStart, raw: pending, record: null, error: "unterminated quoted field" }];
  }
}
