import { stat } from "node:fs/promises";
import { readLineChunks } from "../events/read-line-chunks.js";
import { type Frequency, formatDs } from "./frequency.js";
import { LongFormatRows, type SeriesRows } from "./long-format-rows.js";
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
  const collector = new LongFormatRows(path, freq);
  for await (const chunk of readLineChunks(path)) collector.push(chunk);
  const bySeries = collector.finish();
  const series: LongSeries[] = [];
  for (const [id, rows] of bySeries) series.push(layOut(path, freq, id, rows, maxLength));
  return series;
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
