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
 * Turns physical lines into CSV records, RFC 4180 quoting included: a line that leaves a quoted field open
 * is held and joined (with \n) to the next, up to 64 lines. Blank lines between records are skipped. The one
 * place this rule lives, for readers that split lines themselves.
 *
 * @example
 * const joiner = new CsvRecordJoiner();
 * joiner.push('1,"x', 1); // null: the quote is open
 * joiner.push('y"', 2); // { line: 1, text: '1,"x\ny"', fields: ["1", "x\ny"] }
 * joiner.finish(); // null: nothing held
 */
export class CsvRecordJoiner {
  #pending = "";
  #pendingStart = 0;
  #pendingLines = 0;

  /** True while a record's quoted field is open: the next line belongs to it. */
  get holding(): boolean {
    return this.#pendingLines > 0;
  }

  /** Takes line `lineNumber` (no terminator); returns the record it completes, or null (held or blank). */
  push(text: string, lineNumber: number): CsvRecord | null {
    let recordText = text;
    let recordLine = lineNumber;
    if (this.#pendingLines > 0) {
      recordText = `${this.#pending}\n${text}`;
      recordLine = this.#pendingStart;
    } else if (text.trim() === "") {
      return null;
    }
    const fields = splitCsvRecord(recordText);
    if (fields === null && this.#pendingLines + 1 < MAX_RECORD_LINES) {
      this.#pending = recordText;
      this.#pendingStart = recordLine;
      this.#pendingLines++;
      return null;
    }
    this.#pending = "";
    this.#pendingLines = 0;
    return { line: recordLine, text: recordText, fields };
  }

  /** At the end of the input: the record still held, unterminated (null fields), or null when none. */
  finish(): CsvRecord | null {
    if (this.#pendingLines === 0) return null;
    const record = { line: this.#pendingStart, text: this.#pending, fields: null };
    this.#pending = "";
    this.#pendingLines = 0;
    return record;
  }
}
