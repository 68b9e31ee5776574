import { Random } from "../random.js";
import type { Hierarchy } from "./hierarchy.js";

/** Inputs of `buildSamplePaths`. */
export interface SamplePathOptions {
  /** Reconciled leaf means, leafCount × horizon, row-major (hour t of the horizon at column t). Kept, not copied. */
  mean: Float64Array;
  leafCount: number;
  horizon: number;
  /**
   * The pool of historical error rows, leafCount × poolLength, row-major: column r is every leaf's error at
   * the same historical hour r (consecutive hours), so a column keeps the leaves' cross-correlation. Use
   * errors reconciled with the same projection as the means (`applyProjection`), or the leaves' own errors
   * for bottom-up. Stored as 32-bit floats.
   */
  errors: Float64Array | Float32Array;
  poolLength: number;
  /** Number of paths (default 500). */
  paths?: number;
  /** Seed of the block draws (default 1); equal seeds give equal paths. */
  seed?: number;
  /** Hours a drawn block of consecutive historical rows covers (default 168, one week). */
  block?: number;
  /** A block for horizon hour t starts at a pool row of the same phase modulo `season` (default 24). */
  season?: number;
  /** Phase of horizon hour 0 in the pool: pool row r matches horizon hour t when r ≡ t + phase (mod season).
   * Default poolLength mod season: the pool ends right before the horizon starts. */
  phase?: number;
  /** Multiplier of the errors at each horizon hour (default 1): one-step errors understate later hours, so
   * pass σ_h / σ_1 (for example from the base model's interval widths at the total). */
  growth?: Float64Array;
  /** When given, the means and errors of each of its aggregates (total, each geo, each device...) are summed
   * once here, so that a query covering whole aggregates reads one row per aggregate instead of one per leaf. */
  hierarchy?: Hierarchy;
}

/** Leaf sets with their means and errors summed in advance: the aggregates of a hierarchy, largest first. */
export interface PathGroups {
  /** CSR: group g holds leaves[start[g], start[g + 1]). */
  start: Int32Array;
  leaves: Int32Array;
  /** groups × horizon, Float64 (sums of the leaves' means, to the last bit as when summed at query time). */
  mean: Float64Array;
  /** groups × poolLength, summed in Float64 then stored as Float32. */
  errors: Float32Array;
}

/**
 * Sample paths of every leaf in compact form. Path p at leaf l and horizon hour t is
 *
 *   mean[l, t] + growth[t] · errors[l, index[p, t]],
 *
 * with index[p, t] stored at index[t * paths + p], one shared pool row per path and hour for all leaves.
 * Memory: leafCount × horizon doubles (means) + leafCount × poolLength floats (errors) + paths × horizon
 * 16-bit indices (32-bit past 65,536 pool rows).
 */
export interface SamplePaths {
  leafCount: number;
  horizon: number;
  paths: number;
  poolLength: number;
  mean: Float64Array;
  errors: Float32Array;
  /** horizon × paths, row-major (hour-major, so that a query reads it in order): the pool row path p draws
   * at hour t is index[t * paths + p]. */
  index: Uint16Array | Uint32Array;
  growth: Float64Array;
  /** Block length; path p's blocks start at hour 0, firstBlock[p], then every `block` hours, and within a
   * block its pool rows are consecutive (so a query may sum a block's errors from prefix sums). */
  block: number;
  firstBlock: Uint32Array;
  /** Every pool row r drawn at hour t has r ≡ t + phase (mod season). */
  season: number;
  phase: number;
  /** Aggregates summed in advance (with `hierarchy`). */
  groups?: PathGroups;
  /** Bytes held by the arrays above. */
  bytes: number;
}

/**
 * Coherent sample paths for every leaf by a seasonal block bootstrap of historical error rows (blocks start
 * at the same phase of the season, as in the generalized seasonal block bootstrap of Dudek, Leśkow,
 * Paparoditis & Politis 2014; the same historical rows for every series, as in the joint bootstrap of
 * reconciled forecasts of Jeon, Panagiotelis & Petropoulos 2019 and Panagiotelis et al. 2023): each path is cut into blocks of `block` hours (the first of
 * random length, so that block edges fall at different hours on different paths) and each block takes a run
 * of consecutive pool rows starting at the same phase of the day (`season`), drawn uniformly. Every leaf reads
 * the same pool row at the same hour, so the paths keep the leaves' cross-correlation, their correlation in
 * time within a block, and the errors' size by hour of day; sums of leaves' paths are paths of the sums.
 *
 * @example
 * const paths = buildSamplePaths({ mean: r.leaves, leafCount: m, horizon: 840, errors, poolLength: 2016 });
 * pathQuantiles(paths, [0, 1, 2], 0, 840, "day", [0.1, 0.5, 0.9]);
 */
export function buildSamplePaths(options: SamplePathOptions): SamplePaths {
  const { mean, leafCount: m, horizon: H, errors, poolLength: R } = options;
  const P = options.paths ?? 500;
  const block = options.block ?? 168;
  const season = options.season ?? 24;
  positiveInteger(m, "leafCount");
  positiveInteger(H, "horizon");
  positiveInteger(R, "poolLength");
  positiveInteger(P, "paths");
  positiveInteger(block, "block");
  positiveInteger(season, "season");
  const phase = options.phase ?? R % season;
  if (!Number.isInteger(phase) || phase < 0) throw new Error(`phase: ${phase} is not a non-negative integer`);
  if (mean.length !== m * H)
    throw new Error(`mean: length ${mean.length} is not leafCount (${m}) × horizon (${H})`);
  if (errors.length !== m * R) {
    throw new Error(`errors: length ${errors.length} is not leafCount (${m}) × poolLength (${R})`);
  }
  for (let i = 0; i < mean.length; i++) {
    if (!Number.isFinite(mean[i]))
      throw new Error(`mean: leaf ${Math.floor(i / H)} hour ${i % H} is ${mean[i]}`);
  }
  for (let i = 0; i < errors.length; i++) {
    if (!Number.isFinite(errors[i]))
      throw new Error(`errors: leaf ${Math.floor(i / R)} row ${i % R} is ${errors[i]}`);
  }
  const growth = options.growth ?? new Float64Array(H).fill(1);
  if (growth.length !== H) throw new Error(`growth: length ${growth.length} is not horizon (${H})`);
  for (let t = 0; t < H; t++) {
    if (!(growth[t] >= 0 && growth[t] < Number.POSITIVE_INFINITY)) {
      throw new Error(`growth: hour ${t} is ${growth[t]}, not a finite non-negative number`);
    }
  }
  // The longest block must fit in the pool at every phase.
  const longest = Math.min(block, H);
  if (R < longest + season - 1) {
    throw new Error(
      `poolLength: ${R} rows cannot hold a ${longest}-hour block at every phase of a ${season}-hour season (need ${longest + season - 1})`,
    );
  }
  const index = R <= 65536 ? new Uint16Array(P * H) : new Uint32Array(P * H);
  const random = new Random(options.seed ?? 1);
  const firstBlock = new Uint32Array(P);
  for (let p = 0; p < P; p++) {
    let t = 0;
    let length = 1 + Math.floor(random.next() * block);
    firstBlock[p] = length;
    while (t < H) {
      if (length > H - t) length = H - t;
      const first = (t + phase) % season;
      const candidates = Math.floor((R - length - first) / season) + 1;
      const start = first + season * Math.floor(random.next() * candidates);
      for (let k = 0; k < length; k++) index[(t + k) * P + p] = start + k;
      t += length;
      length = block;
    }
  }
  const stored = Float32Array.from(errors);
  let bytes =
    mean.byteLength + stored.byteLength + index.byteLength + growth.byteLength + firstBlock.byteLength;
  let groups: PathGroups | undefined;
  if (options.hierarchy) {
    groups = sumGroups(options.hierarchy, mean, errors, m, H, R);
    bytes +=
      groups.start.byteLength + groups.leaves.byteLength + groups.mean.byteLength + groups.errors.byteLength;
  }
  return {
    leafCount: m,
    horizon: H,
    paths: P,
    poolLength: R,
    mean,
    errors: stored,
    index,
    growth,
    block,
    firstBlock,
    season,
    phase,
    groups,
    bytes,
  };
}

/** The arrays of a `SamplePaths` as a run stores them (the aggregates' sums are recomputed on restoring). */
export type SamplePathArrays = Omit<SamplePaths, "groups" | "bytes">;

/**
 * Sample paths read back from their stored arrays, with the aggregates of `hierarchy` summed again for queries
 * (a few milliseconds; cheaper to recompute than to store).
 *
 * @example
 * const paths = restoreSamplePaths({ ...storedArrays, leafCount, horizon, paths: 500, poolLength, block, season, phase }, h);
 */
export function restoreSamplePaths(arrays: SamplePathArrays, hierarchy?: Hierarchy): SamplePaths {
  const {
    leafCount: m,
    horizon: H,
    poolLength: R,
    paths: P,
    mean,
    errors,
    index,
    growth,
    firstBlock,
  } = arrays;
  if (mean.length !== m * H)
    throw new Error(`mean: length ${mean.length} is not leafCount (${m}) × horizon (${H})`);
  if (errors.length !== m * R)
    throw new Error(`errors: length ${errors.length} is not leafCount (${m}) × poolLength (${R})`);
  if (index.length !== P * H)
    throw new Error(`index: length ${index.length} is not paths (${P}) × horizon (${H})`);
  if (growth.length !== H) throw new Error(`growth: length ${growth.length} is not horizon (${H})`);
  if (firstBlock.length !== P) throw new Error(`firstBlock: length ${firstBlock.length} is not paths (${P})`);
  const groups = hierarchy ? sumGroups(hierarchy, mean, errors, m, H, R) : undefined;
  let bytes =
    mean.byteLength + errors.byteLength + index.byteLength + growth.byteLength + firstBlock.byteLength;
  if (groups) {
    bytes +=
      groups.start.byteLength + groups.leaves.byteLength + groups.mean.byteLength + groups.errors.byteLength;
  }
  return { ...arrays, groups, bytes };
}

/** The aggregates of `hierarchy` (series of more than one leaf), largest first, with their sums. */
function sumGroups(
  hierarchy: Hierarchy,
  mean: Float64Array,
  errors: Float64Array | Float32Array,
  m: number,
  H: number,
  R: number,
): PathGroups {
  if (hierarchy.leafKeys.length !== m) {
    throw new Error(`hierarchy: ${hierarchy.leafKeys.length} leaves, not leafCount (${m})`);
  }
  const { rowStart, leaves } = hierarchy;
  const order: number[] = [];
  for (let i = 0; i < hierarchy.keys.length; i++) if (rowStart[i + 1] - rowStart[i] > 1) order.push(i);
  order.sort((a, b) => rowStart[b + 1] - rowStart[b] - (rowStart[a + 1] - rowStart[a]) || a - b);
  const start = new Int32Array(order.length + 1);
  order.forEach((i, g) => {
    start[g + 1] = start[g] + rowStart[i + 1] - rowStart[i];
  });
  const members = new Int32Array(start[order.length]);
  const groupMean = new Float64Array(order.length * H);
  const groupErrors = new Float32Array(order.length * R);
  const sum = new Float64Array(R);
  order.forEach((i, g) => {
    members.set(leaves.subarray(rowStart[i], rowStart[i + 1]), start[g]);
    sum.fill(0);
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const l = leaves[e];
      for (let t = 0; t < H; t++) groupMean[g * H + t] += mean[l * H + t];
      for (let r = 0; r < R; r++) sum[r] += errors[l * R + r];
    }
    groupErrors.set(sum, g * R);
  });
  return { start, leaves: members, mean: groupMean, errors: groupErrors };
}

function positiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: ${value} is not a positive integer`);
}
