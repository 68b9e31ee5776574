import type { HierarchyHistory } from "../series/read-hierarchy.js";

/** The dimension values of a level key: `geo=SE|device=mobile` → {geo: "SE", device: "mobile"}; `total` → {}. */
export function parseKey(key: string): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  if (key === "total") return values;
  for (const part of key.split("|")) {
    const at = part.indexOf("=");
    if (at <= 0) throw new Error(`key: "${key}" is not dimension=value pairs joined by |`);
    values.set(part.slice(0, at), part.slice(at + 1));
  }
  return values;
}

/** Where a cold key borrows its forecast from. */
export interface ColdStartParent {
  readonly level: number;
  readonly key: number;
  /** The cold key's sum over its active hours divided by the parent's sum over the same hours. */
  readonly share: number;
}

/**
 * The node a key with too little history borrows its shape from: among the keys of coarser levels (whose
 * dimensions are a strict subset of the key's level's) that contain the key and have history of their own
 * (`hasHistory`), the one with the most dimensions (the closest), ties going to the level configured
 * first. The share is measured over the hours since the key's first non-zero value. Null when no such
 * node exists or the parent had nothing in those hours.
 *
 * @param first the key's first hour with a non-zero value
 *
 * @example coldStartParent(history, parsedKeys, 3, 7, firstActive[3][7], (l, k) => !cold(l, k)); // { level: 1, key: 4, share: 0.12 }
 */
export function coldStartParent(
  history: HierarchyHistory,
  parsed: readonly (readonly ReadonlyMap<string, string>[])[],
  level: number,
  key: number,
  first: number,
  hasHistory: (level: number, key: number) => boolean,
): ColdStartParent | null {
  const own = history.levels[level];
  const ownDimensions = new Set(own.dimensions);
  const values = parsed[level][key];
  const hours = history.hours;
  let best: { level: number; key: number; size: number } | null = null;
  history.levels.forEach((candidate, l) => {
    if (l === level) return;
    const dims = candidate.dimensions;
    if (dims.length >= ownDimensions.size || !dims.every((d) => ownDimensions.has(d))) return;
    if (best !== null && dims.length <= best.size) return;
    const k = parsed[l].findIndex((other) => dims.every((d) => other.get(d) === values.get(d)));
    if (k >= 0 && hasHistory(l, k)) best = { level: l, key: k, size: dims.length };
  });
  if (best === null) return null;
  const chosen: { level: number; key: number } = best;
  let ownSum = 0;
  let parentSum = 0;
  const parentValues = history.levels[chosen.level].values;
  for (let t = first; t < hours; t++) {
    ownSum += own.values[key * hours + t];
    parentSum += parentValues[chosen.key * hours + t];
  }
  if (!(parentSum > 0)) return null;
  return { level: chosen.level, key: chosen.key, share: ownSum / parentSum };
}
