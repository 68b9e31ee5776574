import type { Hierarchy } from "./hierarchy.js";
import { parseSeriesKey } from "./parse-series-key.js";

/**
 * The leaves a targeting matches: for every targeted dimension, the leaf's value is one of the listed values
 * (values within a dimension are alternatives, dimensions combine), ascending. An untargeted dimension matches
 * everything; no dimension at all matches every leaf. Values are compared as given: normalise their case as
 * the store does first. A dimension the leaves lack is an error naming it.
 *
 * @example
 * targetingLeaves(h, { geo: ["SE", "NO"], device: ["mobile"] }); // Int32Array of the SE|mobile and NO|mobile leaves
 */
export function targetingLeaves(
  hierarchy: Hierarchy,
  targeting: Readonly<Record<string, readonly string[]>>,
): Int32Array {
  const bottom = hierarchy.levels[hierarchy.bottomLevel].dimensions;
  const wanted: [number, Set<string>][] = [];
  for (const [dimension, values] of Object.entries(targeting)) {
    const position = bottom.indexOf(dimension);
    if (position < 0) {
      throw new Error(`targeting: "${dimension}" is not a dimension of the hierarchy (${bottom.join(", ")})`);
    }
    if (values.length === 0) throw new Error(`targeting: "${dimension}" lists no values`);
    wanted.push([position, new Set(values)]);
  }
  const out: number[] = [];
  const { leafSeries, keys } = hierarchy;
  for (let l = 0; l < leafSeries.length; l++) {
    // Bottom-level keys list the dimensions in the bottom level's order.
    const pairs = parseSeriesKey(keys[leafSeries[l]]);
    if (wanted.every(([position, values]) => values.has(pairs[position][1]))) out.push(l);
  }
  return Int32Array.from(out);
}
