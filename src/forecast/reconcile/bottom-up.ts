import type { Hierarchy } from "./hierarchy.js";

/**
 * Bottom-up reconciliation: the leaves keep their own base forecasts and every aggregate is their sum
 * (Hyndman et al. 2011, G = [0 | I]). Returns the leaf rows; `aggregateLeaves` makes the aggregates.
 *
 * @param base base forecasts of every series, keys.length × steps, row-major (order of `hierarchy.keys`)
 * @returns leaf forecasts, leafCount × steps
 * @example
 * const all = aggregateLeaves(h, bottomUp(h, base, 24), 24);
 */
export function bottomUp(hierarchy: Hierarchy, base: Float64Array, steps: number): Float64Array {
  const m = hierarchy.leafKeys.length;
  const out = new Float64Array(m * steps);
  for (let l = 0; l < m; l++) {
    const from = hierarchy.leafSeries[l] * steps;
    out.set(base.subarray(from, from + steps), l * steps);
  }
  return out;
}
