import { describe, expect, it } from "vitest";
import { configHash } from "./config-hash.js";
import { parseConfig } from "./load-config.js";

describe("configHash", () => {
  it("configHash(value) ignores key order at every depth", () => {
    expect(configHash({ b: 1, a: { y: [1, { q: 2, p: 3 }], x: "s" } })).toBe(
      configHash({ a: { x: "s", y: [1, { p: 3, q: 2 }] }, b: 1 }),
    );
  });

  it("configHash(config) changes with any setting, and is 16 hex digits", () => {
    const base = parseConfig({}, "test");
    const other = parseConfig({ runs: { maxLevelShift: 0.4 } }, "test");
    expect(configHash(base)).toMatch(/^[0-9a-f]{16}$/);
    expect(configHash(base)).not.toBe(configHash(other));
    expect(configHash(base)).toBe(configHash(parseConfig({}, "again")));
  });

  it("configHash(value) tells an array's order apart", () => {
    expect(configHash([1, 2])).not.toBe(configHash([2, 1]));
  });
});
