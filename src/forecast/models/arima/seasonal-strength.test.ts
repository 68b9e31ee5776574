import { describe, expect, test } from "vitest";
import { rUnitRootCases } from "./fixtures/unit-root-fixture.js";
import { seasonalStrength } from "./seasonal-strength.js";

describe("seasonalStrength(y, period)", () => {
  const withStrength = rUnitRootCases.filter((rCase) => rCase.seasonalStrength !== undefined);

  test.each(withStrength.map((rCase) => [rCase.series, rCase.period, rCase] as const))(
    "seasonalStrength of %s at period %i matches forecast:::seas.heuristic",
    (_, period, rCase) => {
      const strength = seasonalStrength(Float64Array.from(rCase.y), period);
      expect(strength).toBeCloseTo(rCase.seasonalStrength as number, 12);
    },
  );

  test("seasonalStrength of a sine with little noise is near 1, and of a line with no season near 0", () => {
    const sine = Float64Array.from(
      { length: 96 },
      (_, t) => 5 * Math.sin((2 * Math.PI * t) / 12) + (t % 5) / 10,
    );
    expect(seasonalStrength(sine, 12)).toBeGreaterThan(0.95);
    const jagged = Float64Array.from({ length: 96 }, (_, t) => t / 10 + Math.sin(t * t));
    expect(seasonalStrength(jagged, 12)).toBeLessThan(0.5);
  });

  test("seasonalStrength lies in [0, 1]", () => {
    for (let seed = 1; seed <= 5; seed++) {
      const y = Float64Array.from({ length: 40 }, (_, t) => Math.sin(seed * t * t) + (t % 4) * (seed - 3));
      const strength = seasonalStrength(y, 4);
      expect(strength).toBeGreaterThanOrEqual(0);
      expect(strength).toBeLessThanOrEqual(1);
    }
  });

  test("seasonalStrength rejects bad input naming the parameter", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => t % 4);
    expect(() => seasonalStrength(y, 1)).toThrow(/period must be an integer >= 2/);
    expect(() => seasonalStrength(y, 2.5)).toThrow(/period must be an integer >= 2/);
    expect(() => seasonalStrength(y, 15)).toThrow(/y must span more than two periods/);
    expect(() => seasonalStrength(new Float64Array([1, Number.NaN, 3, 4, 5]), 2)).toThrow(/y\[1\] is NaN/);
  });
});
