import { describe, expect, test } from "vitest";
import { classicalSeasonalIndices } from "./classical-decomposition.js";

describe("classicalSeasonalIndices(y, count, period, multiplicative)", () => {
  test("an additive pattern on a flat level, by hand", () => {
    const indices = classicalSeasonalIndices(new Float64Array([1, 3, 1, 3, 1, 3]), 6, 2, false);
    expect([...indices]).toEqual([-1, 1]);
  });

  test("a multiplicative pattern on a flat level, by hand", () => {
    const indices = classicalSeasonalIndices(new Float64Array([5, 15, 5, 15, 5, 15]), 6, 2, true);
    expect(indices[0]).toBeCloseTo(0.5, 12);
    expect(indices[1]).toBeCloseTo(1.5, 12);
  });

  test("an odd period uses the plain centred moving average", () => {
    // Period 3 on a line plus the pattern [-2, 0, 2]: the 3-term average is the line itself.
    const y = Float64Array.from({ length: 9 }, (_, t) => 10 + t + [-2, 0, 2][t % 3]);
    const indices = classicalSeasonalIndices(y, 9, 3, false);
    for (const [i, value] of [-2, 0, 2].entries()) expect(indices[i]).toBeCloseTo(value, 12);
  });

  test("a linear trend does not leak into the indices (2 x 12 moving average)", () => {
    const pattern = [0.8, 0.9, 1.1, 1.2, 1, 1, 0.9, 1.1, 1, 1, 0.95, 1.05];
    const y = Float64Array.from({ length: 48 }, (_, t) => (200 + 3 * t) * pattern[t % 12]);
    const indices = classicalSeasonalIndices(y, 48, 12, true);
    for (const [i, value] of pattern.entries()) expect(indices[i]).toBeCloseTo(value, 2);
    expect(indices.reduce((a, b) => a + b, 0)).toBeCloseTo(12, 12);
  });

  test("positions count from the first observation", () => {
    const indices = classicalSeasonalIndices(new Float64Array([3, 1, 3, 1, 3, 1, 3]), 7, 2, false);
    expect(indices[0]).toBeGreaterThan(indices[1]);
  });
});
