import { describe, expect, test } from "vitest";
import { seasonalNaive } from "./seasonal-naive.js";
import { seasonalWindowAverage } from "./seasonal-window-average.js";

describe("seasonalWindowAverage(windowSeasons?, season?)", () => {
  test("seasonalWindowAverage(2) averages each position over the last two seasons", () => {
    const y = new Float64Array([1, 10, 3, 12]);
    const result = seasonalWindowAverage(2).forecast(y, { horizon: 3, levels: [], seasons: [2] });
    expect([...result.mean]).toEqual([2, 11, 2]);
    expect(result.description).toBe("SeasonalWindowAverage(2 x 2)");
  });

  test("seasonalWindowAverage() uses only the full seasons the series holds", () => {
    const y = new Float64Array([0, 1, 10, 3, 12]);
    const result = seasonalWindowAverage(4).forecast(y, { horizon: 2, levels: [], seasons: [2] });
    expect([...result.mean]).toEqual([2, 11]);
    expect(result.description).toBe("SeasonalWindowAverage(2 x 2)");
  });

  test("seasonalWindowAverage(1) forecasts as the seasonal naive method", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => Math.sin(t) * 10 + t);
    const request = { horizon: 12, levels: [], seasons: [5, 7] };
    const average = seasonalWindowAverage(1).forecast(y, request);
    expect([...average.mean]).toEqual([...seasonalNaive().forecast(y, request).mean]);
  });

  test("seasonalWindowAverage() intervals are constant and centred on the forecast", () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => (t % 4) * 3 + ((t * 7) % 5));
    const result = seasonalWindowAverage(3).forecast(y, { horizon: 9, levels: [90], seasons: [4] });
    const width = result.upper[0][0] - result.lower[0][0];
    expect(width).toBeGreaterThan(0);
    for (let h = 0; h < 9; h++) {
      expect(result.upper[0][h] - result.lower[0][h]).toBeCloseTo(width, 10);
      expect(result.upper[0][h] + result.lower[0][h]).toBeCloseTo(2 * result.mean[h], 10);
    }
  });

  test("seasonalWindowAverage() falls back to naive when the series is no longer than a season", () => {
    const result = seasonalWindowAverage(2).forecast(new Float64Array([1, 2, 3]), {
      horizon: 2,
      levels: [],
      seasons: [3],
    });
    expect([...result.mean]).toEqual([3, 3]);
    expect(result.description).toBe("Naive (season 3 needs more than 3 points)");
  });

  test("seasonalWindowAverage(windowSeasons, season) rejects bad parameters by name", () => {
    expect(() => seasonalWindowAverage(0)).toThrow(/windowSeasons must be an integer >= 1/);
    expect(() => seasonalWindowAverage(2, 1)).toThrow(/season must be an integer >= 2/);
  });
});
