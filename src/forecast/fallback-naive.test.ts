import { describe, expect, test } from "vitest";
import { fallbackNaive } from "./fallback-naive.js";
import { normalQuantile } from "./normal-quantile.js";

describe("fallbackNaive", () => {
  test("forecasts the last value with random-walk intervals widening as sqrt(h)", () => {
    // One-step changes 2, -1: sigma = sqrt((4 + 1) / 2).
    const result = fallbackNaive.forecast(Float64Array.of(3, 5, 4), {
      horizon: 2,
      levels: [80],
      seasons: [7],
    });
    const sigma = Math.sqrt(2.5);
    const z = normalQuantile(0.9);
    expect(Array.from(result.mean)).toEqual([4, 4]);
    expect(result.lower[0][0]).toBeCloseTo(4 - z * sigma, 12);
    expect(result.upper[0][1]).toBeCloseTo(4 + z * sigma * Math.SQRT2, 12);
    expect(Array.from(result.fitted)).toEqual([Number.NaN, 3, 5]);
    expect(result.description).toBe("Naive");
  });

  test("gives zero-width intervals for one observation", () => {
    const result = fallbackNaive.forecast(Float64Array.of(7), { horizon: 1, levels: [95], seasons: [] });
    expect([result.lower[0][0], result.mean[0], result.upper[0][0]]).toEqual([7, 7, 7]);
  });

  test("forecasts the value before each origin on the refit-free path", () => {
    const forecasts = fallbackNaive.forecastOrigins?.(Float64Array.of(1, 2, 3), [1, 3], {
      horizon: 2,
      levels: [],
      seasons: [],
    });
    expect(forecasts?.map((f) => Array.from(f))).toEqual([
      [1, 1],
      [3, 3],
    ]);
  });

  test("refuses an empty series", () => {
    expect(() =>
      fallbackNaive.forecast(new Float64Array(0), { horizon: 1, levels: [], seasons: [] }),
    ).toThrow("y: the naive forecast needs at least one observation");
  });
});
