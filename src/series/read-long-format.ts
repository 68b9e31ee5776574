import { stat } from "node:fs/promises";
import { readCsvRecords } from "../events/read-csv-records.js";
import { dsLayout, type Frequency, formatDs, parseDs } from "./frequency.js";
import { parseObservation } from "./parse-observation.js";
import { describeGrid, gridIndex, gridTime, inferGrid, type TimeGrid } from "./time-grid.js";

/** One series of a long-format file, laid out on its time grid. */
export interface LongSeries {
  /** The series' unique_id. */
  readonly id: string;
  /** The regular times its points fall on. */
  readonly grid: TimeGrid;
  /** Time of `values[0]`, epoch milliseconds (UTC). */
  readonly start: number;
  /** y at every grid step from its first to its last row; NaN where missing (no row, or y empty, NA, NaN). */
  readonly values: Float64Array;
  /** Rows in the file. */
  readonly rows: number;
  /** Grid steps without a row, filled with NaN. */
  readonly gaps: number;
  /** Rows whose y is missing (empty, NA, NaN). */
  readonly missing: number;
}

/** Options of readLongFormat. */
export interface ReadLongFormatOptions {
  /** Grid steps one series may span from its first to its last row; more is an error (a mistyped year). */
  maxLength?: number;
}

/** The default maxLength: 570 years of hours. */
export const MAX_SERIES_LENGTH = 5_000_000;

const COLUMNS = ["unique_id", "ds", "y"] as const;

/** The rows of one series in file order, in arrays that grow by doubling. */
class SeriesRows {
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

/** Fails with the path and a plain reason, not the system's error code, when `path` is no readable file. */
async function assertReadableFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === "ENOENT" ? "no such file" : (error.code ?? error.message);
    throw new Error(`cannot read ${path}: ${reason}`);
  });
  if (!info.isFile()) throw new Error(`cannot read ${path}: it is a folder, not a CSV file`);
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Reads a long-format CSV file (`unique_id,ds,y` with a header; columns in any order, other columns ignored,
 * fields optionally quoted, rows in any order) as one series per unique_id, in the order the ids first appear,
 * each laid out on its time grid from its first to its last ds. The file is streamed; only the rows are kept.
 *
 * A missing y (empty, NA, NaN) and a grid step without a row are NaN in `values` (gaps for the caller to
 * impute). Anything else wrong throws an Error naming the file, line and field: a missing column, a ds that is
 * not a timestamp of the frequency, a y that is not a number, a ds off the grid of the rest of its series (10:30
 * in hourly data, a Tuesday among Mondays, the 15th among firsts of the month), or a ds twice in a series.
 *
 * @example
 * const series = await readLongFormat("sales.csv", "monthly");
 * series[0].id; // "store-1"
 * formatDs("monthly", series[0].start); // "2023-01-01"
 */
export async function readLongFormat(
  path: string,
  freq: Frequency,
  options: ReadLongFormatOptions = {},
): Promise<LongSeries[]> {
  await assertReadableFile(path);
  const maxLength = options.maxLength ?? MAX_SERIES_LENGTH;
  const bySeries = new Map<string, SeriesRows>();
  let columns: number[] | null = null;
  let width = 0;
  const fail = (line: number, message: string): never => {
    throw new Error(`${path}:${line}: ${message}`);
  };
  for await (const records of readCsvRecords(path)) {
    for (const { line: recordLine, fields } of records) {
      if (fields === null) throw new Error(`${path}:${recordLine}: unterminated quoted field`);
      if (columns === null) {
        columns = headerColumns(fields, (message) => fail(recordLine, message));
        width = fields.length;
        continue;
      }
      if (fields.length !== width) fail(recordLine, `${fields.length} fields where the header has ${width}`);
      const id = fields[columns[0]];
      if (id === "") fail(recordLine, "unique_id is empty");
      const dsText = fields[columns[1]].trim();
      const time = parseDs(freq, dsText);
      if (Number.isNaN(time)) fail(recordLine, badDs(freq, dsText));
      const y = parseObservation(fields[columns[2]]);
      if (y === null) {
        fail(
          recordLine,
          `y ${quote(fields[columns[2]])} is not a number (empty, NA or NaN mark a missing value)`,
        );
      }
      let rows = bySeries.get(id);
      if (rows === undefined) {
        rows = new SeriesRows();
        bySeries.set(id, rows);
      }
      rows.push(time, y as number, recordLine);
    }
  }
  if (columns === null) throw new Error(`${path}: empty file; expected a header with unique_id, ds and y`);
  if (bySeries.size === 0) throw new Error(`${path}: no rows after the header`);
  const series: LongSeries[] = [];
  for (const [id, rows] of bySeries) series.push(layOut(path, freq, id, rows, maxLength));
  return series;
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

/** Lays the rows of one series out on its grid, checking that each is on the grid and none is there twice. */
function layOut(path: string, freq: Frequency, id: string, rows: SeriesRows, maxLength: number): LongSeries {
  const { times, ys, lines, length } = rows;
  const grid = inferGrid(freq, times.subarray(0, length));
  const steps = new Float64Array(length);
  let first = 0;
  let last = 0;
  for (let i = 0; i < length; i++) {
    const step = gridIndex(grid, times[i]);
    if (Number.isNaN(step)) {
      throw new Error(
        `${path}:${lines[i]}: ds ${quote(formatDs(freq, times[i]))} of series ${quote(id)} is off its ${freq} ` +
          `grid: its other rows fall on ${describeGrid(grid)}`,
      );
    }
    steps[i] = step;
    if (step < steps[first]) first = i;
    if (step > steps[last]) last = i;
  }
  const size = steps[last] - steps[first] + 1;
  if (size > maxLength) {
    throw new Error(
      `${path}: series ${quote(id)} spans ${size} ${freq} steps from ds ${quote(formatDs(freq, times[first]))} ` +
        `(line ${lines[first]}) to ${quote(formatDs(freq, times[last]))} (line ${lines[last]}), more than ` +
        `${maxLength}; is a date mistyped?`,
    );
  }
  const values = new Float64Array(size).fill(Number.NaN);
  // The line that filled each step, 0 for none: a second row for a step names the first.
  const filledBy = new Float64Array(size);
  const origin = steps[first];
  for (let i = 0; i < length; i++) {
    const at = steps[i] - origin;
    if (filledBy[at] !== 0) {
      throw new Error(
        `${path}:${lines[i]}: ds ${quote(formatDs(freq, times[i]))} appears twice in series ${quote(id)} ` +
          `(lines ${filledBy[at]} and ${lines[i]})`,
      );
    }
    filledBy[at] = lines[i];
    values[at] = ys[i];
  }
  return {
    id,
    grid,
    start: gridTime(grid, origin),
    values,
    rows: length,
    gaps: size - length,
    missing: rows.missing,
  };
}
