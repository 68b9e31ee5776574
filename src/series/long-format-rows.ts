import { type CsvRecord, CsvRecordJoiner } from "../events/csv-record-joiner.js";
import { dsLayout, type Frequency, parseDs } from "./frequency.js";
import { parseDecimalBytes } from "./parse-decimal-bytes.js";
import { parseObservation } from "./parse-observation.js";

/** The rows of one series in file order, in arrays that grow by doubling. */
export class SeriesRows {
  times: Float64Array = new Float64Array(16);
  ys: Float64Array = new Float64Array(16);
  lines: Float64Array = new Float64Array(16);
  length = 0;
  missing = 0;

  push(time: number, y: number, line: number): void {
    if (this.length === this.times.length) {
      this.times = grow(this.times);
      this.ys = grow(this.ys);
      this.lines = grow(this.lines);
    }
    this.times[this.length] = time;
    this.ys[this.length] = y;
    this.lines[this.length] = line;
    this.length++;
    if (Number.isNaN(y)) this.missing++;
  }
}

function grow(array: Float64Array): Float64Array {
  const grown = new Float64Array(array.length * 2);
  grown.set(array);
  return grown;
}

const COLUMNS = ["unique_id", "ds", "y"] as const;
const EMPTY = Buffer.alloc(0);
const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const CR = 13;

function quote(text: string): string {
  return JSON.stringify(text);
}

/** Two ASCII digits as a number, NaN when either is not a digit. */
function twoDigits(bytes: Uint8Array, at: number): number {
  const tens = bytes[at] - 48;
  const ones = bytes[at + 1] - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : Number.NaN;
}

/**
 * Collects the rows of a long-format CSV file (`unique_id,ds,y`, see readLongFormat) from chunks of whole
 * lines, per series in the order the ids first appear. Bad rows throw an Error naming the file, line and field.
 *
 * Most rows are read from the bytes without making strings: no quote, the header's field count, a ds in the
 * canonical layout, a plain decimal y. Any other line (the header, quoted fields, blank lines, other ds and y
 * forms, and every bad row) is decoded and read by the general path, the CSV rules of CsvRecordJoiner and
 * splitCsvRecord with parseDs and parseObservation; the fast path gives the same rows for the lines it takes.
 *
 * @example
 * const rows = new LongFormatRows("in.csv", "daily");
 * for await (const chunk of readLineChunks("in.csv")) rows.push(chunk);
 * rows.finish().get("store-1")?.length; // rows of series store-1
 */
export class LongFormatRows {
  readonly #path: string;
  readonly #freq: Frequency;
  readonly #series = new Map<string, SeriesRows>();
  readonly #joiner = new CsvRecordJoiner();
  #columns: number[] | null = null;
  #width = 0;
  #line = 0;
  /** The id bytes of the last row read from bytes and its series: rows of one series usually come together. */
  #lastId: Buffer = EMPTY;
  #lastRows: SeriesRows | null = null;
  /** The date bytes (YYYY-MM-DD) of the last ds read from bytes and its time, NaN when none. */
  readonly #dateBytes = Buffer.alloc(10);
  #date = Number.NaN;

  constructor(path: string, freq: Frequency) {
    this.#path = path;
    this.#freq = freq;
  }

  /** Reads the lines of `chunk`: whole lines, the last without a newline only at the end of the file. */
  push(chunk: Buffer): void {
    // One pass over the bytes, noting where the id, ds and y fields of each line start and end: a single
    // long loop that the JIT compiles early, where a loop per line would run cold for many lines.
    const n = chunk.length;
    const columns = this.#columns;
    const idColumn = columns === null ? -1 : columns[0];
    const dsColumn = columns === null ? -1 : columns[1];
    const yColumn = columns === null ? -1 : columns[2];
    let lineStart = 0;
    let field = 0;
    let fieldStart = 0;
    let quoted = false;
    let idStart = 0;
    let idEnd = 0;
    let dsStart = 0;
    let dsEnd = 0;
    let yStart = 0;
    let yEnd = 0;
    for (let at = 0; at <= n; at++) {
      const byte = at < n ? chunk[at] : NEWLINE;
      if (byte === QUOTE) quoted = true;
      if (byte !== COMMA && byte !== NEWLINE) continue;
      if (at === n && lineStart === n) break;
      // A line's last field ends before a CR of a CRLF ending.
      const end = byte === NEWLINE && at > fieldStart && chunk[at - 1] === CR ? at - 1 : at;
      if (field === idColumn) {
        idStart = fieldStart;
        idEnd = end;
      } else if (field === dsColumn) {
        dsStart = fieldStart;
        dsEnd = end;
      } else if (field === yColumn) {
        yStart = fieldStart;
        yEnd = end;
      }
      field++;
      fieldStart = at + 1;
      if (byte === COMMA) continue;
      this.#line++;
      const fast =
        columns !== null &&
        !quoted &&
        field === this.#width &&
        !this.#joiner.holding &&
        this.#fastRow(chunk, idStart, idEnd, dsStart, dsEnd, yStart, yEnd);
      if (!fast) {
        const record = this.#joiner.push(chunk.toString("utf8", lineStart, end), this.#line);
        // The header sets the columns the rest of the chunk is read by.
        if (record !== null) this.#record(record);
        if (this.#columns !== columns) {
          this.push(chunk.subarray(at + 1));
          return;
        }
      }
      lineStart = at + 1;
      field = 0;
      quoted = false;
    }
  }

  /** Ends the file: the rows of each series by id, in order of first appearance. */
  finish(): Map<string, SeriesRows> {
    const last = this.#joiner.finish();
    if (last !== null) this.#record(last);
    if (this.#columns === null) {
      throw new Error(`${this.#path}: empty file; expected a header with unique_id, ds and y`);
    }
    if (this.#series.size === 0) throw new Error(`${this.#path}: no rows after the header`);
    return this.#series;
  }

  #rowsOf(id: string): SeriesRows {
    let rows = this.#series.get(id);
    if (rows === undefined) {
      rows = new SeriesRows();
      this.#series.set(id, rows);
    }
    return rows;
  }

  /** Reads a plain row of line `this.#line` from its fields' bytes; false leaves it to the general path. */
  #fastRow(
    bytes: Buffer,
    idStart: number,
    idEnd: number,
    dsStart: number,
    dsEnd: number,
    yStart: number,
    yEnd: number,
  ): boolean {
    if (idEnd === idStart) return false;
    const time = this.#dsFromBytes(bytes, dsStart, dsEnd);
    if (Number.isNaN(time)) return false;
    // An empty y is missing (NaN) as in parseObservation.
    const y = yEnd === yStart ? Number.NaN : parseDecimalBytes(bytes, yStart, yEnd);
    if (y === Number.POSITIVE_INFINITY) return false;
    let rows = this.#lastRows;
    const idLength = idEnd - idStart;
    if (rows === null || idLength !== this.#lastId.length || !this.#sameId(bytes, idStart, idLength)) {
      rows = this.#rowsOf(bytes.toString("utf8", idStart, idEnd));
      this.#lastId = Buffer.from(bytes.subarray(idStart, idEnd));
      this.#lastRows = rows;
    }
    rows.push(time, y, this.#line);
    return true;
  }

  #sameId(bytes: Buffer, start: number, length: number): boolean {
    const last = this.#lastId;
    for (let i = 0; i < length; i++) if (bytes[start + i] !== last[i]) return false;
    return true;
  }

  /**
   * parseDs of the canonical layouts, `YYYY-MM-DD HH:MM:SS` (hourly; T for the space too) and `YYYY-MM-DD`
   * (the others), from bytes, the date's time reused while the date repeats; NaN for anything else.
   */
  #dsFromBytes(bytes: Buffer, start: number, end: number): number {
    const length = end - start;
    const hourly = this.#freq === "hourly";
    if (length !== (hourly ? 19 : 10)) return Number.NaN;
    const cached = this.#dateBytes;
    let same = !Number.isNaN(this.#date);
    for (let i = 0; same && i < 10; i++) same = bytes[start + i] === cached[i];
    if (!same) {
      // parseDs of the date alone checks it and gives the same midnight as parseDs of the whole ds.
      this.#date = parseDs("daily", bytes.toString("latin1", start, start + 10));
      if (Number.isNaN(this.#date)) return Number.NaN;
      bytes.copy(cached, 0, start, start + 10);
    }
    if (!hourly) return this.#date;
    const separator = bytes[start + 10];
    if (separator !== 32 && separator !== 84 && separator !== 116) return Number.NaN;
    if (bytes[start + 13] !== 58 || bytes[start + 16] !== 58) return Number.NaN;
    const hour = twoDigits(bytes, start + 11);
    const minute = twoDigits(bytes, start + 14);
    const second = twoDigits(bytes, start + 17);
    if (!(hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
    return this.#date + ((hour * 60 + minute) * 60 + second) * 1000;
  }

  /** The general path: one record of decoded text (the header, or a row of any form). */
  #record({ line, fields }: CsvRecord): void {
    const fail = (message: string): never => {
      throw new Error(`${this.#path}:${line}: ${message}`);
    };
    if (fields === null) {
      fail("unterminated quoted field");
      return;
    }
    if (this.#columns === null) {
      this.#columns = headerColumns(fields, fail);
      this.#width = fields.length;
      return;
    }
    const columns = this.#columns;
    if (fields.length !== this.#width) fail(`${fields.length} fields where the header has ${this.#width}`);
    const id = fields[columns[0]];
    if (id === "") fail("unique_id is empty");
    const dsText = fields[columns[1]].trim();
    const time = parseDs(this.#freq, dsText);
    if (Number.isNaN(time)) fail(badDs(this.#freq, dsText));
    const y = parseObservation(fields[columns[2]]);
    if (y === null) {
      fail(`y ${quote(fields[columns[2]])} is not a number (empty, NA or NaN mark a missing value)`);
    }
    this.#rowsOf(id).push(time, y as number, line);
  }
}

/** Positions of unique_id, ds and y in the header, or a failure naming what is wrong with it. */
function headerColumns(fields: string[], fail: (message: string) => never): number[] {
  const names = fields.map((name) => name.trim());
  for (let i = 0; i < names.length; i++) {
    if ((COLUMNS as readonly string[]).includes(names[i]) && names.indexOf(names[i]) !== i) {
      fail(`column ${names[i]} appears twice in the header`);
    }
  }
  return COLUMNS.map((column) => {
    const at = names.indexOf(column);
    if (at === -1) {
      fail(
        `no ${column} column in the header (${names.map(quote).join(", ")}); expected unique_id, ds and y`,
      );
    }
    return at;
  });
}

function badDs(freq: Frequency, text: string): string {
  const message = `ds ${quote(text)} is not a ${freq === "hourly" ? "timestamp" : "date"} (${dsLayout(freq)})`;
  if (freq === "hourly" && !Number.isNaN(parseDs("daily", text))) return `${message}; is the data daily?`;
  if (freq !== "hourly" && !Number.isNaN(parseDs("hourly", text))) {
    return `${message}: it has a time of day; is the data hourly?`;
  }
  return message;
}
