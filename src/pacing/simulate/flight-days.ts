import { localDate } from "../../series/zoned-time.js";

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * The flight-local day (0-based) of each hour of a flight: the calendar day of the hour's start in the
 * campaign's time zone, counted from the day of the first hour. Daylight saving is honoured, so a day
 * has 23 or 25 hours where the clocks change.
 *
 * @param start first flight hour, epoch ms (on the hour)
 * @param hours flight length in hours
 * @example
 * flightDays(Date.UTC(2026, 9, 24, 22), 50, "Europe/Berlin"); // 24 zeros, 25 ones (Oct 25 has 25 hours), 1 two
 */
export function flightDays(start: number, hours: number, timeZone: string): Int32Array {
  const day = new Int32Array(hours);
  const first = Date.parse(`${localDate(start, timeZone)}T00:00:00Z`);
  for (let h = 0; h < hours; h++) {
    day[h] = Math.round((Date.parse(`${localDate(start + h * HOUR, timeZone)}T00:00:00Z`) - first) / DAY);
  }
  return day;
}
