/** Powers of ten that are exact doubles, 10^0 .. 10^15. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Most digits the fast path takes: their integer stays below 2^53, so it is exact. */
const MAX_DIGITS = 15;

/**
 * Reads a plain decimal written in ASCII bytes, `[-]digits[.digits]` with at most 15 digits in all, exactly as
 * `Number` reads its text; returns Infinity for anything else (a sign +, an exponent, spaces, more digits,
 * no digit at all), which the caller hands to the general parser. Exact because the digits form an integer
 * below 2^53 and 10^k (k <= 15) is a double too: one division of two exact doubles is correctly rounded
 * (Clinger's fast path, "How to read floating point numbers accurately", PLDI 1990).
 *
 * @example
 * parseDecimalBytes(Buffer.from("-12.5"), 0, 5); // -12.5
 * parseDecimalBytes(Buffer.from("1e3"), 0, 3); // Infinity: not a plain decimal
 */
export function parseDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  const negative = at < end && bytes[at] === 45;
  if (negative) at++;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; at < end; at++) {
    const byte = bytes[at];
    if (byte >= 48 && byte <= 57) {
      mantissa = mantissa * 10 + (byte - 48);
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (byte === 46 && fractionDigits < 0) {
      fractionDigits = 0;
    } else {
      return Number.POSITIVE_INFINITY;
    }
  }
  if (digits === 0 || digits > MAX_DIGITS) return Number.POSITIVE_INFINITY;
  const value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
  return negative ? -value : value;
}
