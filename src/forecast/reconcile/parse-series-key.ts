/**
 * Parses a series key `dim=value|dim=value` into its pairs; `total` has none.
 *
 * @example
 * parseSeriesKey("geo=SE|device=mobile"); // [["geo", "SE"], ["device", "mobile"]]
 */
export function parseSeriesKey(key: string, name = "key"): [string, string][] {
  if (key === "total") return [];
  const pairs: [string, string][] = [];
  for (const part of key.split("|")) {
    const eq = part.indexOf("=");
    if (eq <= 0) throw new Error(`${name}: "${key}" is not of the form dim=value|dim=value`);
    const dimension = part.slice(0, eq);
    if (pairs.some((p) => p[0] === dimension)) throw new Error(`${name}: "${key}" names ${dimension} twice`);
    pairs.push([dimension, part.slice(eq + 1)]);
  }
  return pairs;
}
