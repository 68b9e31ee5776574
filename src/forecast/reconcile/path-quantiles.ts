import { quantilesInPlace } from "./quantiles-in-place.js";
import type { SamplePaths } from "./sample-paths.js";

/** One interval of a path query: hours [start, end) of the horizon. */
export interface PathInterval {
  start: number;
  end: number;
  /** The reconciled mean, Σ over the leaves and hours: additive across intervals and targetings. */
  mean: number;
  /** Quantiles of the summed paths, in the order of `probs`. */
  quantiles: number[];
}

/** The answer of `pathQuantiles`: per interval, and over the whole range. */
export interface PathQuantiles {
  intervals: PathInterval[];
  total: PathInterval;
}

const STEP = { hour: 1, day: 24, week: 168 } as const;

/**
 * Quantiles of a sum of leaves (a targeting) per hour, day or week of the horizon, and over the whole range,
 * from the summed sample paths, never from adding quantiles. Path p of the targeting L at hour t is
 *
 *   max(0, Σ_{l∈L} mean[l, t] + growth[t] · Σ_{l∈L} errors[l, index[p, t]]),
 *
 * and the inner sums are computed once per query (|L| × (hours + pool rows), or one row per whole aggregate
 * when the store has the hierarchy's sums), so the paths cost paths × hours whatever the number of leaves.
 * Each hourly path value is clipped at zero (a targeting cannot have negative traffic); an interval's path is
 * the sum of its hours, so days add up to weeks path by path. Quantiles interpolate between order statistics (Hyndman & Fan 1996, type 7).
 *
 * Days and weeks here are 24 and 168 hours from `start`; for local days across a daylight saving change,
 * pass the interval starts (hour offsets) instead.
 *
 * @param leaves leaf indices of the targeting (no repeats)
 * @param start first hour of the horizon, inclusive; `end` exclusive
 * @param granularity "hour", "day", "week", or the start hour of each interval (the first = start)
 * @param sums when given, receives every path's sum for each interval (`sums[i * paths + p]`) and then for
 *   the whole range (row `intervals`): what quantiles of quantities derived path by path (avails) need
 * @example
 * const q = pathQuantiles(paths, seLeaves, 0, 840, "day", [0.1, 0.5, 0.9]);
 * q.intervals[0].quantiles; // [p10, p50, p90] of day 1
 */
export function pathQuantiles(
  store: SamplePaths,
  leaves: ArrayLike<number>,
  start: number,
  end: number,
  granularity: "hour" | "day" | "week" | ArrayLike<number>,
  probs: readonly number[] = [0.1, 0.5, 0.9],
  sums?: Float64Array,
): PathQuantiles {
  const { leafCount: m, horizon: H, paths: P, poolLength: R, mean, errors, index, growth } = store;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > H || start >= end) {
    throw new Error(`start, end: [${start}, ${end}) is not a non-empty range of hours within [0, ${H})`);
  }
  if (leaves.length === 0) throw new Error("leaves: no leaves");
  const seen = new Uint8Array(m);
  for (let i = 0; i < leaves.length; i++) {
    const l = leaves[i];
    if (!Number.isInteger(l) || l < 0 || l >= m)
      throw new Error(`leaves: ${l} is not a leaf index in [0, ${m})`);
    if (seen[l]) throw new Error(`leaves: ${l} appears twice`);
    seen[l] = 1;
  }
  for (const p of probs) {
    if (!(p >= 0 && p <= 1)) throw new Error(`probs: ${p} is not within [0, 1]`);
  }
  const bounds = intervalBounds(start, end, granularity);
  const k = bounds.length - 1;
  if (sums !== undefined && sums.length < (k + 1) * P) {
    throw new Error(`sums: length ${sums.length} is less than (intervals + 1) × paths = ${(k + 1) * P}`);
  }
  const hours = end - start;

  // Σ over the targeting of the means (per hour) and of the pool's error rows: whole aggregates summed in
  // advance first (largest first), then the leaves left over. `seen` marks 1 = wanted, 2 = summed.
  const meanSum = new Float64Array(hours);
  const errorSum = new Float64Array(R);
  const groups = store.groups;
  if (groups) {
    const count = groups.start.length - 1;
    for (let g = 0; g < count; g++) {
      const from = groups.start[g];
      const to = groups.start[g + 1];
      if (to - from > leaves.length) continue;
      let whole = true;
      for (let e = from; e < to && whole; e++) whole = seen[groups.leaves[e]] === 1;
      if (!whole) continue;
      for (let e = from; e < to; e++) seen[groups.leaves[e]] = 2;
      addRows(meanSum, groups.mean, g * H + start, hours, errorSum, groups.errors, g * R, R);
    }
  }
  for (let i = 0; i < leaves.length; i++) {
    const l = leaves[i];
    if (seen[l] === 1) addRows(meanSum, mean, l * H + start, hours, errorSum, errors, l * R, R);
  }
  // When no hour of any path can go below zero, nothing is clipped and a path's sum over a run of hours
  // inside one block (consecutive pool rows) and one growth value is growth × a difference of prefix sums of
  // the error row: one or two runs per path and day instead of 24 hours. Intervals of a few hours gain
  // nothing from runs, so they go hour by hour.
  // A row drawn at hour t has the phase (t + phase) mod season, so the lowest error of each phase bounds
  // the paths at the hours of that phase (night hours of a small leaf are not held to a peak hour's error).
  const { season, phase } = store;
  const minError = new Float64Array(season);
  for (let r = 0; r < R; r++) if (errorSum[r] < minError[r % season]) minError[r % season] = errorSum[r];
  // Runs end where growth changes too: a growth that changes every few hours (calibrated hour by hour) leaves
  // runs no longer than the hour-by-hour loop, which is then cheaper per hour.
  let growthRuns = 1;
  for (let t = start + 1; t < end; t++) if (growth[t] !== growth[t - 1]) growthRuns++;
  let byHour = hours < 4 * k || hours < 4 * growthRuns;
  for (let t = 0; t < hours && !byHour; t++) {
    byHour = meanSum[t] + growth[start + t] * minError[(start + t + phase) % season] < 0;
  }
  const acc = new Float64Array(P);
  const totals = new Float64Array(P);
  const intervals: PathInterval[] = [];
  let grand = 0;
  if (byHour) {
    // Hour by hour, every path at once: the index row, the running interval sums and the error sums are read
    // in order or from a few kilobytes, so the loop stays in cache whatever the granularity.
    for (let i = 0; i < k; i++) {
      let intervalMean = 0;
      for (let t = bounds[i]; t < bounds[i + 1]; t++) {
        const mu = meanSum[t - start];
        const g = growth[t];
        const row = t * P;
        intervalMean += mu;
        for (let p = 0; p < P; p++) {
          const v = mu + g * errorSum[index[row + p]];
          if (v > 0) acc[p] += v;
        }
      }
      grand += intervalMean;
      sums?.set(acc, i * P);
      finishInterval(intervals, bounds[i], bounds[i + 1], intervalMean, acc, totals, probs);
    }
  } else {
    const prefix = new Float64Array(R + 1);
    for (let r = 0; r < R; r++) prefix[r + 1] = prefix[r] + errorSum[r];
    // runEnd[t - start]: the first hour after t whose growth differs from growth[t] (or end).
    const runEnd = new Int32Array(hours);
    for (let t = end - 1; t >= start; t--) {
      runEnd[t - start] = t + 1 < end && growth[t + 1] === growth[t] ? runEnd[t + 1 - start] : t + 1;
    }
    const { block, firstBlock } = store;
    for (let i = 0; i < k; i++) {
      const a = bounds[i];
      const b = bounds[i + 1];
      let intervalMean = 0;
      for (let t = a; t < b; t++) intervalMean += meanSum[t - start];
      for (let p = 0; p < P; p++) {
        const first = firstBlock[p];
        let sum = intervalMean;
        let s = a;
        while (s < b) {
          let e = s < first ? first : first + (Math.floor((s - first) / block) + 1) * block;
          if (runEnd[s - start] < e) e = runEnd[s - start];
          if (b < e) e = b;
          const r = index[s * P + p];
          sum += growth[s] * (prefix[r + e - s] - prefix[r]);
          s = e;
        }
        acc[p] = sum;
      }
      grand += intervalMean;
      sums?.set(acc, i * P);
      finishInterval(intervals, a, b, intervalMean, acc, totals, probs);
    }
  }
  sums?.set(totals, k * P);
  return { intervals, total: { start, end, mean: grand, quantiles: quantilesInPlace(totals, probs) } };
}

/** Adds the interval's path sums to the totals, records its quantiles (sorting `acc`) and clears `acc`. */
function finishInterval(
  intervals: PathInterval[],
  start: number,
  end: number,
  mean: number,
  acc: Float64Array,
  totals: Float64Array,
  probs: readonly number[],
): void {
  for (let p = 0; p < acc.length; p++) totals[p] += acc[p];
  intervals.push({ start, end, mean, quantiles: quantilesInPlace(acc, probs) });
  acc.fill(0);
}

/** meanSum += means[meanFrom, + hours), errorSum += errors[errorFrom, + R). */
function addRows(
  meanSum: Float64Array,
  means: Float64Array,
  meanFrom: number,
  hours: number,
  errorSum: Float64Array,
  errors: Float32Array,
  errorFrom: number,
  R: number,
): void {
  for (let t = 0; t < hours; t++) meanSum[t] += means[meanFrom + t];
  for (let r = 0; r < R; r++) errorSum[r] += errors[errorFrom + r];
}

/** Interval boundaries [start, ..., end]. */
function intervalBounds(
  start: number,
  end: number,
  granularity: "hour" | "day" | "week" | ArrayLike<number>,
) {
  const bounds: number[] = [];
  if (typeof granularity === "string") {
    const step = STEP[granularity];
    if (step === undefined)
      throw new Error(`granularity: "${granularity}" is not hour, day, week or a list of hours`);
    for (let t = start; t < end; t += step) bounds.push(t);
  } else {
    if (granularity.length === 0 || granularity[0] !== start) {
      throw new Error(`granularity: the first interval must start at start (${start})`);
    }
    for (let i = 0; i < granularity.length; i++) {
      const t = granularity[i];
      if (!Number.isInteger(t) || t >= end || (i > 0 && t <= granularity[i - 1])) {
        throw new Error(`granularity: interval start ${t} is not an increasing hour before end (${end})`);
      }
      bounds.push(t);
    }
  }
  bounds.push(end);
  return bounds;
}
