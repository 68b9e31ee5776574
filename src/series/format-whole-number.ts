let formatter: Intl.NumberFormat | undefined;

/**
 * `n` rounded to a whole number, with thousands separators. The formatter is built on first use: the first
 * Intl formatter of a process starts ICU, tens of ms that every CLI command would pay at load.
 *
 * @example
 * formatWholeNumber(1234567.8); // "1,234,568"
 */
export function formatWholeNumber(n: number): string {
  if (formatter === undefined) formatter = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  return formatter.format(n);
}
