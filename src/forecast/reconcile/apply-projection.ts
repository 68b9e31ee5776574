import type { Hierarchy } from "./hierarchy.js";
import type { Projection } from "./mint-projection.js";

/**
 * Reconciled leaves from base forecasts of every series with a projection from `mintProjection`, at every
 * step at once: the incoherences D = U'Ŷ (aggregates × steps), then B̃ = B̂ − gain · D. About
 * leaves × aggregates × steps multiply-adds. Linear, so it reconciles error rows (sample paths) too.
 *
 * @param base keys.length × steps, row-major
 * @returns leafCount × steps, row-major
 * @example
 * const leaves = applyProjection(h, projection, base, 840);
 */
export function applyProjection(
  hierarchy: Hierarchy,
  projection: Projection,
  base: Float64Array,
  steps: number,
): Float64Array {
  const m = hierarchy.leafKeys.length;
  const n = hierarchy.keys.length;
  if (base.length !== n * steps)
    throw new Error(`base: length ${base.length} is not series (${n}) × steps (${steps})`);
  const { aggregates, gain } = projection;
  const na = aggregates.length;
  if (gain.length !== m * na) throw new Error(`projection: gain is not leaves (${m}) × aggregates (${na})`);
  const { rowStart, leaves, leafSeries } = hierarchy;
  const d = new Float64Array(na * steps);
  for (let j = 0; j < na; j++) {
    const a = aggregates[j];
    const row = j * steps;
    d.set(base.subarray(a * steps, a * steps + steps), row);
    for (let e = rowStart[a]; e < rowStart[a + 1]; e++) {
      const from = leafSeries[leaves[e]] * steps;
      for (let t = 0; t < steps; t++) d[row + t] -= base[from + t];
    }
  }
  const out = new Float64Array(m * steps);
  for (let l = 0; l < m; l++) {
    const row = l * steps;
    const from = leafSeries[l] * steps;
    out.set(base.subarray(from, from + steps), row);
    for (let j = 0; j < na; j++) {
      const k = gain[l * na + j];
      if (k === 0) continue;
      const dj = j * steps;
      for (let t = 0; t < steps; t++) out[row + t] -= k * d[dj + t];
    }
  }
  return out;
}
