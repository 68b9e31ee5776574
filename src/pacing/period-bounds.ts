import { HOUR_MS, parseIsoDate } from "../series/civil-date.js";
import { localDate, zonedDayStart } from "../series/zoned-time.js";

/** How an avails answer cuts its period. */
export type Granularity = "hour" | "day" | "week";
/** The granularities, for flag checks. */
export const GRANULARITIES: readonly Granularity[] = ["hour", "day", "week"];

/** An hourly forecast grid: its first hour (epoch ms) and length. */
export interface HourGrid {
  start: number;
  hours: number;
}

/**
 * The interval boundaries, as grid hour indices, of the inclusive days `start`..`end` of the reporting time
 * zone cut by hour, day or week (weeks run Monday to Sunday, as weekly series do; the first and last may be
 * partial). A local midnight inside an hour (zones with half-hour offsets) falls to the start of that hour.
 * Days outside the grid are an error naming `start` or `end`.
 *
 * @example
 * periodBounds({ start: Date.UTC(2026, 11, 1), hours: 840 }, "2026-12-01", "2026-12-02", "day", "UTC"); // [0, 24, 48]
 */
export function periodBounds(
  grid: HourGrid,
  start: string,
  end: string,
  granularity: Granularity,
  timeZone: string,
): Int32Array {
  const first = parseIsoDate(start);
  const last = parseIsoDate(end);
  if (Number.isNaN(first)) throw new Error(`start: "${start}" is not a date (YYYY-MM-DD)`);
  if (Number.isNaN(last)) throw new Error(`end: "${end}" is not a date (YYYY-MM-DD)`);
  if (last < first) throw new Error(`end: ${end} is before the start ${start}`);
  if (!GRANULARITIES.includes(granularity)) {
    throw new Error(`granularity: expected one of ${GRANULARITIES.join(", ")}, got "${granularity}"`);
  }
  const at = (day: number) => hourIndex(grid, zonedDayStart(isoDay(day), timeZone));
  const from = at(first);
  const to = at(last + 1);
  const lastHour = new Date(grid.start + (grid.hours - 1) * HOUR_MS).toISOString();
  if (from < 0)
    throw new Error(`start: ${start} begins before the forecast (${new Date(grid.start).toISOString()})`);
  if (to > grid.hours) throw new Error(`end: ${end} runs past the forecast's last hour (${lastHour})`);
  const bounds: number[] = [from];
  if (granularity === "hour") {
    for (let h = from + 1; h <= to; h++) bounds.push(h);
  } else {
    for (let day = first + 1; day <= last + 1; day++) {
      // Day numbers count from a Thursday (1970-01-01): (day + 3) % 7 is 0 on Mondays.
      if (day === last + 1 || granularity === "day" || (day + 3) % 7 === 0) bounds.push(at(day));
    }
  }
  return Int32Array.from(bounds);
}

/**
 * Boundaries of the reporting days over a grid (grid hour indices from 0 to hours): the buckets allocate()
 * keeps each campaign's part in, so contention over any whole days is exact.
 *
 * @example
 * dayBuckets({ start: Date.UTC(2026, 11, 1, 12), hours: 48 }, "UTC"); // [0, 12, 36, 48]
 */
export function dayBuckets(grid: HourGrid, timeZone: string): Int32Array {
  const bounds: number[] = [0];
  let day = parseIsoDate(localDate(grid.start, timeZone)) + 1;
  for (;;) {
    const h = hourIndex(grid, zonedDayStart(isoDay(day), timeZone));
    if (h >= grid.hours) break;
    if (h > bounds[bounds.length - 1]) bounds.push(h);
    day++;
  }
  bounds.push(grid.hours);
  return Int32Array.from(bounds);
}

/** The grid hour holding an instant (may be outside 0..hours). */
export function hourIndex(grid: HourGrid, instant: number): number {
  return Math.floor((instant - grid.start) / HOUR_MS);
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
