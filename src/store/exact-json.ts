const TAG = "$number";

/**
 * JSON that keeps NaN and the infinities (plain JSON writes them as null): each becomes `{"$number":"NaN"}`.
 * Run summaries and gate reports go through it, so a NaN a gate found is still a NaN when shown.
 *
 * @example
 * toExactJson({ total: NaN }); // '{"total":{"$number":"NaN"}}'
 */
export function toExactJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? { [TAG]: String(v) } : v,
  );
}

/**
 * Reads JSON written by `toExactJson`, turning the tagged numbers back.
 *
 * @example
 * fromExactJson('{"total":{"$number":"-Infinity"}}'); // { total: -Infinity }
 */
export function fromExactJson<T = unknown>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as Record<string, unknown>)[TAG];
      if (keys.length === 1 && typeof tagged === "string") return Number(tagged);
    }
    return v;
  }) as T;
}
