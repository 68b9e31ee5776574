import { createHash } from "node:crypto";

/**
 * A short fingerprint of a config (or any JSON value): SHA-256 of its JSON with object keys sorted, first 16
 * hex digits. Key order and whitespace in the file do not change it; any setting does. A forecast run keeps it
 * so two runs can be told to come from the same settings.
 *
 * @example
 * configHash({ b: 1, a: [1, 2] }) === configHash({ a: [1, 2], b: 1 }); // true
 */
export function configHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex").slice(0, 16);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
