import { describe, expect, test } from "vitest";
import { seasonalNaive } from "./seasonal-naive.js";
import { seasonalWindowAverage } from "./seasonal-window-average.js";
import { seasonalWindowMedian } from "./seasonal-window-median.js";

describe("seasonalWindowMedian(windowSeasons?, season?)", () => {
  test("seasonalWindowMedian(3) takes each position's median over the last three seasons", () => {
    const y = new Float64Array([1, 10, 2, 11, 90, 12]);
    const result = seasonalWindowMedian(3).forecast(y, { horizon: 3, levels: [], seasons: [2] });
    expect([...result.mean]).toEqual([2, 11, 2]);
    expect(result.description).toBe("SeasonalWindowMedian(2 x 3)");
  });

  test("seasonalWindowMedian(4) averages the middle two of an even window", () => {
    const y = new Float64Array([7, 0, 1, 0, 9, 0, 3, 0]);
    const result = seasonalWindowMedian(4).forecast(y, { horizon: 2, levels: [], seasons: [2] });
    expect([...result.mean]).toEqual([5, 0]);
  });

  test("seasonalWindowMedian() ignores a one-off spike that moves the seasonal window average", () => {
    const y = new Float64Array(7 * 10);
    for (let t = 0; t < y.length; t++) y[t] = 100 + 20 * (t % 7);
    y[y.length - 10] = 0; // a holiday three days into the last week but one
    const request = { horizon: 7, levels: [], seasons: [7] };
    const median = seasonalWindowMedian(5).forecast(y, request).mean;
    const average = seasonalWindowAverage(5).forecast(y, request).mean;
    for (let h = 0; h < 7; h++) expect(median[h]).toBe(100 + 20 * ((y.length + h) % 7));
    expect(average.some((v, h) => v !== median[h])).toBe(true);
  });

  test("seasonalWindowMedian() uses the longest season and only the full seasons the series holds", () => {
    const y = Float64Array.from({ length: 3 * 12 + 5 }, (_, t) => (t % 12) + Math.floor(t / 12));
    const result = seasonalWindowMedian(8).forecast(y, { horizon: 12, levels: [], seasons: [4, 12] });
    expect(result.description).toBe("SeasonalWindowMedian(12 x 3)");
    // Position p of season s holds p + s: the rest of season 3 takes the median of seasons 0-2 (p + 1), season 4
    // the median of seasons 1-3 (p + 2).
    for (let h = 0; h < 12; h++) {
      const position = (y.length + h) % 12;
      expect(result.mean[h]).toBe(position + (h < 7 ? 1 : 2));
    }
  });

  test("seasonalWindowMedian(1) forecasts as the seasonal naive method on its season", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => Math.sin(t) * 10 + t);
    const request = { horizon: 12, levels: [], seasons: [7] };
    const median = seasonalWindowMedian(1).forecast(y, request);
    expect([...median.mean]).toEqual([...seasonalNaive().forecast(y, request).mean]);
  });

  test("seasonalWindowMedian() intervals are constant and centred on the forecast", () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => (t % 4) * 3 + ((t * 7) % 5));
    const result = seasonalWindowMedian(3).forecast(y, { horizon: 9, levels: [90], seasons: [4] });
    const width = result.upper[0][0] - result.lower[0][0];
    expect(width).toBeGreaterThan(0);
    for (let h = 0; h < 9; h++) {
      expect(result.upper[0][h] - result.lower[0][h]).toBeCloseTo(width, 10);
      expect(result.upper[0][h] + result.lower[0][h]).toBeCloseTo(2 * result.mean[h], 10);
    }
  });

  test("seasonalWindowMedian().forecastOrigins forecasts each origin as a fit on the data before it", () => {
    const y = Float64Array.from({ length: 60 }, (_, t) => 50 + 10 * (t % 7) + ((t * 13) % 11));
    const request = { horizon: 10, levels: [], seasons: [7] };
    const model = seasonalWindowMedian(4);
    const origins = [8, 20, 33, 50];
    // biome-ignore lint/style/noNonNullAssertion: the baseline has the fast path
    const fast = model.forecastOrigins!(y, origins, request);
    origins.forEach((origin, i) => {
      expect([...fast[i]]).toEqual([...model.forecast(y.subarray(0, origin), request).mean]);
    });
  });

  test("seasonalWindowMedian() falls back to naive without a season or with no more than one", () => {
    const model = seasonalWindowMedian(2);
    const short = model.forecast(new Float64Array([1, 2, 3]), { horizon: 2, levels: [], seasons: [3] });
    expect([...short.mean]).toEqual([3, 3]);
    expect(short.description).toBe("Naive (season 3 needs more than 3 points)");
    const none = model.forecast(new Float64Array([1, 2, 3]), { horizon: 1, levels: [], seasons: [] });
    expect(none.description).toBe("Naive (no season)");
  });

  test("seasonalWindowMedian(windowSeasons, season) rejects bad parameters and input by name", () => {
    expect(() => seasonalWindowMedian(0)).toThrow(/windowSeasons must be an integer >= 1/);
    expect(() => seasonalWindowMedian(2.5)).toThrow(/windowSeasons must be an integer >= 1/);
    expect(() => seasonalWindowMedian(2, 1)).toThrow(/season must be an integer >= 2/);
    const y = new Float64Array([1, 2, Number.NaN, 4]);
    expect(() => seasonalWindowMedian().forecast(y, { horizon: 1, levels: [], seasons: [2] })).toThrow(
      /y\[2\] is NaN/,
    );
  });
});
