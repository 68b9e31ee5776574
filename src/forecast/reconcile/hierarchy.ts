import { parseSeriesKey } from "./parse-series-key.js";

/** One level of the hierarchy: a name and the dimensions its keys are made of (none for the total). */
export interface HierarchyLevel {
  name: string;
  dimensions: readonly string[];
}

/**
 * A grouped (cross-classified) hierarchy over leaf series, with its summing matrix S stored sparsely.
 *
 * Series are the nodes of every level, level by level in the order given, and within a level in the order
 * their first leaf appears. Row i of S is the set of leaves series i sums: `leaves[rowStart[i], rowStart[i+1])`,
 * ascending. The bottom level's series are the leaves themselves, in leaf order.
 */
export interface Hierarchy {
  /** Leaf keys as given, e.g. `geo=SE|device=mobile`. */
  leafKeys: string[];
  /** The levels as given, with the series index range of each: [start, start + count). */
  levels: { name: string; dimensions: string[]; start: number; count: number }[];
  /** Index into `levels` of the level whose dimensions are the leaves' dimensions. */
  bottomLevel: number;
  /** Series keys in the store's format: `total`, `geo=SE`, `geo=SE|device=mobile` (level's dimension order). */
  keys: string[];
  /** Series index of each key. */
  indexOf: Map<string, number>;
  /** Level index of each series. */
  levelOf: Int32Array;
  /** CSR rows of S: series i sums leaves `leaves[rowStart[i]] ... leaves[rowStart[i + 1] - 1]`. */
  rowStart: Int32Array;
  leaves: Int32Array;
  /** `nodeOf[k * leafCount + l]`: the series of level k that leaf l belongs to (exactly one per level). */
  nodeOf: Int32Array;
  /** Series index of each leaf's own (bottom-level) series. */
  leafSeries: Int32Array;
}

/**
 * The hierarchy of `levels` over the leaves `leafKeys` (the finest cross of the dimensions, e.g. geo×device).
 * Each level aggregates over the dimensions it leaves out, so levels need not nest (geo and device both sit
 * between the total and geo×device): a grouped structure, not a tree. One level must have exactly the leaves'
 * dimensions; it is the bottom level. A `campaign` level is not part of this hierarchy: leave it out.
 *
 * @example
 * const h = buildHierarchy(["geo=SE|device=mobile", "geo=SE|device=desktop", "geo=NO|device=mobile"], [
 *   { name: "total", dimensions: [] },
 *   { name: "geo", dimensions: ["geo"] },
 *   { name: "device", dimensions: ["device"] },
 *   { name: "geo_device", dimensions: ["geo", "device"] },
 * ]);
 * h.keys; // ["total", "geo=SE", "geo=NO", "device=mobile", "device=desktop", "geo=SE|device=mobile", ...]
 */
export function buildHierarchy(leafKeys: readonly string[], levels: readonly HierarchyLevel[]): Hierarchy {
  const m = leafKeys.length;
  if (m === 0) throw new Error("leafKeys: no leaves");
  if (levels.length === 0) throw new Error("levels: no levels");
  const leafValues: Map<string, string>[] = [];
  let leafDimensions: string[] = [];
  const seenLeaves = new Set<string>();
  for (let l = 0; l < m; l++) {
    const pairs = parseSeriesKey(leafKeys[l], `leafKeys[${l}]`);
    const dims = pairs.map((p) => p[0]).sort();
    if (l === 0) leafDimensions = dims;
    else if (dims.join(",") !== leafDimensions.join(",")) {
      throw new Error(
        `leafKeys[${l}]: "${leafKeys[l]}" has dimensions (${dims.join(", ")}), the first leaf (${leafDimensions.join(", ")})`,
      );
    }
    const canonical = pairs
      .slice()
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map((p) => `${p[0]}=${p[1]}`)
      .join("|");
    if (seenLeaves.has(canonical)) throw new Error(`leafKeys[${l}]: "${leafKeys[l]}" appears twice`);
    seenLeaves.add(canonical);
    leafValues.push(new Map(pairs));
  }
  const leafDimensionSet = new Set(leafDimensions);
  let bottomLevel = -1;
  const levelNames = new Set<string>();
  levels.forEach((level, k) => {
    if (levelNames.has(level.name)) throw new Error(`levels[${k}].name: "${level.name}" appears twice`);
    levelNames.add(level.name);
    const dims = new Set(level.dimensions);
    if (dims.size !== level.dimensions.length)
      throw new Error(`levels[${k}].dimensions: a dimension repeats`);
    for (const d of level.dimensions) {
      if (!leafDimensionSet.has(d)) {
        throw new Error(
          `levels[${k}].dimensions: "${d}" (level "${level.name}") is not a dimension of the leaf keys (${leafDimensions.join(", ") || "none"})`,
        );
      }
    }
    if (dims.size === leafDimensionSet.size) {
      if (bottomLevel >= 0)
        throw new Error(`levels[${k}]: the same dimensions as level "${levels[bottomLevel].name}"`);
      bottomLevel = k;
    }
  });
  if (bottomLevel < 0) {
    throw new Error(
      `levels: none has the leaves' dimensions (${leafDimensions.join(", ")}); add it as the bottom level`,
    );
  }

  const keys: string[] = [];
  const indexOf = new Map<string, number>();
  const levelOf: number[] = [];
  const nodeOf = new Int32Array(levels.length * m);
  const levelInfo: Hierarchy["levels"] = [];
  const members: number[][] = [];
  for (let k = 0; k < levels.length; k++) {
    const dims = levels[k].dimensions;
    const start = keys.length;
    for (let l = 0; l < m; l++) {
      const key = dims.length === 0 ? "total" : dims.map((d) => `${d}=${leafValues[l].get(d)}`).join("|");
      let index = indexOf.get(key);
      if (index === undefined || index < start) {
        // A key of an earlier level can only repeat here if two levels share dimensions, rejected above.
        index = keys.length;
        keys.push(key);
        indexOf.set(key, index);
        levelOf.push(k);
        members.push([]);
      }
      members[index].push(l);
      nodeOf[k * m + l] = index;
    }
    levelInfo.push({ name: levels[k].name, dimensions: [...dims], start, count: keys.length - start });
  }
  const n = keys.length;
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + members[i].length;
  const leaves = new Int32Array(rowStart[n]);
  for (let i = 0; i < n; i++) leaves.set(members[i], rowStart[i]);
  return {
    leafKeys: [...leafKeys],
    levels: levelInfo,
    bottomLevel,
    keys,
    indexOf,
    levelOf: Int32Array.from(levelOf),
    rowStart,
    leaves,
    nodeOf,
    leafSeries: nodeOf.slice(bottomLevel * m, (bottomLevel + 1) * m),
  };
}
