import type { Allocation } from "./allocate.js";

/** A campaign's allocation per eligible leaf, cumulated over buckets for constant-time period sums. */
export interface IndexedCampaign {
  id: string;
  priority: number;
  leaves: Int32Array;
  /** `bucketCum[position * (bucketCount + 1) + b]`: impressions on that leaf in buckets before b. */
  bucketCum: Float64Array;
}

/**
 * Running sums over hours of supply and of what each priority class and those above it take, per leaf: any
 * interval of any targeting then costs two reads per leaf, whatever the interval's length.
 */
export interface AvailsIndex {
  leafCount: number;
  hours: number;
  classCount: number;
  /** `supplyCum[leaf * (hours + 1) + h]`: supply of the leaf in hours before h. */
  supplyCum: Float64Array;
  /** `takenCum[(c * leafCount + leaf) * (hours + 1) + h]`: taken by classes 0..c in hours before h. */
  takenCum: Float64Array;
  buckets: Int32Array;
  /** The same running sums at bucket (reporting day) resolution: a query cut at day boundaries reads these. */
  bucketSupplyCum: Float64Array;
  bucketTakenCum: Float64Array;
  campaigns: IndexedCampaign[];
  /** Scratch: marks the leaves of the query at hand (queries run one at a time). */
  mask: Uint8Array;
}

/**
 * Builds the query index of an allocation over the supply it was made from (mean supply per leaf and hour).
 * Built once per run; every avails query reads it.
 *
 * @example
 * const index = indexAvails(supply, allocate({ supply, leafCount, hours, campaigns }));
 * queryAvails(index, { leaves: [0, 1], bounds: [0, 24, 48] });
 */
export function indexAvails(supply: Float64Array, allocation: Allocation): AvailsIndex {
  const { leafCount, hours, classCount, allocated, buckets } = allocation;
  if (supply.length !== leafCount * hours) {
    throw new Error(
      `supply: expected ${leafCount * hours} values (the allocation's grid), got ${supply.length}`,
    );
  }
  const stride = hours + 1;
  const supplyCum = new Float64Array(leafCount * stride);
  const takenCum = new Float64Array(classCount * leafCount * stride);
  for (let leaf = 0; leaf < leafCount; leaf++) {
    let run = 0;
    const from = leaf * hours;
    const to = leaf * stride;
    for (let h = 0; h < hours; h++) {
      run += supply[from + h];
      supplyCum[to + h + 1] = run;
    }
  }
  for (let c = 0; c < classCount; c++) {
    for (let leaf = 0; leaf < leafCount; leaf++) {
      const from = (c * leafCount + leaf) * hours;
      const to = (c * leafCount + leaf) * stride;
      // Classes above c were summed into row c - 1: start each hour from there.
      const above = c === 0 ? -1 : ((c - 1) * leafCount + leaf) * stride;
      let run = 0;
      for (let h = 0; h < hours; h++) {
        run += allocated[from + h];
        takenCum[to + h + 1] = above < 0 ? run : run + takenCum[above + h + 1];
      }
    }
  }
  const bucketCount = buckets.length - 1;
  // A day-resolution copy: a daily query then reads a few adjacent values per leaf instead of ones a day of
  // hours apart, which is what its time goes to (cache misses, not arithmetic).
  const bucketSupplyCum = new Float64Array(leafCount * (bucketCount + 1));
  const bucketTakenCum = new Float64Array(classCount * leafCount * (bucketCount + 1));
  for (let row = 0; row < leafCount; row++) {
    for (let b = 0; b <= bucketCount; b++)
      bucketSupplyCum[row * (bucketCount + 1) + b] = supplyCum[row * stride + buckets[b]];
  }
  for (let row = 0; row < classCount * leafCount; row++) {
    for (let b = 0; b <= bucketCount; b++)
      bucketTakenCum[row * (bucketCount + 1) + b] = takenCum[row * stride + buckets[b]];
  }
  const campaigns = allocation.campaigns.map((c) => {
    const bucketCum = new Float64Array(c.leaves.length * (bucketCount + 1));
    for (let p = 0; p < c.leaves.length; p++) {
      let run = 0;
      for (let b = 0; b < bucketCount; b++) {
        run += c.byBucket[p * bucketCount + b];
        bucketCum[p * (bucketCount + 1) + b + 1] = run;
      }
    }
    return { id: c.id, priority: c.priority, leaves: c.leaves, bucketCum };
  });
  return {
    leafCount,
    hours,
    classCount,
    supplyCum,
    takenCum,
    buckets,
    bucketSupplyCum,
    bucketTakenCum,
    campaigns,
    mask: new Uint8Array(leafCount),
  };
}
