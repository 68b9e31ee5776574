import { describe, expect, test } from "vitest";
import { conformalQuantile, conformalRank } from "./conformal-quantile.js";

describe("conformalQuantile(scores, coverage)", () => {
  test("is the ceil((n + 1) * coverage)-th smallest score", () => {
    const scores = Float64Array.of(9, 1, 8, 2, 7, 3, 6, 4, 5); // n = 9
    expect(conformalQuantile(scores, 0.8)).toBe(8); // ceil(10 * 0.8) = 8
    expect(conformalQuantile(scores, 0.5)).toBe(5); // ceil(10 * 0.5) = 5
    expect(conformalQuantile(scores, 0.85)).toBe(9); // ceil(8.5) = 9
    expect(Array.from(scores)).toEqual([9, 1, 8, 2, 7, 3, 6, 4, 5]);
  });

  test("takes 19 of 19 scores for 95% and is infinite with fewer", () => {
    const nineteen = Float64Array.from({ length: 19 }, (_, i) => i + 1);
    expect(conformalRank(19, 0.95)).toBe(19);
    expect(conformalQuantile(nineteen, 0.95)).toBe(19);
    expect(conformalQuantile(nineteen.subarray(1), 0.95)).toBe(Number.POSITIVE_INFINITY);
  });

  test("ignores NaN scores", () => {
    expect(conformalQuantile(Float64Array.of(Number.NaN, 3, 1, 2, Number.NaN), 0.5)).toBe(2);
  });

  test("rejects a coverage outside (0, 1)", () => {
    expect(() => conformalQuantile(Float64Array.of(1), 1)).toThrow(
      "coverage: 1 is not strictly between 0 and 1",
    );
    expect(() => conformalQuantile(Float64Array.of(1), Number.NaN)).toThrow("coverage: NaN");
  });
});
