import { describe, expect, test } from "vitest";
import { rUnitRootCases } from "./fixtures/unit-root-fixture.js";
import { nsdiffs } from "./nsdiffs.js";

describe("nsdiffs(y, period, options)", () => {
  test.each(rUnitRootCases.map((rCase) => [rCase.series, rCase.period, rCase] as const))(
    "nsdiffs of %s at period %i matches forecast::nsdiffs (max.D 1 and 2)",
    (_, period, rCase) => {
      const y = Float64Array.from(rCase.y);
      expect(nsdiffs(y, period)).toBe(rCase.nsdiffs);
      expect(nsdiffs(y, period, { maxD: 2 })).toBe(rCase.nsdiffsMax2);
    },
  );

  const seasonalWithTrend = Float64Array.from(
    { length: 72 },
    (_, t) => 10 * Math.sin((2 * Math.PI * t) / 12) + t / 10 + Math.sin(t * t) / 5,
  );

  test("nsdiffs of a strong season is 1, and 0 with maxD 0", () => {
    expect(nsdiffs(seasonalWithTrend, 12)).toBe(1);
    expect(nsdiffs(seasonalWithTrend, 12, { maxD: 0 })).toBe(0);
  });

  test("nsdiffs of a series without a season is 0", () => {
    const jagged = Float64Array.from({ length: 96 }, (_, t) => t / 10 + Math.sin(t * t));
    expect(nsdiffs(jagged, 12)).toBe(0);
  });

  test("nsdiffs is 0 for period 1, a constant, and fewer than 2 period + 1 points", () => {
    expect(nsdiffs(seasonalWithTrend, 1)).toBe(0);
    expect(nsdiffs(new Float64Array(60).fill(2), 12)).toBe(0);
    expect(nsdiffs(seasonalWithTrend.subarray(0, 24), 12)).toBe(0);
    expect(nsdiffs(seasonalWithTrend.subarray(0, 12), 12)).toBe(0);
    expect(nsdiffs(seasonalWithTrend.subarray(0, 5), 12)).toBe(0);
    expect(nsdiffs(seasonalWithTrend.subarray(0, 25), 12)).toBe(1);
  });

  test("nsdiffs of an exactly periodic series is 1: its seasonal difference is constant", () => {
    const periodic = Float64Array.from({ length: 48 }, (_, t) => [3, 1, 4, 1, 5, 9][t % 6]);
    expect(nsdiffs(periodic, 6, { maxD: 2 })).toBe(1);
  });

  test("nsdiffs rejects bad input naming the parameter", () => {
    expect(() => nsdiffs([1, 2] as unknown as Float64Array, 4)).toThrow(/y must be a Float64Array/);
    expect(() => nsdiffs(new Float64Array([1, Number.NaN, 2]), 4)).toThrow(/y\[1\] is NaN/);
    expect(() => nsdiffs(seasonalWithTrend, 0)).toThrow(/period must be an integer >= 1, got 0/);
    expect(() => nsdiffs(seasonalWithTrend, 12.5)).toThrow(/period must be an integer >= 1/);
    expect(() => nsdiffs(seasonalWithTrend, 12, { maxD: -1 })).toThrow(
      /options.maxD must be an integer >= 0/,
    );
    expect(() => nsdiffs(seasonalWithTrend, 12, { maxD: 0.5 })).toThrow(/options.maxD/);
  });
});
