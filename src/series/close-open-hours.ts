import type { ArrivalCompleteness } from "./arrival-completeness.js";
import type { DenseSeries } from "./dense-series.js";

const HOUR = 3_600_000;

/** Thresholds of `closeOpenHours`. */
export interface OpenHourOptions {
  /** An hour at least this complete is taken as it is; default 0.99. */
  readonly closedShare?: number;
  /** An hour less complete than this is left out with every hour after it; default 0.5. */
  readonly minShare?: number;
}

/** Hourly series ready to train on, and what was done to their last hours. */
export interface ClosedHours {
  /** The series, cut before their first hour under `minShare`, open hours scaled up. */
  readonly series: DenseSeries;
  /** First hour (epoch ms) of the returned series. */
  readonly start: number;
  /** Hours scaled up by 1 / completeness. */
  readonly corrected: number;
  /** Hours left out at the end, too incomplete to correct (the forecast covers them). */
  readonly dropped: number;
}

/**
 * Makes the last hours of hourly series safe to train on: a recent hour still filling up with late events
 * would read as a dip. Each hour's expected completeness at `now` (the store's last ingestion) comes from the
 * measured arrival delays; an hour at least `closedShare` complete is kept, one at least `minShare`
 * complete is divided by its completeness (an unbiased estimate of its final count when arrivals do not
 * depend on the count), and the first hour below `minShare` and every later one are cut off.
 *
 * @example
 * const { series, dropped } = closeOpenHours(dense, start, lastIngestion, completeness);
 */
export function closeOpenHours(
  dense: DenseSeries,
  start: number,
  now: number,
  completeness: ArrivalCompleteness,
  options: OpenHourOptions = {},
): ClosedHours {
  const closedShare = options.closedShare ?? 0.99;
  const minShare = options.minShare ?? 0.5;
  if (!(minShare > 0 && minShare <= closedShare && closedShare <= 1)) {
    throw new Error(
      `minShare and closedShare: need 0 < minShare <= closedShare <= 1 (got ${minShare}, ${closedShare})`,
    );
  }
  const width = dense.periods.length;
  const keys = dense.keys.length;
  let kept = width;
  let corrected = 0;
  const shares = new Float64Array(width).fill(1);
  // Completeness falls with the hour's start, so scan back from the last hour until one is closed.
  for (let t = width - 1; t >= 0; t--) {
    const share = completeness.shareAt((now - (start + t * HOUR)) / HOUR);
    if (share >= closedShare) break;
    if (share < minShare) kept = t;
    else shares[t] = share;
  }
  const values = new Float64Array(keys * kept);
  for (let k = 0; k < keys; k++) {
    for (let t = 0; t < kept; t++) values[k * kept + t] = dense.values[k * width + t] / shares[t];
  }
  for (let t = 0; t < kept; t++) if (shares[t] < 1) corrected++;
  return {
    series: { keys: dense.keys, periods: dense.periods.slice(0, kept), values },
    start,
    corrected,
    dropped: width - kept,
  };
}
