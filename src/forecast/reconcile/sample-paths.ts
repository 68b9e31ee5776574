import { Random } from "../random.js";

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
}

/**
 * Sample paths of every leaf in compact form. Path p at leaf l and horizon hour t is
 *
 *   mean[l, t] + growth[t] · errors[l, index[p, t]],
 *
 * one shared index per path and hour for all leaves. Memory: leafCount × horizon doubles (means) +
 * leafCount × poolLength floats (errors) + paths × horizon 16-bit indices (32-bit past 65,536 pool rows).
 */
export interface SamplePaths {
  leafCount: number;
  horizon: number;
  paths: number;
  poolLength: number;
  mean: Float64Array;
  errors: Float32Array;
  /** paths × horizon, row-major: the pool row each path draws at each hour. */
  index: Uint16Array | Uint32Array;
  growth: Float64Array;
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
  for (let p = 0; p < P; p++) {
    let t = 0;
    let length = 1 + Math.floor(random.next() * block);
    while (t < H) {
      if (length > H - t) length = H - t;
      const first = (t + phase) % season;
      const candidates = Math.floor((R - length - first) / season) + 1;
      const start = first + season * Math.floor(random.next() * candidates);
      const row = p * H + t;
      for (let k = 0; k < length; k++) index[row + k] = start + k;
      t += length;
      length = block;
    }
  }
  const stored = Float32Array.from(errors);
  const bytes = mean.byteLength + stored.byteLength + index.byteLength + growth.byteLength;
  return { leafCount: m, horizon: H, paths: P, poolLength: R, mean, errors: stored, index, growth, bytes };
}

function positiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: ${value} is not a positive integer`);
}
