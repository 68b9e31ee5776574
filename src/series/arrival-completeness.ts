import type { ArrivalDelays } from "../store/store.js";

/** How complete the store's recent hours are, from how late their events arrive. */
export interface ArrivalCompleteness {
  /**
   * The share of an hour's events in the store `ageHours` after the hour began (1 for an old hour).
   * Always 1 when the delays say nothing (`informative` false).
   */
  shareAt(ageHours: number): number;
  /**
   * False when the store has no closed hours to measure, or when most events arrived later than the allowed
   * lateness: a bulk load of history, whose ingestion times are load times, not arrival times.
   */
  readonly informative: boolean;
  /** The median arrival delay in hours, stragglers included (Infinity when they are most; NaN without data). */
  readonly medianDelayHours: number;
}

/**
 * The completeness of recent hours implied by measured arrival delays. An event at a uniform moment u of its
 * hour with delay D is in the store by age a (hours since its hour began) when u + D <= a, which for a given
 * D has probability clamp(a - D, 0, 1); with D uniform within its histogram bucket [d0, d1) that averages to
 * (G(a - d0) - G(a - d1)) / (d1 - d0), G being the integral of the clamp. The share at age a mixes the
 * buckets by their units. Stragglers past the histogram (backfilled days) are left out: they are not part of
 * the live arrival pattern.
 *
 * @example
 * const completeness = arrivalCompleteness(await store.arrivalDelays(), 72);
 * completeness.shareAt(1.5); // e.g. 0.62: an hour that began 90 minutes ago holds 62% of its events
 */
export function arrivalCompleteness(
  delays: ArrivalDelays,
  allowedLatenessHours: number,
): ArrivalCompleteness {
  const { units, bucketHours: width } = delays;
  let total = 0;
  for (let k = 0; k < units.length; k++) total += units[k];
  const weights = new Float64Array(units.length);
  const all = total + delays.beyond;
  let median = all > 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  let cumulative = 0;
  for (let k = 0; k < units.length && total > 0; k++) {
    weights[k] = units[k] / total;
    cumulative += units[k];
    if (median === Number.POSITIVE_INFINITY && cumulative >= all / 2) median = (k + 0.5) * width;
  }
  // A bulk load: the rows of closed hours mostly came in after the lateness allowed a live feed.
  const informative = total > 0 && median <= allowedLatenessHours;
  const shareAt = (ageHours: number): number => {
    if (!informative) return 1;
    let share = 0;
    for (let k = 0; k < weights.length; k++) {
      if (weights[k] === 0) continue;
      const d0 = k * width;
      share += (weights[k] * (clampIntegral(ageHours - d0) - clampIntegral(ageHours - d0 - width))) / width;
    }
    return Math.min(1, share);
  };
  return { shareAt, informative, medianDelayHours: median };
}

/** The integral from -Infinity to x of clamp(t, 0, 1) dt. */
function clampIntegral(x: number): number {
  if (x <= 0) return 0;
  if (x <= 1) return (x * x) / 2;
  return x - 0.5;
}
