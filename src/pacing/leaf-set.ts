import type { Targeting } from "../store/campaign.js";

/** The leaves of the hierarchy (keys of its finest level) with their dimension values, for targeting. */
export interface LeafSet {
  keys: string[];
  /** Dimensions of the leaf keys, in key order (`["geo", "device"]`). */
  dimensions: string[];
  /** Leaf indices per dimension and value: `byValue.get("geo").get("SE")`. */
  byValue: Map<string, Map<string, number[]>>;
}

/**
 * Parses the keys of the finest level (`geo=SE|device=mobile`, as the cube writes them; `total` for a level
 * without dimensions). Every key must name the same dimensions in the same order.
 *
 * @example
 * parseLeafSet(["geo=NO|device=ctv", "geo=SE|device=ctv"]).byValue.get("geo")?.get("SE"); // [1]
 */
export function parseLeafSet(keys: readonly string[]): LeafSet {
  if (keys.length === 0) throw new Error("leaf keys: none given");
  const first = keys[0] === "total" ? [] : keys[0].split("|").map((part) => part.slice(0, part.indexOf("=")));
  const byValue = new Map<string, Map<string, number[]>>(first.map((d) => [d, new Map()]));
  keys.forEach((key, leaf) => {
    const parts = key === "total" ? [] : key.split("|");
    if (parts.length !== first.length)
      throw new Error(`leaf keys: "${key}" does not have the dimensions of "${keys[0]}"`);
    parts.forEach((part, i) => {
      const eq = part.indexOf("=");
      if (eq < 0 || part.slice(0, eq) !== first[i]) {
        throw new Error(`leaf keys: "${key}" does not have the dimensions of "${keys[0]}"`);
      }
      const values = byValue.get(first[i]) as Map<string, number[]>;
      const value = part.slice(eq + 1);
      const list = values.get(value);
      if (list === undefined) values.set(value, [leaf]);
      else list.push(leaf);
    });
  });
  return { keys: [...keys], dimensions: first, byValue };
}

/**
 * Indices of the leaves a targeting matches (ascending): every targeted dimension must have one of its
 * values; a dimension left out matches all. A dimension that is not in the leaf keys is an error naming it;
 * a value no leaf has matches nothing (see unknownTargetingValues).
 *
 * @example
 * targetedLeaves(leafSet, { geo: ["SE", "NO"], device: ["mobile"] }); // Int32Array [...]
 */
export function targetedLeaves(leafSet: LeafSet, targeting: Targeting): Int32Array {
  const count = new Int32Array(leafSet.keys.length);
  const dims = Object.keys(targeting);
  for (const dimension of dims) {
    const values = leafSet.byValue.get(dimension);
    if (values === undefined) {
      throw new Error(
        `targeting: dimension "${dimension}" is not in the forecast's leaves (${leafSet.dimensions.join(", ") || "total only"})`,
      );
    }
    for (const value of new Set(targeting[dimension]))
      for (const leaf of values.get(value) ?? []) count[leaf]++;
  }
  const out: number[] = [];
  for (let leaf = 0; leaf < count.length; leaf++) if (count[leaf] === dims.length) out.push(leaf);
  return Int32Array.from(out);
}

/**
 * The targeted values no leaf has (`geo=XX`): a query names them as an error, a campaign simply matches
 * nothing there.
 *
 * @example
 * unknownTargetingValues(leafSet, { geo: ["SE", "XX"] }); // ["geo=XX"]
 */
export function unknownTargetingValues(leafSet: LeafSet, targeting: Targeting): string[] {
  const out: string[] = [];
  for (const [dimension, values] of Object.entries(targeting)) {
    const known = leafSet.byValue.get(dimension);
    for (const value of values)
      if (known !== undefined && !known.has(value)) out.push(`${dimension}=${value}`);
  }
  return out;
}

/**
 * The breakdown of a targeting by each targeted dimension value, in the manner of Ad Manager's "breakdown by
 * targeting": for `geo=SE,NO device=mobile`, the leaves of SE|mobile, of NO|mobile and of (SE or NO)|mobile,
 * labelled `geo=SE`, `geo=NO`, `device=mobile`.
 *
 * @example
 * breakdownLeaves(leafSet, { geo: ["SE", "NO"] }).map((b) => b.label); // ["geo=SE", "geo=NO"]
 */
export function breakdownLeaves(
  leafSet: LeafSet,
  targeting: Targeting,
): { dimension: string; value: string; label: string; leaves: Int32Array }[] {
  const out: { dimension: string; value: string; label: string; leaves: Int32Array }[] = [];
  for (const [dimension, values] of Object.entries(targeting)) {
    for (const value of values) {
      out.push({
        dimension,
        value,
        label: `${dimension}=${value}`,
        leaves: targetedLeaves(leafSet, { ...targeting, [dimension]: [value] }),
      });
    }
  }
  return out;
}
