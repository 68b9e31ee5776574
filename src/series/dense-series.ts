import type { CubeSlice } from "../store/store.js";
import { localDate, zonedDayStart } from "./zoned-time.js";

const HOUR = 3_600_000;

/** How to lay out a cube slice as dense series. */
export interface DenseSeriesOptions {
  freq: "hourly" | "daily";
  /** First hour (hourly) or start of the first local day (daily), epoch ms. */
  start: number;
  /** Exclusive end, epoch ms. */
  end: number;
  /** Time zone of the days of a daily series. */
  timeZone: string;
}

/** Dense series: one row of `values` per key, one column per period, zeros where the cube has no cell. */
export interface DenseSeries {
  keys: string[];
  /** Period labels: `YYYY-MM-DD HH:MM:SS` (hourly, UTC) or `YYYY-MM-DD` (daily, local). */
  periods: string[];
  /** keys.length × periods.length, row-major. */
  values: Float64Array;
}

/**
 * Turns the sparse cells of a cube slice into zero-filled series over [start, end), summing hours into local
 * days for daily series.
 *
 * @example
 * const dense = denseSeries(slice, { freq: "daily", start, end, timeZone: "Europe/Stockholm" });
 * dense.values[k * dense.periods.length + t]; // key k, day t
 */
export function denseSeries(slice: CubeSlice, options: DenseSeriesOptions): DenseSeries {
  const { start, end, freq, timeZone } = options;
  const periods: string[] = [];
  // periodStart[i] is the first instant of period i; a binary search maps an hour to its period.
  const periodStart: number[] = [];
  if (freq === "hourly") {
    for (let t = start; t < end; t += HOUR) {
      periods.push(new Date(t).toISOString().replace("T", " ").slice(0, 19));
      periodStart.push(t);
    }
  } else {
    let day = localDate(start, timeZone);
    let dayStart = zonedDayStart(day, timeZone);
    while (dayStart < end) {
      periods.push(day);
      periodStart.push(dayStart);
      const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      day = next;
      dayStart = zonedDayStart(next, timeZone);
    }
  }
  const width = periods.length;
  const values = new Float64Array(slice.keys.length * width);
  for (let i = 0; i < slice.hour.length; i++) {
    const t = slice.hour[i];
    if (t < start || t >= end || slice.keyIndex[i] < 0) continue;
    let lo = 0;
    let hi = width - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (periodStart[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    values[slice.keyIndex[i] * width + lo] += slice.value[i];
  }
  return { keys: slice.keys, periods, values };
}
