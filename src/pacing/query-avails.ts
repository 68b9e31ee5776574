import type { AvailsIndex } from "./avails-index.js";

/** An avails question: which leaves (the targeting), which hours cut into which intervals, at what priority. */
export interface AvailsQuery {
  /** Leaf indices the targeting matches (no duplicates). */
  leaves: ArrayLike<number>;
  /** Interval boundaries as grid hour indices, ascending: intervals [bounds[k], bounds[k + 1]). */
  bounds: ArrayLike<number>;
  /** Priority class of the prospective booking (0 = highest, the default): sets what `possible` keeps. */
  priority?: number;
  /** Leaf subsets to total over the whole period, e.g. one per targeted dimension value. */
  breakdown?: readonly { label: string; leaves: ArrayLike<number> }[];
}

/** The four avails figures (mean supply), plus what higher-priority campaigns take (for sample paths). */
export interface AvailsFigures {
  /** Forecast supply of the targeting's leaves. */
  matched: number;
  /** What booked campaigns take of it, all priorities. */
  booked: number;
  /** matched - booked: bookable without taking from any booked campaign. */
  available: number;
  /** matched - higher: bookable without taking from a higher-priority campaign. */
  possible: number;
  /** What campaigns of a higher priority than the query's take of it. */
  higher: number;
}

/** A booked campaign taking impressions from the targeting's leaves in the period. */
export interface Contender {
  id: string;
  priority: number;
  impressions: number;
}

/** The answer: figures per interval and for the period, contending campaigns, the breakdown. */
export interface AvailsAnswer {
  intervals: (AvailsFigures & { start: number; end: number })[];
  total: AvailsFigures;
  /** Most impressions first. */
  contending: Contender[];
  breakdown: (AvailsFigures & { label: string })[];
}

/**
 * Answers an avails query from the index: per interval, matched = supply of the query's leaves, booked =
 * what every booked campaign takes there, available = matched - booked, possible = matched - what campaigns
 * of higher priority than the query's take (Google Ad Manager's meanings: available can be booked without
 * hurting any booked line item, possible without hurting a higher-priority one); contending campaigns with
 * the impressions each takes from those leaves in the period; the breakdown's subsets totalled over the
 * period. Two reads per leaf and boundary, whatever the intervals' lengths.
 *
 * @example
 * const answer = queryAvails(index, { leaves: [3, 4], bounds: [0, 24, 48], priority: 0 });
 * answer.total.available; // matched minus everything booked on leaves 3 and 4 over two days
 */
export function queryAvails(index: AvailsIndex, query: AvailsQuery): AvailsAnswer {
  const { leafCount, hours, classCount, supplyCum, takenCum, mask } = index;
  const priority = query.priority ?? 0;
  if (!(Number.isInteger(priority) && priority >= 0 && priority < classCount)) {
    throw new Error(`priority: expected a class 0..${classCount - 1}, got ${priority}`);
  }
  const bounds = query.bounds;
  const k = bounds.length - 1;
  if (k < 1) throw new Error("bounds: expected at least a start and an end hour");
  for (let b = 0; b <= k; b++) {
    const h = bounds[b];
    if (!(Number.isInteger(h) && h >= 0 && h <= hours)) {
      throw new Error(`bounds: hour ${h} is outside the forecast (0..${hours})`);
    }
    if (b > 0 && !(h > bounds[b - 1])) throw new Error(`bounds: hour ${h} does not follow ${bounds[b - 1]}`);
  }
  const first = bounds[0];
  const last = bounds[k];
  const firstBucket = bucketAt(index.buckets, first, "start");
  const lastBucket = bucketAt(index.buckets, last, "end");

  // Bounds on bucket (reporting day) boundaries read the day-resolution sums; others the hourly ones.
  const positions = bucketPositions(index.buckets, bounds);
  const daily = positions !== null;
  const at = positions ?? bounds;
  const stride = daily ? index.buckets.length : hours + 1;
  const sCum = daily ? index.bucketSupplyCum : supplyCum;
  const tCum = daily ? index.bucketTakenCum : takenCum;
  const allRow = (classCount - 1) * leafCount;
  const higherRow = priority === 0 ? -1 : (priority - 1) * leafCount;
  const matched = new Float64Array(k);
  const booked = new Float64Array(k);
  const higher = new Float64Array(k);
  const leaves = query.leaves;
  try {
    for (let p = 0; p < leaves.length; p++) {
      const leaf = leaves[p];
      if (!(Number.isInteger(leaf) && leaf >= 0 && leaf < leafCount)) {
        throw new Error(`leaves: unknown leaf ${leaf} (leaves are 0..${leafCount - 1})`);
      }
      if (mask[leaf] === 1) throw new Error(`leaves: leaf ${leaf} given twice`);
      mask[leaf] = 1;
      const sBase = leaf * stride;
      const aBase = (allRow + leaf) * stride;
      let sPrev = sCum[sBase + at[0]];
      let aPrev = tCum[aBase + at[0]];
      for (let b = 0; b < k; b++) {
        const h = at[b + 1];
        const sNext = sCum[sBase + h];
        const aNext = tCum[aBase + h];
        matched[b] += sNext - sPrev;
        booked[b] += aNext - aPrev;
        sPrev = sNext;
        aPrev = aNext;
      }
      if (higherRow >= 0) {
        const hBase = (higherRow + leaf) * stride;
        let hPrev = tCum[hBase + at[0]];
        for (let b = 0; b < k; b++) {
          const hNext = tCum[hBase + at[b + 1]];
          higher[b] += hNext - hPrev;
          hPrev = hNext;
        }
      }
    }
    const contending = contenders(index, firstBucket, lastBucket);
    const intervals = new Array<AvailsFigures & { start: number; end: number }>(k);
    let tm = 0;
    let tb = 0;
    let th = 0;
    for (let b = 0; b < k; b++) {
      intervals[b] = { start: bounds[b], end: bounds[b + 1], ...figures(matched[b], booked[b], higher[b]) };
      tm += matched[b];
      tb += booked[b];
      th += higher[b];
    }
    const breakdown = (query.breakdown ?? []).map((part) => ({
      label: part.label,
      ...periodFigures(index, part.leaves, firstBucket, lastBucket, allRow, higherRow),
    }));
    return { intervals, total: figures(tm, tb, th), contending, breakdown };
  } finally {
    for (let p = 0; p < leaves.length; p++) {
      const leaf = leaves[p];
      if (leaf >= 0 && leaf < leafCount) mask[leaf] = 0;
    }
  }
}

/**
 * The figures from the three sums; booked and higher are clamped into [0, matched] so running-sum rounding
 * never shows a booked above matched or a negative available.
 */
function figures(matched: number, booked: number, higher: number): AvailsFigures {
  const m = Math.max(matched, 0);
  const b = Math.min(Math.max(booked, 0), m);
  const h = Math.min(Math.max(higher, 0), b);
  return { matched: m, booked: b, available: m - b, possible: m - h, higher: h };
}

function periodFigures(
  index: AvailsIndex,
  leaves: ArrayLike<number>,
  first: number,
  last: number,
  allRow: number,
  higherRow: number,
): AvailsFigures {
  // The period starts and ends on buckets (checked before): the day-resolution sums serve.
  const { leafCount, bucketSupplyCum: supplyCum, bucketTakenCum: takenCum } = index;
  const stride = index.buckets.length;
  let m = 0;
  let b = 0;
  let h = 0;
  for (let p = 0; p < leaves.length; p++) {
    const leaf = leaves[p];
    if (!(Number.isInteger(leaf) && leaf >= 0 && leaf < leafCount)) {
      throw new Error(`breakdown: unknown leaf ${leaf} (leaves are 0..${leafCount - 1})`);
    }
    m += supplyCum[leaf * stride + last] - supplyCum[leaf * stride + first];
    const a = (allRow + leaf) * stride;
    b += takenCum[a + last] - takenCum[a + first];
    if (higherRow >= 0) {
      const x = (higherRow + leaf) * stride;
      h += takenCum[x + last] - takenCum[x + first];
    }
  }
  return figures(m, b, h);
}

/** Campaigns taking impressions from the masked leaves in buckets [firstBucket, lastBucket). */
function contenders(index: AvailsIndex, firstBucket: number, lastBucket: number): Contender[] {
  const width = index.buckets.length;
  const out: Contender[] = [];
  for (const c of index.campaigns) {
    let sum = 0;
    for (let p = 0; p < c.leaves.length; p++) {
      if (index.mask[c.leaves[p]] === 1)
        sum += c.bucketCum[p * width + lastBucket] - c.bucketCum[p * width + firstBucket];
    }
    // Below a millionth of an impression is running-sum rounding, not contention.
    if (sum > 1e-6) out.push({ id: c.id, priority: c.priority, impressions: sum });
  }
  return out.sort((a, b) => b.impressions - a.impressions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The bucket index of every bound, or null when one falls inside a bucket. */
function bucketPositions(buckets: Int32Array, bounds: ArrayLike<number>): Int32Array | null {
  const out = new Int32Array(bounds.length);
  let b = 0;
  for (let i = 0; i < bounds.length; i++) {
    while (b < buckets.length && buckets[b] < bounds[i]) b++;
    if (b === buckets.length || buckets[b] !== bounds[i]) return null;
    out[i] = b;
  }
  return out;
}

function bucketAt(buckets: Int32Array, hour: number, which: string): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (buckets[mid] < hour) lo = mid + 1;
    else hi = mid;
  }
  if (buckets[lo] !== hour) {
    throw new Error(
      `bounds: the period's ${which} (hour ${hour}) is not a bucket boundary; contention is kept per bucket (reporting day)`,
    );
  }
  return lo;
}
