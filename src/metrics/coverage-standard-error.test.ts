import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { coverageStandardError } from "./coverage-standard-error.js";

// Windows of 1 to 30 points, each with some of them inside.
const windows = fc.array(
  fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
  { minLength: 2, maxLength: 40 },
);

describe("coverageStandardError(inside, points)", () => {
  test("is the cluster-robust standard error of the pooled coverage, by hand", () => {
    // p = 0.5; squares (10 - 5)^2 + (0 - 5)^2 = 50; sqrt(2 * 50) / 20 = 0.5.
    expect(coverageStandardError([10, 0], [10, 10])).toBeCloseTo(0.5, 12);
    // p = 12 / 20 = 0.6; squares (9 - 6)^2 + (3 - 6)^2 = 18; sqrt(2 * 18) / 20 = 0.3.
    expect(coverageStandardError(Float64Array.of(9, 3), Float64Array.of(10, 10))).toBeCloseTo(0.3, 12);
  });

  test("weighs windows by their points: p = 15 / 20 over windows of 10, 5 and 5", () => {
    // p = 0.75; squares (10 - 7.5)^2 + (5 - 3.75)^2 + (0 - 3.75)^2 = 21.875; sqrt(1.5 * 21.875) / 20.
    expect(coverageStandardError([10, 5, 0], [10, 5, 5])).toBeCloseTo(Math.sqrt(1.5 * 21.875) / 20, 12);
  });

  test("is 0 when every window covers the same share", () => {
    expect(coverageStandardError([8, 8, 8], [10, 10, 10])).toBe(0);
    expect(coverageStandardError([4, 8], [5, 10])).toBe(0);
  });

  test("skips windows with no points or a NaN count, and is NaN with fewer than two windows", () => {
    expect(coverageStandardError([10, Number.NaN, 0, 0], [10, 10, 10, 0])).toBeCloseTo(0.5, 12);
    expect(coverageStandardError([3], [4])).toBeNaN();
    expect(coverageStandardError([], [])).toBeNaN();
  });

  test("throws naming the window with more points inside than it has, and lengths that differ", () => {
    expect(() => coverageStandardError([3, 5], [4, 4])).toThrow(
      "coverageStandardError: inside[1] = 5 is not between 0 and points[1] = 4",
    );
    expect(() => coverageStandardError([1, 2], [4])).toThrow(
      "coverageStandardError: inside has 2 values but points has 1",
    );
  });

  test("does not depend on the windows' order", () => {
    fc.assert(
      fc.property(windows, (ws) => {
        const forward = coverageStandardError(
          ws.map(([i]) => i),
          ws.map(([, n]) => n),
        );
        const reversed = [...ws].reverse();
        const backward = coverageStandardError(
          reversed.map(([i]) => i),
          reversed.map(([, n]) => n),
        );
        expect(backward).toBeCloseTo(forward, 12);
      }),
    );
  });

  test("is at most sqrt(C / (C - 1)) max(p, 1 - p): no window strays by more than all its points", () => {
    fc.assert(
      fc.property(windows, (ws) => {
        const inside = ws.map(([i]) => i);
        const points = ws.map(([, n]) => n);
        const p = inside.reduce((a, b) => a + b, 0) / points.reduce((a, b) => a + b, 0);
        const se = coverageStandardError(inside, points);
        expect(se).toBeGreaterThanOrEqual(0);
        expect(se).toBeLessThanOrEqual(Math.sqrt(ws.length / (ws.length - 1)) * Math.max(p, 1 - p) + 1e-12);
      }),
    );
  });
});
