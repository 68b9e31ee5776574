import { describe, expect, test } from "vitest";
import { naive } from "./naive.js";
import { rollingMean } from "./rolling-mean.js";

describe("rollingMean(window?)", () => {
  test("rollingMean(2) feeds its own forecasts back into the window", () => {
    const result = rollingMean(2).forecast(new Float64Array([0, 2, 4]), {
      horizon: 3,
      levels: [],
      seasons: [],
    });
    expect([...result.mean]).toEqual([3, 3.5, 3.25]);
    expect(result.description).toBe("RollingMean(2)");
  });

  test("rollingMean(1) is the naive method, forecasts and intervals alike", () => {
    const y = Float64Array.from({ length: 25 }, (_, t) => Math.cos(t) * 5 + t / 3);
    const request = { horizon: 6, levels: [80, 95], seasons: [] };
    const rolling = rollingMean(1).forecast(y, request);
    const reference = naive().forecast(y, request);
    expect([...rolling.mean]).toEqual([...reference.mean]);
    for (let i = 0; i < 2; i++) {
      for (let h = 0; h < 6; h++) expect(rolling.upper[i][h]).toBeCloseTo(reference.upper[i][h], 10);
    }
  });

  test("rollingMean(2) intervals follow the autoregression's psi weights 1, 1/2, 3/4, 5/8", () => {
    const y = new Float64Array([1, 3, 2, 5, 4, 6]);
    const result = rollingMean(2).forecast(y, { horizon: 4, levels: [80], seasons: [] });
    const firstHalfWidth = result.upper[0][0] - result.mean[0];
    const psiSquares = [1, 1 + 0.25, 1 + 0.25 + 0.5625, 1 + 0.25 + 0.5625 + 0.390625];
    for (let h = 0; h < 4; h++) {
      expect(result.upper[0][h] - result.mean[h]).toBeCloseTo(firstHalfWidth * Math.sqrt(psiSquares[h]), 10);
    }
  });

  test("rollingMean() settles on a constant series' value with zero-width intervals", () => {
    const result = rollingMean(3).forecast(new Float64Array(10).fill(4), {
      horizon: 5,
      levels: [95],
      seasons: [],
    });
    expect([...result.mean]).toEqual([4, 4, 4, 4, 4]);
    expect([...result.lower[0]]).toEqual([4, 4, 4, 4, 4]);
  });

  test("rollingMean(window) rejects a window that is not an integer >= 1", () => {
    expect(() => rollingMean(-2)).toThrow(/window must be an integer >= 1/);
  });
});
