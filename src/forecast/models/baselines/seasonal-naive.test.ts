import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { seasonalNaive } from "./seasonal-naive.js";

const fixture = JSON.parse(readFileSync(new URL("./fixtures/baselines.json", import.meta.url), "utf8"));

describe("seasonalNaive(season?)", () => {
  test("seasonalNaive() repeats the last season of the smallest request season", () => {
    const y = new Float64Array([9, 9, 1, 2, 3, 4, 5, 6]);
    const result = seasonalNaive().forecast(y, { horizon: 5, levels: [], seasons: [6, 3] });
    expect([...result.mean]).toEqual([4, 5, 6, 4, 5]);
    expect(result.description).toBe("SeasonalNaive(3)");
    expect([...result.fitted]).toEqual([Number.NaN, Number.NaN, Number.NaN, 9, 9, 1, 2, 3]);
  });

  test("seasonalNaive(season) uses the given season over the request's", () => {
    const y = new Float64Array([1, 2, 3, 4, 5, 6, 7]);
    const result = seasonalNaive(6).forecast(y, { horizon: 2, levels: [], seasons: [2] });
    expect([...result.mean]).toEqual([2, 3]);
  });

  test("seasonalNaive() matches R's snaive() on USAccDeaths, intervals stepping up each season", () => {
    const y = Float64Array.from(fixture.y);
    const result = seasonalNaive().forecast(y, { horizon: fixture.horizon, levels: [80, 95], seasons: [12] });
    const expected = fixture.snaive;
    for (let h = 0; h < fixture.horizon; h++) {
      expect(result.mean[h]).toBeCloseTo(expected.mean[h], 8);
      expect(result.lower[0][h]).toBeCloseTo(expected.lower80[h], 6);
      expect(result.upper[0][h]).toBeCloseTo(expected.upper80[h], 6);
      expect(result.lower[1][h]).toBeCloseTo(expected.lower95[h], 6);
      expect(result.upper[1][h]).toBeCloseTo(expected.upper95[h], 6);
    }
  });

  test("seasonalNaive() falls back to naive without a season or without a full season of data", () => {
    const y = new Float64Array([1, 2, 3, 4]);
    const none = seasonalNaive().forecast(y, { horizon: 2, levels: [80], seasons: [] });
    expect([...none.mean]).toEqual([4, 4]);
    expect(none.description).toBe("Naive (no season)");
    const short = seasonalNaive().forecast(y, { horizon: 2, levels: [80], seasons: [4] });
    expect([...short.mean]).toEqual([4, 4]);
    expect(short.description).toBe("Naive (season 4 needs more than 4 points)");
    expect(Number.isFinite(short.lower[0][0])).toBe(true);
  });

  test("seasonalNaive().forecastOrigins repeats the season before each origin, naive before a season", () => {
    const y = new Float64Array([1, 2, 3, 4, 5, 6, 7]);
    const forecasts = seasonalNaive().forecastOrigins?.(y, [2, 5], { horizon: 3, levels: [], seasons: [3] });
    expect(forecasts?.map((f) => [...f])).toEqual([
      [2, 2, 2],
      [3, 4, 5],
    ]);
  });

  test("seasonalNaive(season) rejects a season that is not an integer >= 2", () => {
    expect(() => seasonalNaive(1)).toThrow(/season must be an integer >= 2/);
    expect(() => seasonalNaive(2.5)).toThrow(/season/);
  });
});
