import type { Hierarchy } from "./hierarchy.js";

/**
 * The default top-down path: from the bottom level up, each time the level with the most dimensions that is a
 * strict subset of the current one (first in level order on ties), e.g. total → geo → geo_device.
 */
function defaultPath(hierarchy: Hierarchy): number[] {
  const path = [hierarchy.bottomLevel];
  for (;;) {
    const current = new Set(hierarchy.levels[path[0]].dimensions);
    let best = -1;
    hierarchy.levels.forEach((level, k) => {
      if (level.dimensions.length >= current.size || !level.dimensions.every((d) => current.has(d))) return;
      if (best < 0 || level.dimensions.length > hierarchy.levels[best].dimensions.length) best = k;
    });
    if (best < 0) return path;
    path.unshift(best);
  }
}

function resolvePath(hierarchy: Hierarchy, names: readonly string[]): number[] {
  const path = names.map((name) => {
    const k = hierarchy.levels.findIndex((l) => l.name === name);
    if (k < 0)
      throw new Error(
        `path: unknown level "${name}" (levels: ${hierarchy.levels.map((l) => l.name).join(", ")})`,
      );
    return k;
  });
  if (path.length === 0 || path[path.length - 1] !== hierarchy.bottomLevel) {
    throw new Error(`path: must end at the bottom level "${hierarchy.levels[hierarchy.bottomLevel].name}"`);
  }
  for (let i = 1; i < path.length; i++) {
    const outer = hierarchy.levels[path[i - 1]].dimensions;
    const inner = new Set(hierarchy.levels[path[i]].dimensions);
    if (inner.size <= outer.length || !outer.every((d) => inner.has(d))) {
      throw new Error(
        `path: level "${names[i]}" does not split level "${names[i - 1]}" (its dimensions must include them)`,
      );
    }
  }
  return path;
}

/**
 * Top-down reconciliation by forecast proportions (Athanasopoulos, Ahmed & Hyndman 2009, "forecast proportions"): at each
 * step the top level's forecasts are split down a path of nested levels, each node getting its parent's value
 * times its own base forecast's share among its siblings', p_j = Π_ℓ ŷ_j^(ℓ) / Ŝ_j^(ℓ+1). The proportions are
 * per step, so the disaggregation follows each series' own seasonal shape. A grouped hierarchy has several
 * paths (geo or device under the total); one is used, the default the one through the first levels given.
 * Negative base forecasts count as zero and siblings whose forecasts sum to zero share equally, so the result
 * is non-negative.
 *
 * @param base base forecasts of every series, keys.length × steps, row-major
 * @param path level names from the top to the bottom level, each level's dimensions including the previous
 * @returns leaf forecasts, leafCount × steps
 * @example
 * const leaves = topDown(h, base, 24, ["total", "geo", "geo_device"]);
 */
export function topDown(
  hierarchy: Hierarchy,
  base: Float64Array,
  steps: number,
  path?: readonly string[],
): Float64Array {
  const chain = path ? resolvePath(hierarchy, path) : defaultPath(hierarchy);
  const m = hierarchy.leafKeys.length;
  const n = hierarchy.keys.length;
  const { rowStart, leaves, nodeOf, levels } = hierarchy;
  // parent[i]: the series one step up the path from series i (on the path's levels below the top).
  const parent = new Int32Array(n).fill(-1);
  for (let c = 1; c < chain.length; c++) {
    const { start, count } = levels[chain[c]];
    for (let i = start; i < start + count; i++) parent[i] = nodeOf[chain[c - 1] * m + leaves[rowStart[i]]];
  }
  const value = new Float64Array(n);
  const childSum = new Float64Array(n);
  const childCount = new Float64Array(n);
  const out = new Float64Array(m * steps);
  for (let t = 0; t < steps; t++) {
    const top = levels[chain[0]];
    for (let i = top.start; i < top.start + top.count; i++) value[i] = Math.max(0, base[i * steps + t]);
    for (let c = 1; c < chain.length; c++) {
      const { start, count } = levels[chain[c]];
      for (let i = start; i < start + count; i++) {
        childSum[parent[i]] = 0;
        childCount[parent[i]] = 0;
      }
      for (let i = start; i < start + count; i++) {
        childSum[parent[i]] += Math.max(0, base[i * steps + t]);
        childCount[parent[i]] += 1;
      }
      for (let i = start; i < start + count; i++) {
        const p = parent[i];
        const share = childSum[p] > 0 ? Math.max(0, base[i * steps + t]) / childSum[p] : 1 / childCount[p];
        value[i] = value[p] * share;
      }
    }
    for (let l = 0; l < m; l++) out[l * steps + t] = value[hierarchy.leafSeries[l]];
  }
  return out;
}
