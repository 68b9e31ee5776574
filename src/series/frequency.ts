import { civilFromDays, DAY_MS, daysFromCivil, HOUR_MS, isoDate } from "./civil-date.js";

/** How often a series has a value. Hourly series are in UTC; the others are calendar dates. */
export type Frequency = "hourly" | "daily" | "weekly" | "monthly" | "quarterly";

/** Every frequency, shortest first. */
export const FREQUENCIES: readonly Frequency[] = ["hourly", "daily", "weekly", "monthly", "quarterly"];

/**
 * Seasonal periods a model looks for when the user names none: a day and a week of hours, a week of days, a
 * year of weeks, months or quarters.
 */
export const DEFAULT_SEASONS: Readonly<Record<Frequency, readonly number[]>> = {
  hourly: [24, 168],
  daily: [7],
  weekly: [52],
  monthly: [12],
  quarterly: [4],
};

/**
 * Holdout horizons of the usual benchmarks (the M4 competition's for weekly, monthly and quarterly data; a
 * week of hours and two weeks of days): the last this many points of each series are the test window.
 */
export const HOLDOUT_HORIZONS: Readonly<Record<Frequency, number>> = {
  hourly: 168,
  daily: 14,
  weekly: 13,
  monthly: 12,
  quarterly: 8,
};

/**
 * The frequency a flag names, or an Error naming the flag and the accepted values.
 *
 * @example
 * parseFrequency("daily"); // "daily"
 * parseFrequency("yearly"); // Error: --freq: "yearly" is not one of hourly, daily, weekly, monthly, quarterly
 */
export function parseFrequency(text: string, flag = "--freq"): Frequency {
  if ((FREQUENCIES as readonly string[]).includes(text)) return text as Frequency;
  throw new Error(`${flag}: "${text}" is not one of ${FREQUENCIES.join(", ")}`);
}

/**
 * The ds layout of a frequency, as error messages show it.
 *
 * @example
 * dsLayout("hourly"); // "YYYY-MM-DD HH:MM:SS"
 */
export function dsLayout(freq: Frequency): string {
  return freq === "hourly" ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD";
}

function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

function number2(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * Milliseconds after the date of a time of day written after a `YYYY-MM-DD` date: ` HH:MM[:SS]` or `THH:MM[:SS]`,
 * optionally with zero fractions of a second, then optionally `Z` or an offset `±HH:MM` (converted to UTC).
 * NaN when the rest is not such a time.
 */
function timeOfDay(text: string): number {
  const n = text.length;
  const separator = text.charCodeAt(10);
  if (separator !== 32 && separator !== 84 && separator !== 116) return Number.NaN;
  if (n < 16 || text.charCodeAt(13) !== 58) return Number.NaN;
  const hour = number2(text, 11);
  const minute = number2(text, 14);
  let second = 0;
  let at = 16;
  if (at < n && text.charCodeAt(at) === 58) {
    second = number2(text, at + 1);
    at += 3;
    if (at < n && text.charCodeAt(at) === 46) {
      // Fractions of a second are accepted only when they are zero: ds is a grid point, not an instant.
      at++;
      const first = at;
      while (at < n && text.charCodeAt(at) === 48) at++;
      if (at === first || (at < n && digit(text, at) >= 0)) return Number.NaN;
    }
  }
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  let offset = 0;
  if (at < n) {
    const sign = text.charCodeAt(at);
    if ((sign === 90 || sign === 122) && at + 1 === n) {
      offset = 0;
    } else if ((sign === 43 || sign === 45) && at + 6 === n && text.charCodeAt(at + 3) === 58) {
      const offsetHours = number2(text, at + 1);
      const offsetMinutes = number2(text, at + 4);
      if (!(offsetHours <= 23 && offsetMinutes <= 59)) return Number.NaN;
      offset = (sign === 43 ? 1 : -1) * (offsetHours * 60 + offsetMinutes) * 60_000;
    } else {
      return Number.NaN;
    }
  }
  return ((hour * 60 + minute) * 60 + second) * 1000 - offset;
}

/**
 * Parses the ds of a row: epoch milliseconds (UTC), or NaN when the text is not a timestamp of the frequency.
 * Hourly data takes `YYYY-MM-DD HH:MM:SS` (UTC) and the ISO forms `YYYY-MM-DDTHH:MM:SS`, with `Z` or an
 * offset; seconds may be left out, the hour may not. The other frequencies take a date `YYYY-MM-DD`, or a midnight UTC in the
 * hourly forms (as some tools write dates). Whether the time falls on the series' grid is checked later.
 *
 * @example
 * parseDs("hourly", "2026-11-25 17:00:00"); // Date.UTC(2026, 10, 25, 17)
 * parseDs("hourly", "2026-11-25T18:00:00+01:00"); // the same
 * parseDs("monthly", "2024-02-29"); // Date.UTC(2024, 1, 29)
 * parseDs("daily", "2026-02-29"); // NaN: 2026 is no leap year
 */
export function parseDs(freq: Frequency, text: string): number {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const year = number2(text, 0) * 100 + number2(text, 2);
  const month = number2(text, 5);
  const day = number2(text, 8);
  if (Number.isNaN(year) || !(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) {
    return Number.NaN;
  }
  const date = daysFromCivil(year, month, day) * DAY_MS;
  // An hourly ds needs its hour: a bare date there is more likely daily data given the wrong --freq.
  if (text.length === 10) return freq === "hourly" ? Number.NaN : date;
  const time = date + timeOfDay(text);
  if (freq !== "hourly" && time % DAY_MS !== 0) return Number.NaN;
  return time;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Writes a ds: `YYYY-MM-DD HH:MM:SS` (UTC) for hourly data, `YYYY-MM-DD` otherwise.
 *
 * @example
 * formatDs("hourly", Date.UTC(2026, 10, 25, 17)); // "2026-11-25 17:00:00"
 * formatDs("weekly", Date.UTC(2026, 10, 23)); // "2026-11-23"
 */
export function formatDs(freq: Frequency, time: number): string {
  const days = Math.floor(time / DAY_MS);
  const date = isoDate(days);
  if (freq !== "hourly") return date;
  const ms = time - days * DAY_MS;
  const hour = Math.floor(ms / HOUR_MS);
  const minute = Math.floor((ms % HOUR_MS) / 60_000);
  const second = Math.floor((ms % 60_000) / 1000);
  return `${date} ${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
}

/**
 * The calendar date of epoch milliseconds, with the length of its month.
 *
 * @example
 * calendarDate(Date.UTC(2024, 1, 10)); // { year: 2024, month: 2, day: 10, monthDays: 29 }
 */
export function calendarDate(time: number): { year: number; month: number; day: number; monthDays: number } {
  const { year, month, day } = civilFromDays(Math.floor(time / DAY_MS));
  return { year, month, day, monthDays: daysInMonth(year, month) };
}

/**
 * Epoch milliseconds of a calendar date at midnight UTC; a day past the end of the month is clamped to the
 * month's last day (so day 31 means the month's end).
 *
 * @example
 * dateTime(2023, 2, 31); // Date.UTC(2023, 1, 28)
 */
export function dateTime(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, Math.min(day, daysInMonth(year, month))) * DAY_MS;
}
