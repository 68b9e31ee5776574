import { readTextLines } from "./read-text-lines.js";
import { splitCsvRecord } from "./split-csv-record.js";

/** A quoted field may span lines, but not without end: past this a record is reported unterminated. */
const MAX_RECORD_LINES = 64;

/** One CSV record: its first physical line, its text (lines joined by \n), and its fields. */
export interface CsvRecord {
  readonly line: number;
  readonly text: string;
  /** The fields, or null when a quoted field is never closed (within 64 lines, or before the end). */
  readonly fields: string[] | null;
}

/**
 * Reads a CSV file (optionally .gz) as batches of records, RFC 4180 quoting included: a quoted field may span
 * up to 64 lines. Blank lines between records are skipped. The header is a record like any other.
 *
 * @param batchSize lines read per batch
 * @example
 * for await (const records of readCsvRecords("in.csv")) for (const r of records) console.log(r.line, r.fields);
 */
export async function* readCsvRecords(path: string, batchSize?: number): AsyncGenerator<CsvRecord[]> {
  let lineNumber = 0;
  let pending = "";
  let pendingStart = 0;
  let pendingLines = 0;
  for await (const lines of readTextLines(path, batchSize)) {
    const records: CsvRecord[] = [];
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
      if (fields === null && pendingLines + 1 < MAX_RECORD_LINES) {
        pending = recordText;
        pendingStart = recordLine;
        pendingLines++;
        continue;
      }
      pending = "";
      pendingLines = 0;
      records.push({ line: recordLine, text: recordText, fields });
    }
    if (records.length > 0) yield records;
  }
  if (pendingLines > 0) yield [{ line: pendingStart, text: pending, fields: null }];
}
