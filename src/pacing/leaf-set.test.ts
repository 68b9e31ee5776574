import { describe, expect, it } from "vitest";
import { breakdownLeaves, parseLeafSet, targetedLeaves, unknownTargetingValues } from "./leaf-set.js";

const keys = [
  "geo=NO|device=ctv",
  "geo=NO|device=mobile",
  "geo=SE|device=ctv",
  "geo=SE|device=mobile",
  "geo=DK|device=mobile",
];

describe("parseLeafSet(keys)", () => {
  it("indexes the leaves by dimension and value", () => {
    const set = parseLeafSet(keys);
    expect(set.dimensions).toEqual(["geo", "device"]);
    expect(set.byValue.get("device")?.get("mobile")).toEqual([1, 3, 4]);
  });

  it("takes the total level as one leaf without dimensions", () => {
    const set = parseLeafSet(["total"]);
    expect(Array.from(targetedLeaves(set, {}))).toEqual([0]);
    expect(() => targetedLeaves(set, { geo: ["SE"] })).toThrow(
      'dimension "geo" is not in the forecast\'s leaves (total only)',
    );
  });

  it("refuses keys of different dimensions", () => {
    expect(() => parseLeafSet(["geo=SE|device=ctv", "geo=SE"])).toThrow(
      '"geo=SE" does not have the dimensions',
    );
    expect(() => parseLeafSet(["geo=SE|device=ctv", "device=ctv|geo=SE"])).toThrow(
      "does not have the dimensions",
    );
  });
});

describe("targetedLeaves(leafSet, targeting)", () => {
  const set = parseLeafSet(keys);
  it("matches every targeted dimension, all values of the others", () => {
    expect(Array.from(targetedLeaves(set, { geo: ["SE", "NO"], device: ["mobile"] }))).toEqual([1, 3]);
    expect(Array.from(targetedLeaves(set, { device: ["ctv"] }))).toEqual([0, 2]);
    expect(Array.from(targetedLeaves(set, {}))).toEqual([0, 1, 2, 3, 4]);
  });

  it("matches nothing for an unknown value, which unknownTargetingValues names", () => {
    expect(Array.from(targetedLeaves(set, { geo: ["XX"] }))).toEqual([]);
    expect(unknownTargetingValues(set, { geo: ["SE", "XX"], device: ["tablet"] })).toEqual([
      "geo=XX",
      "device=tablet",
    ]);
  });

  it("names a dimension the leaves do not have", () => {
    expect(() => targetedLeaves(set, { content: ["news"] })).toThrow(
      'targeting: dimension "content" is not in the forecast\'s leaves (geo, device)',
    );
  });
});

describe("breakdownLeaves(leafSet, targeting)", () => {
  it("gives one subset per targeted dimension value, within the rest of the targeting", () => {
    const set = parseLeafSet(keys);
    const parts = breakdownLeaves(set, { geo: ["SE", "NO"], device: ["mobile"] });
    expect(parts.map((p) => [p.label, Array.from(p.leaves)])).toEqual([
      ["geo=SE", [3]],
      ["geo=NO", [1]],
      ["device=mobile", [1, 3]],
    ]);
  });
});
