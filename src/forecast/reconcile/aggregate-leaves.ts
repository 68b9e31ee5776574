import type { Hierarchy } from "./hierarchy.js";

/**
 * Every series of the hierarchy from its leaves, y = S b: row i of the result is the sum of the leaf rows
 * series i covers. Coherent by construction (each aggregate is added from the very leaf values it reports).
 *
 * @param leaves leaf values, leafCount × steps, row-major (leaf order of `hierarchy.leafKeys`)
 * @returns series values, keys.length × steps, row-major (series order of `hierarchy.keys`)
 * @example
 * const all = aggregateLeaves(h, reconciledLeaves, 840);
 * all[h.indexOf.get("total")! * 840 + t]; // the total at step t
 */
export function aggregateLeaves(hierarchy: Hierarchy, leaves: Float64Array, steps: number): Float64Array {
  const m = hierarchy.leafKeys.length;
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`steps: ${steps} is not a positive integer`);
  if (leaves.length !== m * steps) {
    throw new Error(`leaves: length ${leaves.length} is not leaves (${m}) × steps (${steps})`);
  }
  const { rowStart, leaves: members } = hierarchy;
  const n = hierarchy.keys.length;
  const out = new Float64Array(n * steps);
  for (let i = 0; i < n; i++) {
    const row = i * steps;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const from = members[e] * steps;
      for (let t = 0; t < steps; t++) out[row + t] += leaves[from + t];
    }
  }
  return out;
}
