import { describe, expect, test } from "vitest";
import { aggregateLeaves } from "./aggregate-leaves.js";
import { coherenceError } from "./coherence-error.js";
import { gridHierarchy, randomBase } from "./test-hierarchies.js";

describe("coherenceError(hierarchy, values, steps)", () => {
  const h = gridHierarchy(["SE", "NO"], ["mobile", "tv"]);

  test("is 0 for series summed from their leaves, also all zero", () => {
    const leaves = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    expect(coherenceError(h, aggregateLeaves(h, leaves, 2), 2)).toBe(0);
    expect(coherenceError(h, new Float64Array(h.keys.length * 2), 2)).toBe(0);
  });

  test("measures the worst aggregate's gap relative to its size", () => {
    const all = aggregateLeaves(h, Float64Array.of(1, 2, 3, 4), 1);
    all[h.indexOf.get("geo=NO") as number] += 0.07; // 7.07 against 3 + 4
    expect(coherenceError(h, all, 1)).toBeCloseTo(0.07 / 7.07, 12);
  });

  test("is NaN when a value is NaN, so a gate comparing it fails", () => {
    const all = randomBase(h, 2, 1);
    all[3] = Number.NaN;
    expect(coherenceError(h, all, 2)).toBeNaN();
  });

  test("rejects values of the wrong length", () => {
    expect(() => coherenceError(h, new Float64Array(5), 2)).toThrow(
      "values: length 5 is not series (9) × steps (2)",
    );
  });
});
