import { describe, expect, test } from "vitest";
import { minimizeBfgs } from "./bfgs.js";

describe("minimizeBfgs(f, x0)", () => {
  test("finds the centre of an elongated quadratic bowl", () => {
    const result = minimizeBfgs((x) => (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2, [0, 0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(-2, 4);
  });

  test("follows the Rosenbrock valley to (1, 1)", () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const result = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 500, relativeTolerance: 1e-12 });
    expect(result.x[0]).toBeCloseTo(1, 2);
    expect(result.x[1]).toBeCloseTo(1, 2);
  });

  test("an exact gradient replaces the finite differences: one evaluation per iteration and line step", () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const gradient = (x: Float64Array, out: Float64Array) => {
      out[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]);
      out[1] = 200 * (x[1] - x[0] ** 2);
    };
    const options = { maxIterations: 500, relativeTolerance: 1e-12, parscale: [2, 3] };
    const exact = minimizeBfgs(rosenbrock, [-1.2, 1], { ...options, gradient });
    const differences = minimizeBfgs(rosenbrock, [-1.2, 1], options);
    expect(exact.x[0]).toBeCloseTo(1, 3);
    expect(exact.x[1]).toBeCloseTo(1, 3);
    expect(exact.evaluations).toBeLessThan(differences.evaluations / 2);
    const broken = (_: Float64Array, out: Float64Array) => out.fill(Number.NaN);
    expect(() => minimizeBfgs(rosenbrock, [0, 0], { gradient: broken })).toThrow(
      /gradient of f in coordinate 0/,
    );
  });

  test("parscale lets coordinates of very different sizes converge together", () => {
    const f = (x: Float64Array) => ((x[0] - 5000) / 1000) ** 2 + (x[1] - 0.3) ** 2;
    const result = minimizeBfgs(f, [0, 0], { parscale: [1000, 1] });
    expect(result.x[0]).toBeCloseTo(5000, 0);
    expect(result.x[1]).toBeCloseTo(0.3, 4);
  });

  test("treats Infinity in the line search as a rejected step, and stops clearly at a wall", () => {
    // f is Infinity beyond 1.5: trial steps there are shrunk; a finite difference across it is an error,
    // as in R's optim
    const f = (x: Float64Array) => (x[0] >= 1.5 ? Number.POSITIVE_INFINITY : (x[0] - 1) ** 2);
    const inside = minimizeBfgs(f, [-3]);
    expect(inside.x[0]).toBeCloseTo(1, 4);
    expect(() =>
      minimizeBfgs((x) => (x[0] >= 1.5 ? Number.POSITIVE_INFINITY : (x[0] - 2) ** 2), [0]),
    ).toThrow(/finite difference of f in coordinate 0/);
  });

  test("refuses a start where f is not finite, and a parscale that is not positive", () => {
    expect(() => minimizeBfgs(() => Number.NaN, [0])).toThrow(/not finite at x0/);
    expect(() => minimizeBfgs((x) => x[0] ** 2, [0], { parscale: 0 })).toThrow(/parscale\[0\]/);
  });
});
