import { describe, expect, test } from "vitest";
import { aggregateLeaves } from "./aggregate-leaves.js";
import { gridHierarchy } from "./test-hierarchies.js";

describe("aggregateLeaves(hierarchy, leaves, steps)", () => {
  const h = gridHierarchy(["SE", "NO"], ["mobile", "tv"]);

  test("computes S b for every step: each series is the sum of its leaves", () => {
    // leaves SE|mobile, SE|tv, NO|mobile, NO|tv over 2 steps
    const all = aggregateLeaves(h, Float64Array.of(1, 10, 2, 20, 3, 30, 4, 40), 2);
    const at = (key: string) => [
      ...all.subarray((h.indexOf.get(key) as number) * 2, (h.indexOf.get(key) as number) * 2 + 2),
    ];
    expect(at("total")).toEqual([10, 100]);
    expect(at("geo=SE")).toEqual([3, 30]);
    expect(at("device=tv")).toEqual([6, 60]);
    expect(at("geo=NO|device=mobile")).toEqual([3, 30]);
  });

  test("rejects leaves of the wrong length and bad steps", () => {
    expect(() => aggregateLeaves(h, new Float64Array(7), 2)).toThrow(
      "leaves: length 7 is not leaves (4) × steps (2)",
    );
    expect(() => aggregateLeaves(h, new Float64Array(4), 0)).toThrow("steps: 0 is not a positive integer");
  });
});
