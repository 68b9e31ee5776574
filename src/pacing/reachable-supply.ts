import { pathQuantiles } from "../forecast/reconcile/path-quantiles.js";
import type { SamplePaths } from "../forecast/reconcile/sample-paths.js";
import type { AvailsIndex } from "./avails-index.js";

/** What reachableSupply() reads: the rest of a flight, its days, its supply and its caps. */
export interface ReachableInput {
  paths: SamplePaths;
  index: AvailsIndex;
  leaves: ArrayLike<number>;
  priorityClass: number;
  /** Grid hour of each flight hour (flight hour h is grid hour offset + h). */
  offset: number;
  /** Flight-local day of each flight hour. */
  day: Int32Array;
  /** First flight hour still to come. */
  from: number;
  /** Matched supply after higher priorities per flight hour (for the hours off the grid). */
  matched: Float64Array;
  /** Impressions each flight day may still take (Infinity without a cap). */
  capLeft: Float64Array;
}

/**
 * Per forecast sample path, the impressions a campaign can still get over the rest of its flight: for each
 * remaining flight day, the path's matched supply on its leaves (summed path by path, `pathQuantiles`) minus
 * what higher priorities are allocated that day, min(higher, m) as `pathAvails` takes it, plus the mean
 * supply of the day's hours off the forecast grid, cut at what the daily cap leaves; summed over the days.
 *
 * @example
 * const reachable = reachableSupply({ paths, index, leaves, priorityClass: 0, offset, day, from: 48, matched, capLeft });
 * reachable.length; // paths.paths
 */
export function reachableSupply(input: ReachableInput): Float64Array {
  const { paths, index, leaves, priorityClass, offset, day, from, matched, capLeft } = input;
  const P = paths.paths;
  const hours = day.length;
  const reachable = new Float64Array(P);
  if (from >= hours) return reachable;
  const firstDay = day[from];
  const days = day[hours - 1] - firstDay + 1;
  // Per remaining day: grid part [gridFrom[d], gridTo[d]), higher-priority take on it, mean supply off it.
  const gridFrom = new Int32Array(days).fill(-1);
  const gridTo = new Int32Array(days);
  const offGrid = new Float64Array(days);
  for (let h = from; h < hours; h++) {
    const d = day[h] - firstDay;
    const g = offset + h;
    if (g >= 0 && g < index.hours) {
      if (gridFrom[d] < 0) gridFrom[d] = g;
      gridTo[d] = g + 1;
    } else offGrid[d] += Number.isNaN(matched[h]) ? 0 : matched[h];
  }
  const starts: number[] = [];
  const dayOfInterval: number[] = [];
  const higher: number[] = [];
  const stride = index.hours + 1;
  for (let d = 0; d < days; d++) {
    if (gridFrom[d] < 0) continue;
    starts.push(gridFrom[d]);
    dayOfInterval.push(d);
    let take = 0;
    if (priorityClass > 0) {
      for (let i = 0; i < leaves.length; i++) {
        const row = ((priorityClass - 1) * index.leafCount + leaves[i]) * stride;
        take += index.takenCum[row + gridTo[d]] - index.takenCum[row + gridFrom[d]];
      }
    }
    higher.push(take);
  }
  const perDay = new Float64Array(days * P);
  if (starts.length > 0 && leaves.length > 0) {
    const k = starts.length;
    const sums = new Float64Array((k + 1) * P);
    pathQuantiles(paths, leaves, starts[0], gridTo[dayOfInterval[k - 1]], starts, [0.5], sums);
    for (let i = 0; i < k; i++) {
      const d = dayOfInterval[i];
      for (let p = 0; p < P; p++) {
        const m = sums[i * P + p];
        perDay[d * P + p] = m - Math.min(higher[i], m);
      }
    }
  }
  for (let d = 0; d < days; d++) {
    const cap = capLeft[firstDay + d];
    for (let p = 0; p < P; p++) reachable[p] += Math.min(cap, perDay[d * P + p] + offGrid[d]);
  }
  return reachable;
}
