/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;
/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), without Date objects,
 * so holiday rules and timestamp prefixes work for any year.
 *
 * @example
 * daysFromCivil(2026, 12, 25); // 20812
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A calendar date. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The calendar date of a day number (inverse of daysFromCivil).
 *
 * @example
 * civilFromDays(0); // { year: 1970, month: 1, day: 1 }
 */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Day of the week of a day number: 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
 *
 * @example
 * weekdayOfDays(daysFromCivil(2026, 11, 27)); // 5, a Friday
 */
export function weekdayOfDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/**
 * `YYYY-MM-DD` of a day number.
 *
 * @example
 * isoDate(20812); // "2026-12-25"
 */
export function isoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * The day number of a `YYYY-MM-DD` date, or NaN when the text is not a real date in that form.
 *
 * @example
 * parseIsoDate("2026-12-25"); // 20812
 * parseIsoDate("2026-02-29"); // NaN: 2026 is no leap year
 */
export function parseIsoDate(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.NaN;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  const days = daysFromCivil(year, month, day);
  // A day past the month's end rolls into the next month: the round trip tells.
  return civilFromDays(days).month === month ? days : Number.NaN;
}
