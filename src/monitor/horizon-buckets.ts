/** A range of forecast horizons scored together, and the granularity its snapshot rows have. */
export interface HorizonBucket {
  readonly name: string;
  /** 1 for hourly rows, 24 for daily rows. */
  readonly hours: number;
  /** Horizon steps (hours from the run's first forecast hour) of the rows' starts: [from, to). */
  readonly from: number;
  readonly to: number;
}

/**
 * The horizon buckets of live accuracy, matching what a run's snapshot keeps: its first day hour by hour, the
 * rest of its first week day by day, and every later day.
 */
export const HORIZON_BUCKETS: readonly HorizonBucket[] = [
  { name: "hours 1-24", hours: 1, from: 0, to: 24 },
  { name: "days 2-7", hours: 24, from: 24, to: 168 },
  { name: "days 8+", hours: 24, from: 168, to: Number.POSITIVE_INFINITY },
];

/**
 * The index in `HORIZON_BUCKETS` of a snapshot row, by its span and step; -1 when none fits.
 *
 * @example
 * bucketOf(1, 5); // 0: an hourly row of the first day
 * bucketOf(24, 48); // 1: the third day
 */
export function bucketOf(hours: number, step: number): number {
  for (let b = 0; b < HORIZON_BUCKETS.length; b++) {
    const bucket = HORIZON_BUCKETS[b];
    if (bucket.hours === hours && step >= bucket.from && step < bucket.to) return b;
  }
  return -1;
}
