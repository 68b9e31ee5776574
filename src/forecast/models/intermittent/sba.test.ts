import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { croston } from "./croston.js";
import { sba } from "./sba.js";

const request = { horizon: 4, levels: [80], seasons: [] };
const sparse = fc
  .array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 20 })), {
    minLength: 1,
    maxLength: 80,
  })
  .map((values) => Float64Array.from(values));

describe("sba(alpha)", () => {
  test("sba() is 0.95 times croston() at alpha 0.1, fitted values included", () => {
    fc.assert(
      fc.property(sparse, (y) => {
        const corrected = sba().forecast(y, request);
        const plain = croston().forecast(y, request);
        expect(corrected.mean[0]).toBeCloseTo(0.95 * plain.mean[0], 12);
        for (let t = 1; t < y.length; t++)
          expect(corrected.fitted[t]).toBeCloseTo(0.95 * plain.fitted[t], 12);
      }),
    );
  });

  test("sba(alpha) corrects by 1 - alpha / 2", () => {
    const y = new Float64Array([0, 3, 0, 0, 6, 1, 0]);
    expect(sba(0.4).forecast(y, request).mean[0]).toBeCloseTo(
      0.8 * croston(0.4).forecast(y, request).mean[0],
      12,
    );
    expect(sba(0.4).forecast(y, request).description).toBe("SBA(alpha=0.4)");
  });

  test("sba(alpha) rejects a weight outside (0, 1]", () => {
    expect(() => sba(-0.1)).toThrow(/alpha must lie in \(0, 1\]/);
    expect(() => sba(2)).toThrow(/alpha/);
  });
});
