import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { selectKth } from "./select-kth.js";

describe("selectKth(values, k)", () => {
  test("returns the k-th smallest, 0-based", () => {
    expect(selectKth(Float64Array.of(5, 1, 4, 2, 3), 0)).toBe(1);
    expect(selectKth(Float64Array.of(5, 1, 4, 2, 3), 1)).toBe(2);
    expect(selectKth(Float64Array.of(5, 1, 4, 2, 3), 4)).toBe(5);
  });

  test("agrees with sorting, also with many ties and within a prefix", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.nat(),
        (values, kSeed, lengthSeed) => {
          const length = 1 + (lengthSeed % values.length);
          const k = kSeed % length;
          const sorted = values.slice(0, length).sort((a, b) => a - b);
          expect(selectKth(Float64Array.from(values), k, length)).toBe(sorted[k]);
        },
      ),
    );
  });

  test("rejects a rank outside the array", () => {
    expect(() => selectKth(Float64Array.of(1, 2), 2)).toThrow("k: 2 is outside [0, 2)");
    expect(() => selectKth(Float64Array.of(1, 2), -1)).toThrow("k: -1");
  });
});
