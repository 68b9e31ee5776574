import { describe, expect, test } from "vitest";
import { coverage } from "./coverage.js";
import { coverageCount } from "./coverage-count.js";

describe("coverageCount(metric, actual, lower, upper)", () => {
  test("counts the complete points and those inside their bounds, bounds inclusive", () => {
    expect(coverageCount("coverage", [5, 12, 8, 4], [4, 4, 4, 4], [10, 10, 10, 10])).toEqual({
      inside: 3,
      points: 4,
    });
  });

  test("skips points where the actual or a bound is NaN", () => {
    const counts = coverageCount(
      "coverage",
      [5, Number.NaN, 5, 5],
      [4, 4, Number.NaN, 6],
      [6, 6, 6, Number.NaN],
    );
    expect(counts).toEqual({ inside: 1, points: 1 });
  });

  test("pooled over windows, the counts give the coverage of the windows put together", () => {
    const a = coverageCount("coverage", [1, 5], [0, 0], [2, 2]);
    const b = coverageCount("coverage", [1, 1, 9], [0, 0, 0], [2, 2, 2]);
    expect((a.inside + b.inside) / (a.points + b.points)).toBe(
      coverage([1, 5, 1, 1, 9], [0, 0, 0, 0, 0], [2, 2, 2, 2, 2]),
    );
  });

  test("throws under the given metric's name for bounds out of order and lengths that differ", () => {
    expect(() => coverageCount("backtest", [1, 2], [0, 5], [3, 3])).toThrow(
      "backtest: lower[1] = 5 is above upper[1] = 3",
    );
    expect(() => coverageCount("backtest", [1, 2], [0], [3, 3])).toThrow(
      "backtest: actual has 2 values but lower has 1",
    );
  });
});
