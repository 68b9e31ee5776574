import { HOUR_MS } from "../series/civil-date.js";
import { reportingDays } from "../series/reporting-days.js";
import { zonedDayStart } from "../series/zoned-time.js";

/** A campaign's flight as hours: its first hour, how many, and the flight-local day of each. */
export interface FlightGrid {
  /** First flight hour, epoch ms (local midnight of the first day). */
  start: number;
  /** Flight hours: 24 a day, 23 or 25 on the days clocks change. */
  hours: number;
  /** Flight-local day (0-based, in the flight's time zone) of each hour; non-decreasing. */
  day: Int32Array;
  /** Local dates (YYYY-MM-DD) of the flight days. */
  dates: string[];
}

/**
 * The hours of a flight from the local midnight of its first day to the local midnight after its last day
 * (inclusive days), in a time zone, with each hour's flight day: the `day` input of planDelivery, so daily
 * caps apply to local days of 23 and 25 hours when clocks change. A local midnight inside an hour (zones with
 * half-hour offsets) falls to the start of that hour.
 *
 * @example
 * const flight = flightGrid("2026-03-28", "2026-03-30", "Europe/Stockholm");
 * flight.hours; // 71: the 29th has 23 hours
 */
export function flightGrid(first: string, last: string, timeZone: string): FlightGrid {
  const start = floorHour(zonedDayStart(first, timeZone));
  const end = floorHour(zonedDayStart(nextDay(last), timeZone));
  if (!(end > start)) throw new RangeError(`flight: end ${last} is before the start ${first}`);
  const days = reportingDays(start, (end - start) / HOUR_MS, timeZone);
  return { start, hours: (end - start) / HOUR_MS, day: days.dayOfHour, dates: days.days };
}

function floorHour(instant: number): number {
  return Math.floor(instant / HOUR_MS) * HOUR_MS;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
