import { parseEventTime } from "../events/parse-time.js";
import type { Measure, Store } from "../store/store.js";
import { type DenseSeries, denseSeries } from "./dense-series.js";
import { localDate, zonedDayStart } from "./zoned-time.js";

const HOUR = 3_600_000;
const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/** Which series to read from the store. */
export interface SeriesRequest {
  level: string;
  measure: Measure;
  freq: "hourly" | "daily";
  /** First day (YYYY-MM-DD, reporting time zone) or instant (ISO with offset); default: first data. */
  from?: string;
  /** Last day, inclusive, or instant, exclusive; default: the last hour with data. */
  to?: string;
  timeZone: string;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function parseBound(flag: string, value: string, timeZone: string, inclusiveDay: boolean): number {
  if (DAY_TEXT.test(value)) {
    try {
      return zonedDayStart(inclusiveDay ? nextDay(value) : value, timeZone);
    } catch {
      throw new Error(`${flag}: "${value}" is not a date`);
    }
  }
  const instant = parseEventTime(value);
  if (Number.isNaN(instant))
    throw new Error(`${flag}: "${value}" is not a date (YYYY-MM-DD) or ISO time with offset`);
  return instant;
}

/**
 * Reads one level and measure of the hourly cube as dense, zero-filled series, hourly (UTC hours) or daily
 * (days of the reporting time zone). Without bounds it spans the level's data; daily series cover whole days.
 *
 * @example
 * const dense = await readSeries(store, { level: "geo", measure: "opportunities", freq: "daily", timeZone: "UTC" });
 */
export async function readSeries(store: Store, request: SeriesRequest): Promise<DenseSeries> {
  const { timeZone, freq } = request;
  let start = request.from === undefined ? undefined : parseBound("--from", request.from, timeZone, false);
  let end = request.to === undefined ? undefined : parseBound("--to", request.to, timeZone, true);
  if (start !== undefined && end !== undefined && end <= start) {
    throw new Error(`--to ${request.to} is not after --from ${request.from}`);
  }
  const slice = await store.cube({ level: request.level, measure: request.measure, start, end });
  if (slice.firstHour === null || slice.lastHour === null) {
    return { keys: [], periods: [], values: new Float64Array(0) };
  }
  start ??= slice.firstHour;
  end ??= slice.lastHour + HOUR;
  if (freq === "hourly") {
    start = Math.floor(start / HOUR) * HOUR;
    end = Math.ceil(end / HOUR) * HOUR;
  } else {
    start = zonedDayStart(localDate(start, timeZone), timeZone);
    const lastDay = localDate(end - 1, timeZone);
    end = zonedDayStart(nextDay(lastDay), timeZone);
  }
  return denseSeries(slice, { freq, start, end, timeZone });
}

/**
 * Writes dense series in the long interchange format `unique_id,ds,y`, one chunk per key.
 *
 * @example
 * for (const chunk of longFormatCsv(dense)) process.stdout.write(chunk);
 */
export function* longFormatCsv(dense: DenseSeries): Generator<string> {
  yield "unique_id,ds,y\n";
  const width = dense.periods.length;
  for (let k = 0; k < dense.keys.length; k++) {
    const key = /[",\n]/.test(dense.keys[k]) ? `"${dense.keys[k].replaceAll('"', '""')}"` : dense.keys[k];
    let chunk = "";
    for (let t = 0; t < width; t++) chunk += `${key},${dense.periods[t]},${dense.values[k * width + t]}\n`;
    yield chunk;
  }
}
