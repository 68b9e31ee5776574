import { describe, expect, test } from "vitest";
import { minimizeBounded } from "./minimize-bounded.js";

describe("minimizeBounded(f, lower, upper)", () => {
  test("finds the vertex of a parabola inside the bounds", () => {
    const { x, fx } = minimizeBounded((x) => (x - 0.3) ** 2 + 2, 0, 1);
    expect(x).toBeCloseTo(0.3, 5);
    expect(fx).toBeCloseTo(2, 10);
  });

  test("stops at the bound when the function keeps falling", () => {
    expect(minimizeBounded((x) => -x, 0.1, 0.99).x).toBeCloseTo(0.99, 5);
    expect(minimizeBounded((x) => x, 0.1, 0.99).x).toBeCloseTo(0.1, 5);
  });

  test("refines a minimum just inside a bound", () => {
    expect(minimizeBounded((x) => (x - 0.1005) ** 2, 0.1, 0.99).x).toBeCloseTo(0.1005, 5);
    expect(minimizeBounded((x) => (x - 0.9891) ** 2, 0.1, 0.99).x).toBeCloseTo(0.9891, 5);
  });

  test("never evaluates outside the bounds", () => {
    const seen: number[] = [];
    minimizeBounded(
      (x) => {
        seen.push(x);
        return Math.cos(9 * x);
      },
      0.2,
      0.7,
    );
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...seen)).toBeLessThanOrEqual(0.7);
  });

  test("finds an interior minimum next to a local minimum at the bound", () => {
    // The shape of the SES sum of squares of the nottem series: a local minimum at the lower bound.
    const f = (x: number) => (x < 0.005 ? 1351.5 + 600 * x : 1349.6 + 2000 * (x - 0.0285) ** 2);
    expect(minimizeBounded(f, 1e-4, 0.9999).x).toBeCloseTo(0.0285, 4);
  });

  test("the grid keeps it out of a shallow local minimum", () => {
    // Local minimum near 0.1 (value 0.5), global near 0.8 (value 0).
    const f = (x: number) => Math.min(0.5 + (x - 0.1) ** 2, 40 * (x - 0.8) ** 2);
    expect(minimizeBounded(f, 0, 1).x).toBeCloseTo(0.8, 4);
  });

  test("treats NaN as worse than any number", () => {
    const { x } = minimizeBounded((x) => (x < 0.5 ? Number.NaN : (x - 0.6) ** 2), 0, 1);
    expect(x).toBeCloseTo(0.6, 5);
  });
});
