import { describe, expect, test } from "vitest";
import { windowAverage } from "./window-average.js";

const Z80 = 1.2815515655446004;

describe("windowAverage(window?)", () => {
  test("windowAverage(window) forecasts the mean of the last window observations at every step", () => {
    const result = windowAverage(2).forecast(new Float64Array([1, 2, 3, 5]), {
      horizon: 3,
      levels: [],
      seasons: [],
    });
    expect([...result.mean]).toEqual([4, 4, 4]);
    expect(result.description).toBe("WindowAverage(2)");
  });

  test("windowAverage() defaults to the smallest season, else 7", () => {
    const y = Float64Array.from({ length: 10 }, (_, t) => t);
    expect(windowAverage().forecast(y, { horizon: 1, levels: [], seasons: [] }).mean[0]).toBe(6);
    expect(windowAverage().forecast(y, { horizon: 1, levels: [], seasons: [5, 3] }).mean[0]).toBe(8);
  });

  test("windowAverage(window) longer than the series averages all of it", () => {
    const result = windowAverage(10).forecast(new Float64Array([1, 2, 6]), {
      horizon: 1,
      levels: [],
      seasons: [],
    });
    expect(result.mean[0]).toBe(3);
    expect(result.description).toBe("WindowAverage(3)");
  });

  test("windowAverage() fits trailing means and sizes constant intervals by their residuals", () => {
    const y = new Float64Array([1, 2, 3, 5]);
    const result = windowAverage(2).forecast(y, { horizon: 3, levels: [80], seasons: [] });
    expect([...result.fitted]).toEqual([Number.NaN, 1, 1.5, 2.5]);
    const sigma = Math.sqrt((1 + 1.5 ** 2 + 2.5 ** 2) / 3);
    for (let h = 0; h < 3; h++) {
      expect(result.upper[0][h]).toBeCloseTo(4 + Z80 * sigma, 12);
      expect(result.lower[0][h]).toBeCloseTo(4 - Z80 * sigma, 12);
    }
  });

  test("windowAverage().forecastOrigins averages the window before each origin", () => {
    const y = new Float64Array([1, 2, 3, 4, 5]);
    const forecasts = windowAverage(2).forecastOrigins?.(y, [1, 4], { horizon: 2, levels: [], seasons: [] });
    expect(forecasts?.map((f) => [...f])).toEqual([
      [1, 1],
      [3.5, 3.5],
    ]);
  });

  test("windowAverage(window) rejects a window that is not an integer >= 1", () => {
    expect(() => windowAverage(0)).toThrow(/window must be an integer >= 1/);
    expect(() => windowAverage(1.5)).toThrow(/window/);
    expect(() => windowAverage(Number.NaN)).toThrow(/window/);
  });
});
