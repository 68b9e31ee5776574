import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { rUnitRootCases } from "./fixtures/unit-root-fixture.js";
import { kpss } from "./kpss.js";

function relativeDifference(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(1e-12, Math.abs(expected));
}

describe("kpss(y, options)", () => {
  const cases = rUnitRootCases.map((rCase) => [rCase.series, rCase] as const);

  test.each(cases)(
    "kpss of %s matches tseries::kpss.test (level and trend, short and long lags)",
    (_, rCase) => {
      const y = Float64Array.from(rCase.y);
      for (const [options, expected] of [
        [{}, rCase.kpssLevel],
        [{ lags: "long" as const }, rCase.kpssLevelLong],
        [{ null: "trend" as const }, rCase.kpssTrend],
      ] as const) {
        const result = kpss(y, options);
        expect(result.lags).toBe(expected.lags);
        expect(relativeDifference(result.statistic, expected.statistic)).toBeLessThan(1e-10);
        expect(result.pValue).toBeCloseTo(expected.pValue, 12);
      }
    },
  );

  test.each(cases)("kpss of %s with forecast::ndiffs's lag matches urca::ur.kpss", (_, rCase) => {
    const y = Float64Array.from(rCase.y);
    for (const [type, expected] of [
      ["level", rCase.kpssLevelForecastLag],
      ["trend", rCase.kpssTrendForecastLag],
    ] as const) {
      const result = kpss(y, { null: type, lags: expected.lags });
      expect(relativeDifference(result.statistic, expected.statistic)).toBeLessThan(1e-10);
      expect(result.pValue).toBeCloseTo(expected.pValue, 12);
    }
  });

  test("kpss with no lags is sum(S^2) / (n^2 mean(e^2)), checked by hand on 1, 2, 3, 4", () => {
    // e = -1.5, -0.5, 0.5, 1.5; S = -1.5, -2, -1.5, 0; sum(S^2) = 8.5; mean(e^2) = 1.25.
    const result = kpss(new Float64Array([1, 2, 3, 4]), { lags: 0 });
    expect(result.statistic).toBeCloseTo(8.5 / (16 * 1.25), 14);
    expect(result.lags).toBe(0);
  });

  test("kpss of a wiggling line rejects level stationarity and accepts trend stationarity", () => {
    const line = Float64Array.from({ length: 100 }, (_, t) => t + (t % 2));
    expect(kpss(line).pValue).toBe(0.01);
    expect(kpss(line, { null: "trend" }).pValue).toBe(0.1);
  });

  test("kpss of a constant series is NaN, zero over zero", () => {
    const result = kpss(new Float64Array(20).fill(4));
    expect(result.statistic).toBeNaN();
    expect(result.pValue).toBeNaN();
  });

  test("kpss is invariant to shifting and scaling y, and its p-value lies in [0.01, 0.1]", () => {
    const series = fc.array(
      fc.integer({ min: -1000, max: 1000 }).map((v) => v / 10),
      { minLength: 5, maxLength: 60 },
    );
    fc.assert(
      fc.property(
        series,
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (values, scale, shift) => {
          const y = Float64Array.from(values);
          const base = kpss(y, { null: "trend" });
          fc.pre(Number.isFinite(base.statistic) && base.statistic > 1e-9);
          const moved = kpss(
            y.map((v) => shift + scale * v),
            { null: "trend" },
          );
          expect(relativeDifference(moved.statistic, base.statistic)).toBeLessThan(1e-6);
          expect(base.pValue).toBeGreaterThanOrEqual(0.01);
          expect(base.pValue).toBeLessThanOrEqual(0.1);
        },
      ),
    );
  });

  test("kpss rejects bad input naming the parameter", () => {
    const y = Float64Array.from({ length: 20 }, (_, t) => t % 3);
    expect(() => kpss([1, 2, 3] as unknown as Float64Array)).toThrow(/y must be a Float64Array/);
    expect(() => kpss(new Float64Array([1]))).toThrow(/y must hold at least 2 observations/);
    expect(() => kpss(new Float64Array([1, Number.NaN, 3]))).toThrow(/y\[1\] is NaN/);
    expect(() => kpss(y, { lags: -1 })).toThrow(/options.lags must be/);
    expect(() => kpss(y, { lags: 1.5 })).toThrow(/options.lags must be/);
    expect(() => kpss(y, { null: "drift" as "level" })).toThrow(/options.null must be "level" or "trend"/);
  });
});
