import { daysFromCivil, weekdayOfDays } from "../civil-date.js";

/** Days of the week as civil-date numbers them (0 = Sunday ... 6 = Saturday). */
export const SUNDAY = 0;
export const MONDAY = 1;
export const THURSDAY = 4;
export const FRIDAY = 5;
export const SATURDAY = 6;

/**
 * The first day on or after day number `day` that falls on `weekday` (0 = Sunday ... 6 = Saturday).
 *
 * @example
 * isoDate(weekdayOnOrAfter(daysFromCivil(2026, 6, 19), FRIDAY)); // "2026-06-19"
 */
export function weekdayOnOrAfter(day: number, weekday: number): number {
  return day + ((weekday - weekdayOfDays(day) + 7) % 7);
}

/**
 * The `n`th `weekday` of a month (n = 1 for the first); n = -1 is the month's last.
 *
 * @example
 * isoDate(nthWeekday(2026, 11, THURSDAY, 4)); // "2026-11-26": US Thanksgiving
 * isoDate(nthWeekday(2026, 5, MONDAY, -1)); // "2026-05-25": the last Monday of May
 */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) return weekdayOnOrAfter(daysFromCivil(year, month, 1), weekday) + 7 * (n - 1);
  const nextMonth = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  return weekdayOnOrAfter(nextMonth - 7, weekday);
}
