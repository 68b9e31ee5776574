import { describe, expect, test } from "vitest";
import { relativeScales } from "./relative-scales.js";

describe("relativeScales(y, origins, seasons)", () => {
  test("is the mean of the last max(longest season, 8) values before each origin and the end", () => {
    const y = Float64Array.of(1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3);
    expect(relativeScales(y, [8], [])).toEqual({ origins: Float64Array.of(1), forecast: 3 });
    expect(relativeScales(y, [12], [])?.origins[0]).toBe(2); // four 1s and four 3s
    // With a season of 12, the last 12 values: four 1s and eight 3s.
    expect(relativeScales(y, [4], [2, 12])).toEqual({ origins: Float64Array.of(1), forecast: 28 / 12 });
  });

  test("does not fall below 5% of the series' mean", () => {
    const y = new Float64Array(40);
    y.fill(10, 0, 20); // mean 5, floor 0.25
    expect(relativeScales(y, [30], [])?.origins[0]).toBe(0.25);
    expect(relativeScales(y, [30], [])?.forecast).toBe(0.25);
  });

  test("is null for a series with a negative value or without a nonzero one", () => {
    expect(relativeScales(Float64Array.of(1, -1, 2, 3), [2], [])).toBeNull();
    expect(relativeScales(new Float64Array(10), [5], [])).toBeNull();
  });
});
