import type { LongSeries } from "../series/read-long-format.js";

/**
 * Separates the series that have at least one observation from those whose every value is missing, which no
 * model can forecast: a file run skips the empty ones with a warning instead of failing every series.
 *
 * @throws Error when no series has an observation
 * @example
 * const { observed, empty } = splitEmptySeries(series);
 * for (const s of empty) console.error(`series "${s.id}": no observations, skipped`);
 */
export function splitEmptySeries(series: readonly LongSeries[]): {
  observed: LongSeries[];
  empty: LongSeries[];
} {
  const observed: LongSeries[] = [];
  const empty: LongSeries[] = [];
  for (const s of series) (s.values.some((value) => !Number.isNaN(value)) ? observed : empty).push(s);
  if (observed.length === 0) {
    throw new Error(`no series has an observation: every y of ${series.length} series is missing`);
  }
  return { observed, empty };
}
