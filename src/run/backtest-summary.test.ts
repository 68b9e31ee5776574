import { describe, expect, test } from "vitest";
import { summarizeBacktest } from "./backtest-summary.js";
import type { SeriesBacktest } from "./backtest-task.js";

/** A backtest of one model on one series: folds of 2 steps from `origins`, intervals ±1 around the mean. */
function run(model: string, values: Float64Array, origins: number[], mean: number[]) {
  const actual = Float64Array.from(origins.flatMap((o) => [values[o], values[o + 1]]));
  const means = Float64Array.from(mean);
  return {
    model,
    actual,
    mean: means,
    lower: [means.map((m) => m - 1)],
    upper: [means.map((m) => m + 1)],
    origins,
    descriptions: origins.map(() => model),
  };
}

// The naive scale (lag 1) of y[0, 4) = 0, 2, 0, 2 is 2, and of y[0, 6) = 0, 2, 0, 2, 0, 2 also 2.
const values = Float64Array.of(0, 2, 0, 2, 0, 2, 4, 4);
const origins = [4, 6];
const backtests: SeriesBacktest[] = [
  {
    values,
    models: [
      // Fold errors 0, 0 and 1, 1: fold MASE 0 and 0.5.
      run("good", values, origins, [0, 2, 5, 5]),
      // Fold errors 2, 2 and 2, 2: fold MASE 1 and 1.
      run("poor", values, origins, [2, 0, 2, 2]),
    ],
  },
];

describe("summarizeBacktest(backtests, levels, seasonPeriod)", () => {
  test("compares each model with the lowest MASE fold by fold; the best gets null", () => {
    const [good, poor] = summarizeBacktest(backtests, [80], 1);
    expect(good.mase).toBeCloseTo(0.25, 12);
    expect(poor.mase).toBeCloseTo(1, 12);
    expect(good.againstBest).toBeNull();
    // Differences 1 - 0 = 1 and 1 - 0.5 = 0.5: mean 0.75, sd 0.3536, standard error 0.25, t = 3.
    expect(poor.againstBest).toMatchObject({ model: "good", count: 2, aBetter: 0, bBetter: 2 });
    expect(poor.againstBest?.meanDifference).toBeCloseTo(0.75, 12);
    expect(poor.againstBest?.t).toBeCloseTo(3, 10);
  });

  test("gives each coverage's standard error with the folds as clusters", () => {
    const [good, poor] = summarizeBacktest(backtests, [80], 1);
    // good: fold 1 errors 0, 0 (both inside ±1), fold 2 errors 1, 1 (both on the bounds, inside): 4 of 4, no spread.
    expect(good.coverage["80"]).toBe(1);
    expect(good.coverageStandardError["80"]).toBe(0);
    // poor: errors 2 everywhere, outside ±1: 0 of 4.
    expect(poor.coverage["80"]).toBe(0);
    expect(poor.coverageStandardError["80"]).toBe(0);
    // Fold 1 inside, fold 2 outside: p = 0.5, sqrt(2 * ((2 - 1)^2 + (0 - 1)^2)) / 4 = 0.5.
    const [split] = summarizeBacktest(
      [{ values, models: [run("split", values, origins, [0, 2, 2, 2])] }],
      [80],
      1,
    );
    expect(split.coverage["80"]).toBe(0.5);
    expect(split.coverageStandardError["80"]).toBeCloseTo(0.5, 12);
  });

  test("gives no comparison when no model has a MASE", () => {
    const flat = Float64Array.of(5, 5, 5, 5, 5, 5, 5, 5);
    const [only] = summarizeBacktest(
      [{ values: flat, models: [run("flat", flat, origins, [5, 5, 5, 5])] }],
      [80],
      1,
    );
    expect(only.mase).toBeNaN();
    expect(only.againstBest).toBeNull();
  });
});
