import { localDate, zonedDayStart } from "../../series/zoned-time.js";
import { flightDays } from "./flight-days.js";

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A flight laid on the stretch's hours. */
export interface FlightWindow {
  /** First flight hour and the hour after the last, as stretch hour indices. */
  start: number;
  end: number;
  /** Flight-local day of each flight hour. */
  day: Int32Array;
}

/**
 * The local midnights of a time zone within [from, to] (epoch ms), as stretch hour indices rounded up to the
 * hour (zones with half-hour offsets start their days mid-hour): the day boundaries a generated flight can
 * start and end on.
 *
 * @example
 * localMidnights(Date.UTC(2026, 9, 1), Date.UTC(2026, 9, 3), "UTC"); // [0, 24, 48]
 */
export function localMidnights(from: number, to: number, timeZone: string): number[] {
  const out: number[] = [];
  const first = Date.parse(`${localDate(from, timeZone)}T00:00:00Z`);
  for (let date = first; date <= to + DAY; date += DAY) {
    const instant = zonedDayStart(new Date(date).toISOString().slice(0, 10), timeZone);
    if (instant >= from && instant <= to) out.push(Math.ceil((instant - from) / HOUR));
  }
  return out;
}

/**
 * The flight of stretch hours [start, end) with its local days.
 *
 * @param stretchStart the stretch's first hour, epoch ms
 * @example
 * flightWindow(Date.UTC(2026, 9, 1), 24, 72, "UTC").day; // 24 zeros then 24 ones
 */
export function flightWindow(
  stretchStart: number,
  start: number,
  end: number,
  timeZone: string,
): FlightWindow {
  return { start, end, day: flightDays(stretchStart + start * HOUR, end - start, timeZone) };
}
