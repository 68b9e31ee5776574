import { describe, expect, test } from "vitest";
import { ensemble } from "./ensemble.js";
import type { Forecaster } from "./forecaster.js";
import { lastValue, lastValueRefit, meanModel, seasonalNaive } from "./test-models.js";

// last = 6 (± 1), mean = 3.5 (± 2), seasonal naive (period 2) = 5, 6, 5 (± 1).
const y = Float64Array.of(1, 2, 3, 4, 5, 6);
const request = { horizon: 3, levels: [80, 95], seasons: [2] };

function expectClose(actual: Float64Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => {
    if (Number.isNaN(value)) expect(actual[i]).toBeNaN();
    else expect(actual[i]).toBeCloseTo(value, 12);
  });
}

describe("ensemble(members, how)", () => {
  test("averages forecasts, bounds and fitted values step by step", () => {
    const result = ensemble([lastValue, meanModel, seasonalNaive], "mean").forecast(y, request);
    expectClose(result.mean, [14.5 / 3, 15.5 / 3, 14.5 / 3]);
    expectClose(result.lower[0], [10.5 / 3, 11.5 / 3, 10.5 / 3]);
    expectClose(result.upper[1], [18.5 / 3, 19.5 / 3, 18.5 / 3]);
    // Fitted: last value, 0 for the mean model, NaN for the seasonal naive's first season.
    expectClose(result.fitted, [Number.NaN, Number.NaN, 1, 5 / 3, 7 / 3, 3]);
    expect(result.description).toBe("ensemble(LastValue, Mean, SeasonalNaive(2))");
  });

  test("takes the median step by step, ignoring members without a fitted value", () => {
    const result = ensemble([lastValue, meanModel, seasonalNaive], "median").forecast(y, request);
    expect(Array.from(result.mean)).toEqual([5, 6, 5]);
    expect(Array.from(result.lower[0])).toEqual([4, 5, 4]);
    // Fitted at t = 1: last value 1 and mean model 0, the seasonal naive has none: the median of two.
    expect(result.fitted[1]).toBe(0.5);
    expect(result.description).toBe("median(LastValue, Mean, SeasonalNaive(2))");
  });

  test("is named after its members", () => {
    expect(ensemble([lastValue, meanModel]).name).toBe("ensemble(last, mean)");
    expect(ensemble([lastValue, meanModel], "median").name).toBe("median(last, mean)");
  });

  test("combines forecastOrigins when every member has it, and has none otherwise", () => {
    const combined = ensemble([lastValue, meanModel], "mean");
    const forecasts = combined.forecastOrigins?.(y, [2, 4], { horizon: 2, levels: [], seasons: [] });
    expect(forecasts?.map((f) => Array.from(f))).toEqual([
      [(2 + 1.5) / 2, (2 + 1.5) / 2],
      [(4 + 2.5) / 2, (4 + 2.5) / 2],
    ]);
    expect(ensemble([lastValue, lastValueRefit]).forecastOrigins).toBeUndefined();
  });

  test('ensemble(members, "mean", weights) weights forecasts, bounds and the forecastOrigins path alike', () => {
    const weighted = ensemble([lastValue, meanModel], "mean", [0.75, 0.25]);
    const result = weighted.forecast(y, request);
    // last = 6, mean = 3.5; 80% bounds 5 and 1.5.
    expectClose(result.mean, [5.375, 5.375, 5.375]);
    expectClose(result.lower[0], [0.75 * 5 + 0.25 * 1.5, 0.75 * 5 + 0.25 * 1.5, 0.75 * 5 + 0.25 * 1.5]);
    const forecasts = weighted.forecastOrigins?.(y, [2], { horizon: 1, levels: [], seasons: [] });
    expect(forecasts?.map((f) => Array.from(f))).toEqual([[0.75 * 2 + 0.25 * 1.5]]);
  });

  test("ensemble(members, how, weights) rejects weights of the wrong count, sign or sum, and for a median", () => {
    expect(() => ensemble([lastValue, meanModel], "mean", [1])).toThrow("weights: 1 weights for 2 members");
    expect(() => ensemble([lastValue, meanModel], "mean", [1.5, -0.5])).toThrow(
      "weights[1]: -0.5 is not a finite number >= 0",
    );
    expect(() => ensemble([lastValue, meanModel], "mean", [0.5, 0.6])).toThrow(
      "weights: they sum to 1.1, not 1",
    );
    expect(() => ensemble([lastValue, meanModel], "median", [0.5, 0.5])).toThrow(
      "weights: only a mean ensemble takes weights, not a median",
    );
  });

  test("with one member is that member", () => {
    const single = ensemble([seasonalNaive], "median").forecast(y, request);
    expect(single.mean).toEqual(seasonalNaive.forecast(y, request).mean);
  });

  test("rejects no members and an unknown combination", () => {
    expect(() => ensemble([])).toThrow("members: an ensemble needs at least one forecaster");
    expect(() => ensemble([lastValue], "mode" as "mean")).toThrow('how: "mode" is not "mean" or "median"');
    expect(() => ensemble(undefined as unknown as Forecaster[])).toThrow("members");
  });
});
