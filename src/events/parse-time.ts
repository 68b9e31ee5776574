// ISO 8601 date-time with a mandatory offset (Z or ±hh:mm / ±hhmm); a time without an offset is ambiguous.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

const EPOCH_DIGITS = /^-?\d{1,16}$/;

/** Epoch milliseconds accepted as event times: years 1970 to 9999. */
const MAX_EPOCH_MS = 253402300799999;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Parses an event time: an ISO 8601 string with an offset, or epoch milliseconds (a number, or a string of
 * digits as CSV and Parquet text columns carry them). Returns epoch milliseconds, or NaN when the value is not
 * a valid time.
 *
 * @example
 * parseEventTime("2026-11-25T17:00:00+01:00"); // 1795795200000
 * parseEventTime(1795795200000);              // 1795795200000
 * parseEventTime("2026-11-25 17:00");         // NaN: no offset
 */
export function parseEventTime(value: unknown): number {
  if (typeof value === "number") return checkEpoch(value);
  if (typeof value === "bigint") return checkEpoch(Number(value));
  if (typeof value !== "string") return Number.NaN;
  if (EPOCH_DIGITS.test(value)) return checkEpoch(Number(value));
  const m = ISO_WITH_OFFSET.exec(value);
  if (m === null) return Number.NaN;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > monthDays) return Number.NaN;
  // Fractions beyond milliseconds are truncated, as the store keeps millisecond precision.
  const millis = m[7] === undefined ? 0 : +`${m[7]}00`.slice(0, 3);
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offsetHours = +m[10];
    const offsetMins = +m[11];
    if (offsetHours > 23 || offsetMins > 59) return Number.NaN;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return checkEpoch(utc);
}

function checkEpoch(ms: number): number {
  return Number.isInteger(ms) && ms >= 0 && ms <= MAX_EPOCH_MS ? ms : Number.NaN;
}
