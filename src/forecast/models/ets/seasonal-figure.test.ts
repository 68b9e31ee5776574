import { describe, expect, test } from "vitest";
import { seasonalFigure } from "./seasonal-figure.js";

describe("seasonalFigure(y, period, multiplicative)", () => {
  test("recovers an exact additive pattern on a linear trend, for even and odd periods", () => {
    for (const pattern of [
      [4, -1, -3],
      [6, -2, 1, -5],
    ]) {
      const m = pattern.length;
      const y = Float64Array.from({ length: 5 * m }, (_, t) => 20 + 0.7 * t + pattern[t % m]);
      const figure = seasonalFigure(y, m, false);
      pattern.forEach((value, j) => {
        expect(figure[j]).toBeCloseTo(value, 10);
      });
    }
  });

  test("recovers an exact multiplicative pattern on a constant level, averaging to 1", () => {
    const pattern = [1.2, 0.8, 1.1, 0.9];
    const y = Float64Array.from({ length: 24 }, (_, t) => 50 * pattern[t % 4]);
    const figure = seasonalFigure(y, 4, true);
    pattern.forEach((value, j) => {
      expect(figure[j]).toBeCloseTo(value, 10);
    });
  });

  test("needs two full periods and an integer period >= 2", () => {
    expect(() => seasonalFigure(new Float64Array(7), 4, false)).toThrow(/two full periods/);
    expect(() => seasonalFigure(new Float64Array(8), 1, false)).toThrow(/period/);
    expect(() => seasonalFigure(new Float64Array(8), 2.5, false)).toThrow(/period/);
  });
});
