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
  if (value.length === 24 || value.length === 29) {
    const fast = parseCanonical(value);
    if (!Number.isNaN(fast)) return fast;
  }
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

/** Days from 1970-01-01 to the first of each month of a common year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/**
 * The common forms `YYYY-MM-DDTHH:MM:SS.sssZ` (what `Date.prototype.toISOString` writes) and
 * `YYYY-MM-DDTHH:MM:SS.sss±HH:MM` (local time with its offset), read without a regular expression or Date: most
 * log lines carry one twice, so this is the hot path. NaN when the text is another form.
 */
function parseCanonical(text: string): number {
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46
  ) {
    return Number.NaN;
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(23);
  if (text.length === 24) {
    if (zone !== 90) return Number.NaN; // Z
  } else {
    if ((zone !== 43 && zone !== 45) || text.charCodeAt(26) !== 58) return Number.NaN; // + or -, then HH:MM
    const offsetHours = digit(text, 24) * 10 + digit(text, 25);
    const offsetMins = digit(text, 27) * 10 + digit(text, 28);
    if (!(offsetHours <= 23 && offsetMins <= 59)) return Number.NaN;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return canonicalEpoch(
    digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3),
    digit(text, 5) * 10 + digit(text, 6),
    digit(text, 8) * 10 + digit(text, 9),
    digit(text, 11) * 10 + digit(text, 12),
    digit(text, 14) * 10 + digit(text, 15),
    digit(text, 17) * 10 + digit(text, 18),
    digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22),
    offsetMinutes,
  );
}

function byteDigit(bytes: Uint8Array, i: number): number {
  const d = bytes[i] - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/**
 * `parseEventTime` of the ASCII text `bytes[start, end)` when it is one of the two common forms (see
 * parseCanonical), read straight from the bytes; NaN for any other text, which the caller decodes and hands to
 * `parseEventTime`. For the NDJSON fast path, which never makes a string of a time.
 *
 * @example
 * parseCanonicalTimeBytes(Buffer.from("2026-11-25T16:00:00.000Z"), 0, 24); // 1795795200000
 */
export function parseCanonicalTimeBytes(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (
    (length !== 24 && length !== 29) ||
    bytes[start + 4] !== 45 ||
    bytes[start + 7] !== 45 ||
    bytes[start + 10] !== 84 ||
    bytes[start + 13] !== 58 ||
    bytes[start + 16] !== 58 ||
    bytes[start + 19] !== 46
  ) {
    return Number.NaN;
  }
  let offsetMinutes = 0;
  const zone = bytes[start + 23];
  if (length === 24) {
    if (zone !== 90) return Number.NaN; // Z
  } else {
    if ((zone !== 43 && zone !== 45) || bytes[start + 26] !== 58) return Number.NaN; // + or -, then HH:MM
    const offsetHours = byteDigit(bytes, start + 24) * 10 + byteDigit(bytes, start + 25);
    const offsetMins = byteDigit(bytes, start + 27) * 10 + byteDigit(bytes, start + 28);
    if (!(offsetHours <= 23 && offsetMins <= 59)) return Number.NaN;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const b = start;
  return canonicalEpoch(
    byteDigit(bytes, b) * 1000 +
      byteDigit(bytes, b + 1) * 100 +
      byteDigit(bytes, b + 2) * 10 +
      byteDigit(bytes, b + 3),
    byteDigit(bytes, b + 5) * 10 + byteDigit(bytes, b + 6),
    byteDigit(bytes, b + 8) * 10 + byteDigit(bytes, b + 9),
    byteDigit(bytes, b + 11) * 10 + byteDigit(bytes, b + 12),
    byteDigit(bytes, b + 14) * 10 + byteDigit(bytes, b + 15),
    byteDigit(bytes, b + 17) * 10 + byteDigit(bytes, b + 18),
    byteDigit(bytes, b + 20) * 100 + byteDigit(bytes, b + 21) * 10 + byteDigit(bytes, b + 22),
    offsetMinutes,
  );
}

/** Epoch ms of the fields of a canonical time, checked; NaN (from a non-digit) fails every check. */
function canonicalEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): number {
  if (
    !(year >= 1970 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)
  ) {
    return Number.NaN;
  }
  if (!(millis >= 0)) return Number.NaN;
  const leap = isLeapYear(year);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > monthDays) return Number.NaN;
  // Days since the epoch: whole years (with their leap days), then months and days of this year.
  const y = year - 1;
  const leapDays = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 477; // 477 leap days before 1970
  let days = (year - 1970) * 365 + leapDays + DAYS_BEFORE_MONTH[month - 1] + day - 1;
  if (leap && month > 2) days++;
  return checkEpoch(((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis);
}

function checkEpoch(ms: number): number {
  return Number.isInteger(ms) && ms >= 0 && ms <= MAX_EPOCH_MS ? ms : Number.NaN;
}
