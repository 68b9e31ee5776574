/**
 * A booked campaign as the allocation sees it: eligible leaves, flight as hour indices of the supply grid,
 * the goal still to deliver, and its priority class (0 = highest).
 */
export interface AllocationCampaign {
  id: string;
  /** Indices of the leaves its targeting matches (no duplicates). */
  leaves: ArrayLike<number>;
  /** First flight hour (grid index; below 0 when the flight began before the grid: `goal` is what is left). */
  start: number;
  /** Hour after the last flight hour (may pass the grid's end: an even goal is then prorated). */
  end: number;
  /** Impressions still to deliver from max(start, 0) on. */
  goal: number;
  /** Priority class, 0 = served first (guaranteed, standard, house → 0, 1, 2). */
  priority: number;
  pacing: "even" | "asap";
}

/** What allocate() needs: supply per leaf and hour, the campaigns and how contention is bucketed. */
export interface AllocationInput {
  /** Forecast supply, leaf-major: `supply[leaf * hours + hour]`; finite and >= 0. */
  supply: Float64Array;
  leafCount: number;
  hours: number;
  campaigns: readonly AllocationCampaign[];
  /** Priority classes; default 3. */
  classCount?: number;
  /**
   * Boundaries (hour indices, ascending, from 0 to `hours`) of the buckets each campaign's allocation is
   * kept per leaf in, for contention: the reporting days. Default: 24-hour buckets from hour 0.
   */
  buckets?: Int32Array;
}

/** One campaign's part of an allocation. */
export interface CampaignAllocation {
  id: string;
  priority: number;
  /** The goal the grid had to carry (the input goal, prorated when the flight runs past the grid). */
  goal: number;
  /** Impressions allocated over the grid. */
  allocated: number;
  /** goal - allocated when supply ran out (overbooked), else 0. */
  shortfall: number;
  /** Eligible leaves, ascending. */
  leaves: Int32Array;
  /** Impressions allocated per eligible leaf and bucket: `byBucket[position * bucketCount + bucket]`. */
  byBucket: Float64Array;
}

/** The allocation of supply to campaigns: per-class totals per leaf and hour, and each campaign's part. */
export interface Allocation {
  leafCount: number;
  hours: number;
  classCount: number;
  /** Impressions taken by the campaigns of each class: `allocated[(c * leafCount + leaf) * hours + hour]`. */
  allocated: Float64Array;
  /** Bucket boundaries, `bucketCount + 1` hour indices from 0 to hours. */
  buckets: Int32Array;
  /** In allocation order (priority, then fewer eligible leaves, then shorter flight, then id). */
  campaigns: CampaignAllocation[];
}

const NEWTON_STEPS = 64;
const TOLERANCE = 1e-12;
/** A level above every ratio r_i / s_i, finite so that a node without supply gets 0 x TAKE_ALL = 0, not NaN. */
const TAKE_ALL = Number.MAX_VALUE;

/**
 * Allocates forecast supply to booked campaigns, in the manner of the high-water-mark (HWM) algorithm of
 * Chen, Ma, Mandalapu, Nagarajan, Shanmugasundaram, Vassilvitskii, Vee, Yu and Zien, "Ad serving using a
 * compact allocation plan" (EC 2012, section 4): campaigns are visited in allocation order (here by priority,
 * then by targeting specificity: fewer eligible leaves first), and each takes from every eligible supply node
 * i (a leaf in an hour of its flight) the same fraction alpha of that node's supply s_i, capped by what earlier
 * campaigns left, r_i: x_i = min(r_i, alpha * s_i), with alpha the smallest value where sum_i x_i reaches the
 * goal (water-filling). An even campaign thereby spreads its goal over its flight in proportion to its
 * eligible supply, as far as supply is left; an asap campaign takes what is left hour by hour from its start
 * until its goal is met. A goal supply cannot carry is allocated as far as it goes and reported as shortfall.
 *
 * @example
 * // one leaf, two hours of 100; a guaranteed campaign wants 50, a standard one 200
 * const a = allocate({ supply: new Float64Array([100, 100]), leafCount: 1, hours: 2, campaigns: [
 *   { id: "g", leaves: [0], start: 0, end: 2, goal: 50, priority: 0, pacing: "even" },
 *   { id: "s", leaves: [0], start: 0, end: 2, goal: 200, priority: 1, pacing: "even" } ] });
 * a.campaigns.map((c) => c.shortfall); // [0, 50]
 */
export function allocate(input: AllocationInput): Allocation {
  const { supply, leafCount, hours } = input;
  const classCount = input.classCount ?? 3;
  checkGrid(input, classCount);
  const buckets = input.buckets ?? dailyBuckets(hours);
  checkBuckets(buckets, hours);
  const bucketCount = buckets.length - 1;
  const bucketOf = new Int32Array(hours);
  for (let b = 0; b < bucketCount; b++) bucketOf.fill(b, buckets[b], buckets[b + 1]);

  const prepared = input.campaigns.map((c, i) => prepare(c, i, leafCount, classCount));
  prepared.sort(
    (a, b) =>
      a.priority - b.priority ||
      a.leaves.length - b.leaves.length ||
      a.end - a.start - (b.end - b.start) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  const size = leafCount * hours;
  const remaining = Float64Array.from(supply);
  const allocated = new Float64Array(classCount * size);
  const campaigns: CampaignAllocation[] = [];
  for (const c of prepared) {
    const s = Math.max(c.start, 0);
    const e = Math.min(c.end, hours);
    const inGrid = e > s;
    // Supply past the grid is unknown: an even goal is carried by the grid in proportion to its share of the
    // flight's hours (as if traffic were flat), an asap goal wholly (it would be met first anyway).
    const goal = !inGrid
      ? 0
      : c.pacing === "even" && c.end > hours
        ? (c.goal * (e - s)) / (c.end - s)
        : c.goal;
    const byBucket = new Float64Array(c.leaves.length * bucketCount);
    const offset = c.priority * size;
    let total = 0;
    if (goal > 0 && c.pacing === "even") {
      const alpha = waterLevel(supply, remaining, c.leaves, hours, s, e, goal);
      for (let p = 0; p < c.leaves.length; p++) {
        const base = c.leaves[p] * hours;
        const row = p * bucketCount;
        for (let h = s; h < e; h++) {
          const i = base + h;
          const r = remaining[i];
          const want = alpha * supply[i];
          const x = Math.min(want, r);
          if (x > 0) {
            remaining[i] = r - x;
            allocated[offset + i] += x;
            byBucket[row + bucketOf[h]] += x;
            total += x;
          }
        }
      }
    } else if (goal > 0) {
      let need = goal;
      for (let h = s; h < e && need > 0; h++) {
        let left = 0;
        for (let p = 0; p < c.leaves.length; p++) left += remaining[c.leaves[p] * hours + h];
        if (!(left > 0)) continue;
        const share = need >= left ? 1 : need / left;
        for (let p = 0; p < c.leaves.length; p++) {
          const i = c.leaves[p] * hours + h;
          const x = remaining[i] * share;
          if (x > 0) {
            remaining[i] -= x;
            allocated[offset + i] += x;
            byBucket[p * bucketCount + bucketOf[h]] += x;
            total += x;
          }
        }
        need = need >= left ? need - left : 0;
      }
    }
    const short = goal - total;
    campaigns.push({
      id: c.id,
      priority: c.priority,
      goal,
      allocated: total,
      shortfall: short > goal * 1e-9 ? short : 0,
      leaves: c.leaves,
      byBucket,
    });
  }
  return { leafCount, hours, classCount, allocated, buckets, campaigns };
}

/**
 * The HWM level alpha of one campaign: the smallest alpha with sum_i min(r_i, alpha s_i) >= goal over its
 * nodes (TAKE_ALL when what is left cannot carry the goal: it then takes everything left). The sum is
 * concave and piecewise linear in alpha, so Newton's method from alpha = 0 approaches the root from below and
 * lands on it once it reaches the root's linear piece; the pieces are few (earlier campaigns leave nodes at
 * a handful of ratios r_i / s_i), and bisection finishes the rare case that needs more steps.
 */
function waterLevel(
  supply: Float64Array,
  remaining: Float64Array,
  leaves: Int32Array,
  hours: number,
  s: number,
  e: number,
  goal: number,
): number {
  let alpha = 0;
  for (let step = 0; step < NEWTON_STEPS; step++) {
    let sum = 0;
    let slope = 0;
    for (let p = 0; p < leaves.length; p++) {
      const base = leaves[p] * hours;
      for (let h = s; h < e; h++) {
        const want = alpha * supply[base + h];
        const r = remaining[base + h];
        if (want < r) {
          sum += want;
          slope += supply[base + h];
        } else sum += r;
      }
    }
    const gap = goal - sum;
    if (gap <= goal * TOLERANCE) return alpha;
    if (!(slope > 0)) return TAKE_ALL;
    alpha += gap / slope;
  }
  // Bisection between alpha (short of the goal) and the largest ratio r_i / s_i (everything left taken).
  let hi = 0;
  for (let p = 0; p < leaves.length; p++) {
    const base = leaves[p] * hours;
    for (let h = s; h < e; h++) {
      const sup = supply[base + h];
      if (sup > 0 && remaining[base + h] / sup > hi) hi = remaining[base + h] / sup;
    }
  }
  if (levelSum(supply, remaining, leaves, hours, s, e, hi) < goal * (1 - TOLERANCE)) return TAKE_ALL;
  let lo = Math.min(alpha, hi);
  for (let step = 0; step < 200 && hi - lo > hi * 1e-15; step++) {
    const mid = (lo + hi) / 2;
    if (levelSum(supply, remaining, leaves, hours, s, e, mid) < goal) lo = mid;
    else hi = mid;
  }
  return hi;
}

function levelSum(
  supply: Float64Array,
  remaining: Float64Array,
  leaves: Int32Array,
  hours: number,
  s: number,
  e: number,
  alpha: number,
): number {
  let sum = 0;
  for (let p = 0; p < leaves.length; p++) {
    const base = leaves[p] * hours;
    for (let h = s; h < e; h++) {
      const want = alpha * supply[base + h];
      const r = remaining[base + h];
      sum += Math.min(want, r);
    }
  }
  return sum;
}

interface Prepared extends Omit<AllocationCampaign, "leaves"> {
  leaves: Int32Array;
}

function prepare(c: AllocationCampaign, index: number, leafCount: number, classCount: number): Prepared {
  const at = `campaigns[${index}] (${c.id})`;
  if (!Number.isInteger(c.start) || !Number.isInteger(c.end)) {
    throw new Error(`${at}.start/end: expected whole hour indices, got ${c.start} and ${c.end}`);
  }
  if (c.end <= c.start) throw new Error(`${at}: empty flight (end ${c.end} <= start ${c.start})`);
  if (!(Number.isFinite(c.goal) && c.goal >= 0)) {
    throw new Error(`${at}.goal: expected a finite number >= 0, got ${c.goal}`);
  }
  if (!(Number.isInteger(c.priority) && c.priority >= 0 && c.priority < classCount)) {
    throw new Error(`${at}.priority: expected a class 0..${classCount - 1}, got ${c.priority}`);
  }
  if (c.pacing !== "even" && c.pacing !== "asap") {
    throw new Error(`${at}.pacing: expected even or asap, got ${String(c.pacing)}`);
  }
  const leaves = Int32Array.from(c.leaves).sort();
  for (let p = 0; p < leaves.length; p++) {
    if (!(Number.isInteger(c.leaves[p]) && leaves[p] >= 0 && leaves[p] < leafCount)) {
      throw new Error(`${at}.leaves: unknown leaf ${c.leaves[p]} (leaves are 0..${leafCount - 1})`);
    }
    if (p > 0 && leaves[p] === leaves[p - 1]) throw new Error(`${at}.leaves: leaf ${leaves[p]} given twice`);
  }
  return { ...c, leaves };
}

function checkGrid(input: AllocationInput, classCount: number): void {
  const { supply, leafCount, hours } = input;
  if (!(Number.isInteger(leafCount) && leafCount > 0))
    throw new Error(`leafCount: expected >= 1, got ${leafCount}`);
  if (!(Number.isInteger(hours) && hours > 0)) throw new Error(`hours: expected >= 1, got ${hours}`);
  if (!(Number.isInteger(classCount) && classCount > 0))
    throw new Error(`classCount: expected >= 1, got ${classCount}`);
  if (supply.length !== leafCount * hours) {
    throw new Error(`supply: expected leafCount x hours = ${leafCount * hours} values, got ${supply.length}`);
  }
  for (let i = 0; i < supply.length; i++) {
    if (!(supply[i] >= 0 && supply[i] < Number.POSITIVE_INFINITY)) {
      throw new Error(
        `supply: leaf ${Math.floor(i / hours)}, hour ${i % hours} is ${supply[i]} (expected finite and >= 0)`,
      );
    }
  }
}

function checkBuckets(buckets: Int32Array, hours: number): void {
  if (buckets.length < 2 || buckets[0] !== 0 || buckets[buckets.length - 1] !== hours) {
    throw new Error(`buckets: expected boundaries from 0 to ${hours}`);
  }
  for (let b = 1; b < buckets.length; b++) {
    if (buckets[b] <= buckets[b - 1])
      throw new Error(`buckets: boundary ${b} (${buckets[b]}) is not ascending`);
  }
}

/** 24-hour buckets from hour 0, the last one cut at the grid's end. */
function dailyBuckets(hours: number): Int32Array {
  const count = Math.ceil(hours / 24);
  const buckets = new Int32Array(count + 1);
  for (let b = 0; b < count; b++) buckets[b] = b * 24;
  buckets[count] = hours;
  return buckets;
}
