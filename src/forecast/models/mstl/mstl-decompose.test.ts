import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { mstlDecompose, supportedPeriods } from "./mstl-decompose.js";
import { stl } from "./stl.js";

const fixture = JSON.parse(readFileSync(new URL("./fixtures/stl.json", import.meta.url), "utf8")).mstl;

function maxAbsDifference(actual: Float64Array, expected: number[]): number {
  let max = 0;
  for (let t = 0; t < expected.length; t++) max = Math.max(max, Math.abs(actual[t] - expected[t]));
  return max;
}

describe("mstlDecompose(y, periods, options?)", () => {
  test("mstlDecompose of four weeks of hourly demand matches R's mstl()", () => {
    const y = Float64Array.from(fixture.y);
    const result = mstlDecompose(y, [168, 24]);
    expect(result.periods).toEqual([24, 168]);
    expect(maxAbsDifference(result.trend, fixture.trend)).toBeLessThan(1e-7);
    expect(maxAbsDifference(result.seasonals[0], fixture.seasonal24)).toBeLessThan(1e-7);
    expect(maxAbsDifference(result.seasonals[1], fixture.seasonal168)).toBeLessThan(1e-7);
  });

  test("mstlDecompose separates a daily and a weekly pattern on a trend", () => {
    const n = 24 * 7 * 6;
    const daily = (t: number) => 10 * Math.sin((2 * Math.PI * t) / 24);
    const weekly = (t: number) => 5 * Math.cos((2 * Math.PI * t) / 168);
    const y = Float64Array.from({ length: n }, (_, t) => 100 + 0.05 * t + daily(t) + weekly(t));
    const result = mstlDecompose(y, [24, 168]);
    // Away from the ends, where loess extrapolates, each component is recovered closely.
    for (let t = 168; t < n - 168; t++) {
      expect(Math.abs(result.seasonals[0][t] - daily(t))).toBeLessThan(0.25);
      expect(Math.abs(result.seasonals[1][t] - weekly(t))).toBeLessThan(0.5);
      expect(Math.abs(result.trend[t] - (100 + 0.05 * t))).toBeLessThan(0.5);
    }
  });

  test("mstlDecompose's components add up to the series", () => {
    const y = Float64Array.from({ length: 200 }, (_, t) => Math.sin(t) * 3 + (t % 7) + t / 20);
    const { trend, seasonals, remainder } = mstlDecompose(y, [7, 12]);
    for (let t = 0; t < 200; t++) {
      expect(trend[t] + seasonals[0][t] + seasonals[1][t] + remainder[t]).toBeCloseTo(y[t], 10);
    }
  });

  test("mstlDecompose with one period is STL with R's mstl() window of 11", () => {
    const y = Float64Array.from({ length: 60 }, (_, t) => Math.cos(t / 2) + (t % 5) + t / 10);
    const single = mstlDecompose(y, [5, 40]);
    expect(single.periods).toEqual([5]);
    const reference = stl(y, { period: 5, seasonalWindow: 11 });
    expect([...single.seasonals[0]]).toEqual([...reference.seasonal]);
    expect([...single.trend]).toEqual([...reference.trend]);
  });

  test("mstlDecompose without a supported period leaves the series as the trend", () => {
    const y = new Float64Array([1, 5, 2, 6]);
    const result = mstlDecompose(y, [2, 12]);
    expect(result.periods).toEqual([]);
    expect(result.seasonals).toEqual([]);
    expect([...result.trend]).toEqual([1, 5, 2, 6]);
    expect([...result.remainder]).toEqual([0, 0, 0, 0]);
  });

  test("supportedPeriods keeps distinct integer periods >= 2 shorter than half the series, ascending", () => {
    expect(supportedPeriods([168, 24, 24, 1], 400)).toEqual([24, 168]);
    expect(supportedPeriods([168, 24], 336)).toEqual([24]);
    expect(supportedPeriods([12.5, 12], 100)).toEqual([12]);
  });

  test("mstlDecompose rejects bad options, naming them", () => {
    const y = Float64Array.from({ length: 100 }, (_, t) => t % 7);
    expect(() => mstlDecompose(y, [7], { iterations: 0 })).toThrow(/iterations must be an integer >= 1/);
    expect(() => mstlDecompose(y, [7], { seasonalWindows: 2 })).toThrow(
      /seasonalWindows must be integers >= 3/,
    );
    expect(() => mstlDecompose(y, [7, 12], { seasonalWindows: [11] })).toThrow(/seasonalWindows has 1/);
    expect(() => mstlDecompose(new Float64Array([1, Number.NaN]), [7])).toThrow(/y\[1\]/);
  });
});
