import { describe, expect, test } from "vitest";
import { targetingLeaves } from "./targeting-leaves.js";
import { gridHierarchy } from "./test-hierarchies.js";

describe("targetingLeaves(hierarchy, targeting)", () => {
  // leaves: 0 SE|mobile, 1 SE|tv, 2 NO|mobile, 3 NO|tv, 4 DK|mobile, 5 DK|tv
  const h = gridHierarchy(["SE", "NO", "DK"], ["mobile", "tv"]);

  test("values within a dimension are alternatives, dimensions combine", () => {
    expect([...targetingLeaves(h, { geo: ["SE", "NO"], device: ["mobile"] })]).toEqual([0, 2]);
    expect([...targetingLeaves(h, { geo: ["DK"] })]).toEqual([4, 5]);
    expect([...targetingLeaves(h, { device: ["tv"] })]).toEqual([1, 3, 5]);
  });

  test("no targeting matches every leaf; an unknown value matches none", () => {
    expect([...targetingLeaves(h, {})]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...targetingLeaves(h, { geo: ["FI"] })]).toEqual([]);
  });

  test("rejects a dimension the hierarchy lacks, or one listing no values, naming it", () => {
    expect(() => targetingLeaves(h, { content: ["news"] })).toThrow(
      'targeting: "content" is not a dimension of the hierarchy (geo, device)',
    );
    expect(() => targetingLeaves(h, { geo: [] })).toThrow('targeting: "geo" lists no values');
  });
});
