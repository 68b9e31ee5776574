import type { Hierarchy } from "./hierarchy.js";

/**
 * The largest relative incoherence of series values: max over series i and step t of
 * |y_i,t − Σ_{leaves l of i} y_l,t| / max(|y_i,t|, Σ |y_l,t|), 0 where both are 0. NaN anywhere gives NaN,
 * so a gate comparing it with a tolerance fails.
 *
 * @param values series values, keys.length × steps, row-major
 * @example
 * coherenceError(h, aggregateLeaves(h, leaves, 24), 24) < 1e-9; // true
 */
export function coherenceError(hierarchy: Hierarchy, values: Float64Array, steps: number): number {
  const n = hierarchy.keys.length;
  if (values.length !== n * steps) {
    throw new Error(`values: length ${values.length} is not series (${n}) × steps (${steps})`);
  }
  const { rowStart, leaves, leafSeries } = hierarchy;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < steps; t++) {
      let sum = 0;
      let size = 0;
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
        const v = values[leafSeries[leaves[e]] * steps + t];
        sum += v;
        size += Math.abs(v);
      }
      const y = values[i * steps + t];
      const scale = Math.max(Math.abs(y), size);
      const error = Math.abs(y - sum) / scale;
      // 0/0 (everything zero) is coherent; NaN from NaN values must surface.
      if (scale === 0 && y === sum) continue;
      if (Number.isNaN(error)) return Number.NaN;
      if (error > worst) worst = error;
    }
  }
  return worst;
}
