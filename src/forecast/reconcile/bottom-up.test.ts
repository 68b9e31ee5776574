import { describe, expect, test } from "vitest";
import { aggregateLeaves } from "./aggregate-leaves.js";
import { bottomUp } from "./bottom-up.js";
import { gridHierarchy, randomBase } from "./test-hierarchies.js";

describe("bottomUp(hierarchy, base, steps)", () => {
  test("keeps the leaves' base forecasts as they are (identity on the bottom level)", () => {
    const h = gridHierarchy(["SE", "NO"], ["mobile", "tv"]);
    const base = randomBase(h, 4, 1);
    const leaves = bottomUp(h, base, 4);
    for (let l = 0; l < 4; l++)
      for (let t = 0; t < 4; t++) expect(leaves[l * 4 + t]).toBe(base[h.leafSeries[l] * 4 + t]);
  });

  test("bottomUp(forecasts) summed sums leaves into every parent", () => {
    const h = gridHierarchy(["SE", "NO", "DK"], ["mobile", "tv"]);
    const base = randomBase(h, 3, 2);
    const all = aggregateLeaves(h, bottomUp(h, base, 3), 3);
    const at = (key: string, t: number) => all[(h.indexOf.get(key) as number) * 3 + t];
    for (let t = 0; t < 3; t++) {
      expect(at("geo=NO", t)).toBe(at("geo=NO|device=mobile", t) + at("geo=NO|device=tv", t));
      expect(at("device=tv", t)).toBeCloseTo(
        at("geo=SE|device=tv", t) + at("geo=NO|device=tv", t) + at("geo=DK|device=tv", t),
        12,
      );
      expect(at("total", t)).toBeCloseTo(at("geo=SE", t) + at("geo=NO", t) + at("geo=DK", t), 12);
    }
  });
});
