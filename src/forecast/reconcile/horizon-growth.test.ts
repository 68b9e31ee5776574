import { describe, expect, test } from "vitest";
import { horizonGrowth } from "./horizon-growth.js";

describe("horizonGrowth(lower, upper, season)", () => {
  test("is the interval's width over the first step's width, never below 1", () => {
    // widths 2, 2√2, 2√3, 1.5: σ_t ∝ √t as for a random walk, then a narrower step kept at 1.
    const lower = Float64Array.of(9, 10 - Math.SQRT2, 10 - Math.sqrt(3), 9.25);
    const upper = Float64Array.of(11, 10 + Math.SQRT2, 10 + Math.sqrt(3), 10.75);
    const g = horizonGrowth(lower, upper);
    expect(g[0]).toBe(1);
    expect(g[1]).toBeCloseTo(Math.SQRT2, 12);
    expect(g[2]).toBeCloseTo(Math.sqrt(3), 12);
    expect(g[3]).toBe(1);
  });

  test("with a season, compares each step with the same phase of the first season", () => {
    // A daily shape in the widths (2 at night, 6 at the peak) that grows 50% on the second day.
    const widths = [2, 6, 3, 9];
    const lower = Float64Array.from(widths, (w) => -w / 2);
    const upper = Float64Array.from(widths, (w) => w / 2);
    expect([...horizonGrowth(lower, upper, 2)]).toEqual([1, 1, 1.5, 1.5]);
    expect([...horizonGrowth(lower, upper)]).toEqual([1, 3, 1.5, 4.5]);
  });

  test("rejects mismatched lengths, inverted or infinite intervals, a bad season", () => {
    expect(() => horizonGrowth(new Float64Array(3), new Float64Array(2))).toThrow("upper: length 2 is not");
    expect(() => horizonGrowth(Float64Array.of(0, 5), Float64Array.of(1, 4))).toThrow(
      "upper: step 1 is 4 against lower 5",
    );
    expect(() => horizonGrowth(Float64Array.of(0), Float64Array.of(Number.NaN))).toThrow(
      "upper: step 0 is NaN",
    );
    expect(() => horizonGrowth(Float64Array.of(0), Float64Array.of(1), 0)).toThrow("season: 0");
  });
});
