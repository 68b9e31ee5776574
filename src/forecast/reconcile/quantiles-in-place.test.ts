import { describe, expect, it } from "vitest";
import { Random } from "../random.js";
import { quantilesInPlace } from "./quantiles-in-place.js";

/** Type 7 by sorting (reference). */
function reference(values: Float64Array, p: number): number {
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}

describe("quantilesInPlace(values, probs)", () => {
  it("equals type 7 quantiles of the sorted values, ties and single values included", () => {
    const random = new Random(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random.next() * 300);
      const values = Float64Array.from({ length: n }, () =>
        random.next() < 0.3 ? 0 : Math.round(random.next() * 40),
      );
      const probs = [0, 0.1, 0.5, 0.9, 1];
      const got = quantilesInPlace(values.slice(), probs);
      probs.forEach((p, i) => {
        expect(got[i]).toBeCloseTo(reference(values, p), 12);
      });
    }
    expect(quantilesInPlace(Float64Array.of(3, 1, 2, 4), [0.5])).toEqual([2.5]);
  });
});
