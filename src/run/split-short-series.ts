import type { LongSeries } from "../series/read-long-format.js";

/**
 * Separates the series long enough to backtest, more than `windows * horizon` points so that the first
 * window has training data, from the shorter ones: a file run skips those with a warning instead of
 * failing every series for one young one.
 *
 * @throws Error naming the windows and horizon when no series is long enough
 * @example
 * const { long, short } = splitShortSeries(series, 3, 7);
 * for (const s of short) console.error(`series "${s.id}": too short, skipped`);
 */
export function splitShortSeries(
  series: readonly LongSeries[],
  windows: number,
  horizon: number,
): { long: LongSeries[]; short: LongSeries[] } {
  const needed = windows * horizon;
  const long: LongSeries[] = [];
  const short: LongSeries[] = [];
  for (const s of series) (s.values.length > needed ? long : short).push(s);
  if (long.length === 0) {
    const most = Math.max(...series.map((s) => s.values.length));
    throw new Error(
      `--windows: ${windows} windows of ${horizon} need series of more than ${needed} points; ` +
        `the longest has ${most}`,
    );
  }
  return { long, short };
}
