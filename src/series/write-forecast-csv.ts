import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { formatNumber } from "./format-number.js";
import { formatDs } from "./frequency.js";
import { addSteps, type TimeGrid } from "./time-grid.js";

/** The forecast of one series, as the long-format output holds it. */
export interface SeriesForecast {
  /** The series' unique_id. */
  readonly id: string;
  /** The series' time grid (from readLongFormat): the ds of each step. */
  readonly grid: TimeGrid;
  /** Time of the first forecast step, `mean[0]`, epoch milliseconds (UTC). */
  readonly start: number;
  /** Point forecasts, one per step. */
  readonly mean: Float64Array;
  /** Lower bounds, one array per level, in the order of the levels written. */
  readonly lower: readonly Float64Array[];
  /** Upper bounds, as `lower`. */
  readonly upper: readonly Float64Array[];
  /** Quantile forecasts, one array per probability written (`q-0.1`...), when the file has quantile columns. */
  readonly quantiles?: readonly Float64Array[];
  /** The model column, e.g. "ets" or "ETS(A,N,A)". */
  readonly model: string;
}

/** Rows buffered before a write to the file. */
const CHUNK_CHARS = 1 << 20;

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The header `unique_id,ds,mean,lo-80,hi-80,...,model` for these levels, in their order; throws naming a level
 * that is not a percentage strictly between 0 and 100, or one given twice.
 *
 * @example
 * forecastCsvHeader([80, 95]); // "unique_id,ds,mean,lo-80,hi-80,lo-95,hi-95,model\n"
 */
export function forecastCsvHeader(levels: readonly number[], probs: readonly number[] = []): string {
  for (const level of levels) {
    if (!(Number.isFinite(level) && level > 0 && level < 100)) {
      throw new Error(`levels: ${level} is not a percentage strictly between 0 and 100`);
    }
    if (levels.indexOf(level) !== levels.lastIndexOf(level))
      throw new Error(`levels: ${level} is given twice`);
  }
  for (const p of probs) {
    if (!(Number.isFinite(p) && p > 0 && p < 1))
      throw new Error(`quantiles: ${p} is not strictly between 0 and 1`);
    if (probs.indexOf(p) !== probs.lastIndexOf(p)) throw new Error(`quantiles: ${p} is given twice`);
  }
  const columns = [...levels.map((l) => `lo-${l},hi-${l}`), ...probs.map((p) => `q-${p}`)];
  return `unique_id,ds,mean,${columns.join(",")}${columns.length > 0 ? "," : ""}model\n`;
}

/**
 * The CSV rows of one series' forecast, one per step, numbers written by formatNumber. Throws naming the
 * series when arrays do not match the levels or the horizon, or when a number is not finite: a forecast with
 * NaN or infinite values is never written.
 *
 * @example
 * forecastCsvRows(forecast, [80]); // "s,2026-01-01,10,8,12,ets\ns,2026-01-02,11,8.5,13.5,ets\n"
 */
export function forecastCsvRows(
  forecast: SeriesForecast,
  levels: readonly number[],
  probs: readonly number[] = [],
): string {
  const { id, grid, mean, lower, upper } = forecast;
  const quantiles = forecast.quantiles ?? [];
  const name = JSON.stringify(id);
  if (lower.length !== levels.length || upper.length !== levels.length) {
    throw new Error(
      `series ${name}: ${lower.length} lower and ${upper.length} upper bounds for ${levels.length} levels`,
    );
  }
  for (let l = 0; l < levels.length; l++) {
    if (lower[l].length !== mean.length || upper[l].length !== mean.length) {
      throw new Error(
        `series ${name}: the ${levels[l]}% bounds do not have the ${mean.length} steps of the mean`,
      );
    }
  }
  if (quantiles.length !== probs.length || quantiles.some((q) => q.length !== mean.length)) {
    throw new Error(`series ${name}: ${quantiles.length} quantile forecasts for ${probs.length} quantiles`);
  }
  const prefix = `${field(id)},`;
  const suffix = `,${field(forecast.model)}\n`;
  let text = "";
  let time = forecast.start;
  for (let h = 0; h < mean.length; h++) {
    const ds = formatDs(grid.freq, time);
    let row = prefix + ds;
    row += `,${number(mean[h], name, ds, "mean")}`;
    for (let l = 0; l < levels.length; l++) {
      row += `,${number(lower[l][h], name, ds, `lo-${levels[l]}`)},${number(upper[l][h], name, ds, `hi-${levels[l]}`)}`;
    }
    for (let q = 0; q < probs.length; q++) row += `,${number(quantiles[q][h], name, ds, `q-${probs[q]}`)}`;
    text += row + suffix;
    time = addSteps(grid, time, 1);
  }
  return text;
}

function number(value: number, series: string, ds: string, column: string): string {
  if (!Number.isFinite(value))
    throw new Error(`series ${series}: ${column} at ${ds} is ${value}; nothing written`);
  return formatNumber(value);
}

/**
 * Writes forecasts to a long-format CSV file (`unique_id,ds,mean,lo-80,hi-80,...,q-0.1,...,model`) atomically: the rows
 * go to a temporary file beside it, which replaces `path` only when every row is written and synced. A failure
 * (a bad forecast, a full disk, an error thrown by the forecasts' iterator) leaves `path` as it was.
 * Returns the number of rows written.
 *
 * @example
 * await writeForecastCsv("forecast.csv", [80, 95], forecasts);
 */
export async function writeForecastCsv(
  path: string,
  levels: readonly number[],
  forecasts: Iterable<SeriesForecast> | AsyncIterable<SeriesForecast>,
  probs: readonly number[] = [],
): Promise<number> {
  const header = forecastCsvHeader(levels, probs);
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  const file = await open(temporary, "wx").catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === "ENOENT" ? "its folder does not exist" : (error.code ?? error.message);
    throw new Error(`cannot write ${path}: ${reason}`);
  });
  let rows = 0;
  try {
    let buffer = header;
    for await (const forecast of forecasts) {
      buffer += forecastCsvRows(forecast, levels, probs);
      rows += forecast.mean.length;
      if (buffer.length >= CHUNK_CHARS) {
        await file.write(buffer);
        buffer = "";
      }
    }
    await file.write(buffer);
    await file.sync();
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  return rows;
}
