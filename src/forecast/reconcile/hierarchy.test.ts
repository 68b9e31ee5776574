import { describe, expect, test } from "vitest";
import { buildHierarchy } from "./hierarchy.js";
import { gridHierarchy, LEVELS } from "./test-hierarchies.js";

describe("buildHierarchy(leafKeys, levels)", () => {
  test("makes one series per key of every level, level by level, leaves last in leaf order", () => {
    const h = gridHierarchy(["SE", "NO"], ["mobile", "desktop", "tv"]);
    expect(h.keys).toEqual([
      "total",
      "geo=SE",
      "geo=NO",
      "device=mobile",
      "device=desktop",
      "device=tv",
      "geo=SE|device=mobile",
      "geo=SE|device=desktop",
      "geo=SE|device=tv",
      "geo=NO|device=mobile",
      "geo=NO|device=desktop",
      "geo=NO|device=tv",
    ]);
    expect(h.levels.map((l) => [l.name, l.start, l.count])).toEqual([
      ["total", 0, 1],
      ["geo", 1, 2],
      ["device", 3, 3],
      ["geo_device", 6, 6],
    ]);
    expect(h.bottomLevel).toBe(3);
    expect([...h.leafSeries]).toEqual([6, 7, 8, 9, 10, 11]);
  });

  test("each row of S lists the leaves an aggregate sums, each leaf in exactly one node per level", () => {
    const h = gridHierarchy(["SE", "NO"], ["mobile", "desktop", "tv"]);
    const row = (key: string) => {
      const i = h.indexOf.get(key) as number;
      return [...h.leaves.subarray(h.rowStart[i], h.rowStart[i + 1])];
    };
    expect(row("total")).toEqual([0, 1, 2, 3, 4, 5]);
    expect(row("geo=NO")).toEqual([3, 4, 5]);
    expect(row("device=desktop")).toEqual([1, 4]);
    expect(row("geo=NO|device=tv")).toEqual([5]);
    const m = h.leafKeys.length;
    for (let k = 0; k < h.levels.length; k++) {
      for (let l = 0; l < m; l++) {
        const node = h.nodeOf[k * m + l];
        expect(h.levelOf[node]).toBe(k);
        expect(row(h.keys[node])).toContain(l);
      }
      // The level's rows partition the leaves.
      const { start, count } = h.levels[k];
      expect(h.rowStart[start + count] - h.rowStart[start]).toBe(m);
    }
  });

  test("leaf keys may list dimensions in any order; series keys follow each level's order", () => {
    const h = buildHierarchy(["device=tv|geo=SE", "device=mobile|geo=SE"], LEVELS);
    expect(h.keys.slice(-2)).toEqual(["geo=SE|device=tv", "geo=SE|device=mobile"]);
    expect(h.indexOf.get("device=tv")).toBe(2);
  });

  test("a level need not nest in another: geo and device both split the total", () => {
    const h = gridHierarchy(["SE", "NO"], ["mobile", "tv"]);
    const geoSE = h.indexOf.get("geo=SE") as number;
    const tv = h.indexOf.get("device=tv") as number;
    const members = (i: number) => new Set(h.leaves.subarray(h.rowStart[i], h.rowStart[i + 1]));
    const overlap = [...members(geoSE)].filter((l) => members(tv).has(l));
    expect(overlap).toEqual([1]);
  });

  test("rejects bad input naming the parameter", () => {
    expect(() => buildHierarchy([], LEVELS)).toThrow("leafKeys: no leaves");
    expect(() => buildHierarchy(["geo=SE|device=tv"], [])).toThrow("levels: no levels");
    expect(() => buildHierarchy(["geo=SE|device=tv", "geo=NO"], LEVELS)).toThrow(
      'leafKeys[1]: "geo=NO" has dimensions (geo)',
    );
    expect(() => buildHierarchy(["geo=SE|device=tv", "device=tv|geo=SE"], LEVELS)).toThrow(
      'leafKeys[1]: "device=tv|geo=SE" appears twice',
    );
    expect(() =>
      buildHierarchy(["geo=SE|device=tv"], [...LEVELS, { name: "campaign", dimensions: ["campaign"] }]),
    ).toThrow(
      'levels[4].dimensions: "campaign" (level "campaign") is not a dimension of the leaf keys (device, geo)',
    );
    expect(() => buildHierarchy(["geo=SE|device=tv"], LEVELS.slice(0, 3))).toThrow(
      "levels: none has the leaves' dimensions (device, geo)",
    );
    expect(() =>
      buildHierarchy(["geo=SE|device=tv"], [LEVELS[0], { name: "total", dimensions: ["geo"] }]),
    ).toThrow('levels[1].name: "total" appears twice');
  });
});
