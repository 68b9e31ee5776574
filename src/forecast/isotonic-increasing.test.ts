import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isotonicIncreasing } from "./isotonic-increasing.js";

describe("isotonicIncreasing(values)", () => {
  test("pools adjacent violators into their mean", () => {
    expect(Array.from(isotonicIncreasing(Float64Array.of(1, 3, 2, 4)))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(isotonicIncreasing(Float64Array.of(3, 2, 1)))).toEqual([2, 2, 2]);
    expect(Array.from(isotonicIncreasing(Float64Array.of(1, 2, 3)))).toEqual([1, 2, 3]);
  });

  test("is non-decreasing, keeps the sum and can work in place", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { maxLength: 50 }), (values) => {
        const input = Float64Array.from(values);
        const out = isotonicIncreasing(input.slice(), undefined);
        for (let i = 1; i < out.length; i++) expect(out[i]).toBeGreaterThanOrEqual(out[i - 1] - 1e-12);
        const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
        expect(sum(out)).toBeCloseTo(sum(input), 8);
        const inPlace = input.slice();
        expect(isotonicIncreasing(inPlace, inPlace)).toEqual(out);
      }),
    );
  });
});
