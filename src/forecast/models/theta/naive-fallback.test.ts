import { describe, expect, test } from "vitest";
import { naiveFallback, naiveOrigins } from "./naive-fallback.js";

describe("naiveFallback(y, request)", () => {
  test("forecasts the last value with random-walk intervals", () => {
    // First differences 2 and -1: one-step variance (4 + 1) / 2 = 2.5, h-step variance 2.5 h.
    const result = naiveFallback(new Float64Array([3, 5, 4]), { horizon: 2, levels: [95], seasons: [] });
    expect([...result.mean]).toEqual([4, 4]);
    expect(result.upper[0][0] - 4).toBeCloseTo(1.959963984540054 * Math.sqrt(2.5), 12);
    expect(result.upper[0][1] - 4).toBeCloseTo(1.959963984540054 * Math.sqrt(5), 12);
    expect(result.lower[0][1] - 4).toBeCloseTo(-1.959963984540054 * Math.sqrt(5), 12);
    expect([...result.fitted]).toEqual([Number.NaN, 3, 5]);
    expect(result.description).toBe("Naive");
  });

  test("a single point gives zero-width intervals", () => {
    const result = naiveFallback(new Float64Array([7]), { horizon: 3, levels: [80], seasons: [] });
    expect([...result.lower[0]]).toEqual([7, 7, 7]);
    expect([...result.upper[0]]).toEqual([7, 7, 7]);
  });
});

describe("naiveOrigins(y, origins, horizon)", () => {
  test("repeats the value just before each origin", () => {
    const forecasts = naiveOrigins(new Float64Array([1, 2, 3]), [1, 3], 2);
    expect(forecasts.map((f) => [...f])).toEqual([
      [1, 1],
      [3, 3],
    ]);
  });
});
