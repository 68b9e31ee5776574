import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { stl } from "./stl.js";
import type { StlOptions } from "./stl-options.js";

interface RStlCase {
  series: string;
  period: number;
  options: Record<string, number | string | boolean>;
  y: number[];
  seasonal: number[];
  trend: number[];
  weights: number[];
}

const fixture = JSON.parse(readFileSync(new URL("./fixtures/stl.json", import.meta.url), "utf8"));
const rCases: RStlCase[] = fixture.stl;

/** R's stl() arguments in this module's terms. */
function optionsOf(rCase: RStlCase): StlOptions {
  const { options } = rCase;
  return {
    period: rCase.period,
    seasonalWindow: options["s.window"] as number | "periodic",
    seasonalDegree: options["s.degree"] as 0 | 1 | undefined,
    trendWindow: options["t.window"] as number | undefined,
    trendJump: options["t.jump"] as number | undefined,
    robust: options.robust as boolean | undefined,
    outerIterations: options.outer as number | undefined,
  };
}

function maxAbsDifference(actual: Float64Array, expected: number[]): number {
  let max = 0;
  for (let t = 0; t < expected.length; t++) max = Math.max(max, Math.abs(actual[t] - expected[t]));
  return max;
}

describe("stl(y, options)", () => {
  test.each(rCases.map((rCase) => [rCase.series, JSON.stringify(rCase.options), rCase] as const))(
    "stl of %s with R's %s matches R's stl()",
    (_, __, rCase) => {
      const result = stl(Float64Array.from(rCase.y), optionsOf(rCase));
      expect(maxAbsDifference(result.seasonal, rCase.seasonal)).toBeLessThan(1e-9);
      expect(maxAbsDifference(result.trend, rCase.trend)).toBeLessThan(1e-9);
      expect(maxAbsDifference(result.weights, rCase.weights)).toBeLessThan(1e-9);
    },
  );

  test("stl of a pure sine plus a line recovers both closely", () => {
    const n = 12 * 20;
    const sine = (t: number) => 3 * Math.sin((2 * Math.PI * t) / 12);
    const y = Float64Array.from({ length: n }, (_, t) => 10 + 0.2 * t + sine(t));
    const { seasonal, trend, remainder } = stl(y, { period: 12 });
    for (let t = 0; t < n; t++) {
      // Within 2% of the amplitude at the ends, where the smoothers extrapolate, and closer inside.
      expect(Math.abs(seasonal[t] - sine(t))).toBeLessThan(0.06);
      expect(Math.abs(trend[t] - (10 + 0.2 * t))).toBeLessThan(0.03);
      expect(seasonal[t] + trend[t] + remainder[t]).toBeCloseTo(y[t], 10);
    }
  });

  test("stl of a constant is the constant trend with no season", () => {
    const y = new Float64Array(50).fill(7);
    for (const options of [
      { period: 7 },
      { period: 7, robust: true },
      { period: 4, seasonalWindow: "periodic" as const },
    ]) {
      const { seasonal, trend, remainder } = stl(y, options);
      for (let t = 0; t < 50; t++) {
        expect(seasonal[t]).toBeCloseTo(0, 10);
        expect(trend[t]).toBeCloseTo(7, 10);
        expect(remainder[t]).toBeCloseTo(0, 10);
      }
    }
  });

  test("stl with robustness gives an outlier no weight and keeps it out of the components", () => {
    const y = Float64Array.from({ length: 96 }, (_, t) => t / 4 + 2 * Math.cos((2 * Math.PI * t) / 12));
    y[50] += 100;
    const robust = stl(y, { period: 12, robust: true });
    const plain = stl(y, { period: 12 });
    expect(robust.weights[50]).toBe(0);
    expect(Math.abs(robust.remainder[50] - 100)).toBeLessThan(1);
    expect(Math.abs(plain.remainder[50] - 100)).toBeGreaterThan(Math.abs(robust.remainder[50] - 100));
    expect([...plain.weights].every((weight) => weight === 1)).toBe(true);
  });

  test("stl with a periodic season repeats the same values every period", () => {
    const y = Float64Array.from({ length: 60 }, (_, t) => t + ((t * 7) % 5) + (t % 6));
    const { seasonal } = stl(y, { period: 6, seasonalWindow: "periodic" });
    for (let t = 6; t < 60; t++) expect(seasonal[t]).toBeCloseTo(seasonal[t - 6], 12);
  });

  test("stl rejects a series of two periods or less and non-finite values", () => {
    expect(() => stl(new Float64Array(24), { period: 12 })).toThrow(/y must span more than two periods/);
    expect(() => stl(new Float64Array([1, 2, Number.NaN, 4, 5]), { period: 2 })).toThrow(/y\[2\]/);
  });
});
