import { describe, expect, test } from "vitest";
import { chooseSeasonalAdjustment, deseasonalize, reseasonalize } from "./seasonal-adjustment.js";
import { passesSeasonalityTest } from "./seasonality-test.js";

const weekly = (n: number, level = 100) =>
  Float64Array.from({ length: n }, (_, t) => level + 30 * Math.sin((2 * Math.PI * t) / 7) + (t % 3));

describe("chooseSeasonalAdjustment(y, count, seasons)", () => {
  test("takes the longest season the test finds, falling back to shorter ones", () => {
    // Daily cycles with a quieter weekend: lag 168 holds both patterns.
    const hourly = Float64Array.from(
      { length: 4 * 168 },
      (_, t) => (100 + 40 * Math.sin((2 * Math.PI * t) / 24)) * (t % 168 >= 120 ? 0.6 : 1) + (t % 5),
    );
    expect(chooseSeasonalAdjustment(hourly, hourly.length, [24, 168])?.period).toBe(168);
    // A weekly pattern has no 30-day cycle: 30 fails the test and 7 is used.
    const y = weekly(70);
    expect(passesSeasonalityTest(y, 70, 30)).toBe(false);
    expect(chooseSeasonalAdjustment(y, 70, [7, 30])?.period).toBe(7);
  });

  test("two full seasons are enough", () => {
    // A weekly spike is significant at lag 7 with just 14 points.
    const spikes = Float64Array.from({ length: 14 }, (_, t) => (t % 7 === 6 ? 20 : 2));
    expect(chooseSeasonalAdjustment(spikes, 14, [7])?.period).toBe(7);
  });

  test("fewer than two full seasons are not enough, however strong the lag correlation", () => {
    // 15 points, significant at lag 8 (1.739 > 1.645), but two seasons of 8 need 16.
    const y = new Float64Array([2, 3, 2, 2, 1, 1, 20, 3, 2, 2, 2, 1, 5, 1, 20]);
    expect(passesSeasonalityTest(y, 15, 8)).toBe(true);
    expect(chooseSeasonalAdjustment(y, 15, [8])).toBeNull();
  });

  test("skips seasons that are too long for the data and period 1", () => {
    expect(chooseSeasonalAdjustment(weekly(70), 70, [1, 7, 365])?.period).toBe(7);
    expect(chooseSeasonalAdjustment(weekly(70), 70, [])).toBeNull();
  });

  test("is null when no season passes the test", () => {
    expect(passesSeasonalityTest(weekly(70), 70, 5)).toBe(false);
    expect(chooseSeasonalAdjustment(weekly(70), 70, [5])).toBeNull();
    expect(chooseSeasonalAdjustment(weekly(70), 70, [5, 7])?.period).toBe(7);
  });

  test("is multiplicative on non-negative data and additive when some values are negative", () => {
    expect(chooseSeasonalAdjustment(weekly(70), 70, [7])?.multiplicative).toBe(true);
    // A day without traffic at all keeps the ratios to the trend meaningful.
    const outage = Float64Array.from(weekly(70), (value, t) => (t === 10 ? 0 : value));
    expect(chooseSeasonalAdjustment(outage, 70, [7])?.multiplicative).toBe(true);
    const shifted = weekly(70, 0);
    expect(chooseSeasonalAdjustment(shifted, 70, [7])?.multiplicative).toBe(false);
  });

  test("falls back to additive when a multiplicative index would be below 0.01", () => {
    const y = Float64Array.from({ length: 28 }, (_, t) => (t % 7 === 0 ? 1e-4 : 100 + (t % 2)));
    const adjustment = chooseSeasonalAdjustment(y, 28, [7]);
    expect(adjustment?.multiplicative).toBe(false);
  });
});

describe("deseasonalize and reseasonalize", () => {
  test("undo each other, multiplicative and additive", () => {
    for (const multiplicative of [true, false]) {
      const adjustment = { period: 3, multiplicative, indices: new Float64Array([0.5, 1, 1.5]) };
      const y = new Float64Array([4, 5, 6, 7, 8]);
      const out = new Float64Array(5);
      deseasonalize(y, 5, adjustment, out);
      reseasonalize(out, 0, 5, 0, adjustment);
      for (const [t, value] of y.entries()) expect(out[t]).toBeCloseTo(value, 12);
    }
  });

  test("reseasonalize aligns the indices with the time of the first value", () => {
    const adjustment = { period: 3, multiplicative: true, indices: new Float64Array([0.5, 1, 1.5]) };
    const values = new Float64Array([10, 10, 10, 10]);
    reseasonalize(values, 1, 3, 5, adjustment);
    expect([...values]).toEqual([10, 15, 5, 10]);
  });
});
