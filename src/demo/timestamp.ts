import { civilFromDays, HOUR_MS } from "./civil-date.js";

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** "mm:ss" for every second of an hour. */
const MIN_SEC: string[] = Array.from(
  { length: 3600 },
  (_, s) => `${pad2(Math.floor(s / 60))}:${pad2(s % 60)}`,
);
/** ".SSS" for every millisecond of a second. */
const MILLIS: string[] = Array.from({ length: 1000 }, (_, ms) => `.${String(ms).padStart(3, "0")}`);

/**
 * Formats instants as `YYYY-MM-DDTHH:mm:ss.SSS` cheaply: the date-and-hour prefix is cached per hour (rows
 * come roughly in time order) and minutes, seconds and milliseconds come from lookup tables, so a timestamp
 * costs a division and three concatenations, with no Date object.
 *
 * @example
 * const f = new TimestampFormatter();
 * f.wall(Date.UTC(2026, 7, 1, 17, 3, 12, 345)) + "Z"; // "2026-08-01T17:03:12.345Z"
 * f.wall(ms + 120 * 60000) + offsetSuffix(120); // the same instant in UTC+02:00
 */
export class TimestampFormatter {
  private hour = Number.NaN;
  private prefix = "";

  /** The wall clock of `ms` read as UTC (pass ms + offset for a local wall clock), without a zone. */
  wall(ms: number): string {
    const hour = Math.floor(ms / HOUR_MS);
    if (hour !== this.hour) {
      this.hour = hour;
      const day = Math.floor(hour / 24);
      const { year, month, day: dom } = civilFromDays(day);
      this.prefix = `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(dom)}T${pad2(hour - day * 24)}:`;
    }
    const rest = ms - hour * HOUR_MS;
    const s = Math.floor(rest / 1000);
    return this.prefix + MIN_SEC[s] + MILLIS[rest - s * 1000];
  }
}

const SUFFIXES = new Map<number, string>();

/**
 * The ISO 8601 zone suffix of a UTC offset in minutes: `Z` for 0, else `+05:30` / `-03:00`.
 *
 * @example
 * offsetSuffix(-180); // "-03:00"
 */
export function offsetSuffix(minutes: number): string {
  let s = SUFFIXES.get(minutes);
  if (s === undefined) {
    const abs = Math.abs(minutes);
    s = minutes === 0 ? "Z" : `${minutes < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    SUFFIXES.set(minutes, s);
  }
  return s;
}
