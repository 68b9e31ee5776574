const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Texts that mark a missing observation: an empty field, R's NA, and NaN as pandas and numpy write it. */
export const MISSING_MARKERS: readonly string[] = ["", "NA", "NaN", "nan"];

/**
 * Reads the y of a long-format row: a finite decimal number, NaN for a missing value (see MISSING_MARKERS),
 * or null when the text is neither (hexadecimal, `Infinity`, `1,5`, words, a number too large for a double).
 * Surrounding spaces are ignored.
 *
 * @example
 * parseObservation("12.5"); // 12.5
 * parseObservation("NA"); // NaN
 * parseObservation("0x10"); // null
 */
export function parseObservation(text: string): number | null {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) {
    const value = Number(trimmed);
    return Number.isFinite(value) ? value : null;
  }
  return MISSING_MARKERS.includes(trimmed) ? Number.NaN : null;
}
