/**
 * Significant digits of a number in output files. Ten keep every integer below 10^10 exact and every forecast
 * far more precise than its own uncertainty, while dropping binary noise (0.1 + 0.2 is written 0.3, not
 * 0.30000000000000004) and the digits that make files twice as large for nothing.
 */
export const SIGNIFICANT_DIGITS = 10;

/**
 * Writes a finite number compactly for CSV: rounded to SIGNIFICANT_DIGITS significant digits, then in the
 * shortest form JavaScript gives that value (no trailing zeros; an exponent only below 1e-6 or from 1e21).
 *
 * @example
 * formatNumber(1234.5); // "1234.5"
 * formatNumber(0.1 + 0.2); // "0.3"
 * formatNumber(2 / 3); // "0.6666666667"
 * formatNumber(-0); // "0"
 */
export function formatNumber(value: number): string {
  const rounded = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  return rounded === 0 ? "0" : String(rounded);
}
