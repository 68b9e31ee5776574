import { describe, expect, test } from "vitest";
import { NelderMeadSearch } from "./nelder-mead-search.js";

const rosenbrock = (x: Float64Array): number => {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) sum += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return sum;
};
const lower = new Array<number>(6).fill(-5);
const upper = new Array<number>(6).fill(5);
const start = [-1.2, 1, -1.2, 1, 0.5, 0.5];

describe("new NelderMeadSearch(f, x0, lower, upper)", () => {
  test("paused and resumed, visits the same points as one uninterrupted run", () => {
    const visited = (budgets: number[]): number[] => {
      const trace: number[] = [];
      const search = new NelderMeadSearch(
        (x) => {
          trace.push(...x);
          return rosenbrock(x);
        },
        start,
        lower,
        upper,
        { step: 0.3 },
      );
      for (const budget of budgets) search.advance(budget);
      return [...trace, search.bestValue, search.evaluations];
    };
    const once = visited([600]);
    expect(visited([37, 200, 201, 600])).toEqual(once);
    expect(once.at(-1)).toBeGreaterThanOrEqual(600);
  });

  test("advance returns true once converged, and stays converged without spending more", () => {
    const search = new NelderMeadSearch((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0], [-5, -5], [5, 5]);
    expect(search.advance(1000)).toBe(true);
    const spent = search.evaluations;
    expect(search.advance(2000)).toBe(true);
    expect(search.evaluations).toBe(spent);
    expect(search.best[0]).toBeCloseTo(1, 3);
    expect(search.best[1]).toBeCloseTo(-2, 3);
  });

  test("advance returns false when the budget runs out first", () => {
    const search = new NelderMeadSearch(rosenbrock, start, lower, upper);
    expect(search.advance(50)).toBe(false);
    expect(search.evaluations).toBeGreaterThanOrEqual(50);
    expect(search.evaluations).toBeLessThan(50 + 2 * start.length);
  });

  test("restart rebuilds the simplex around the best point and never loses it", () => {
    const search = new NelderMeadSearch(rosenbrock, start, lower, upper);
    search.advance(300);
    const before = search.bestValue;
    search.restart(0.5);
    expect(search.bestValue).toBeLessThanOrEqual(before);
    search.advance(2000);
    expect(search.bestValue).toBeLessThanOrEqual(before);
  });

  test("a known startValue saves the first evaluation but counts it, so the search goes the same way", () => {
    const run = (startValue?: number) => {
      const trace: number[] = [];
      const search = new NelderMeadSearch(
        (x) => {
          trace.push(...x);
          return rosenbrock(x);
        },
        start,
        lower,
        upper,
        { step: 0.3, startValue },
      );
      search.advance(300);
      return { trace, best: [...search.best], evaluations: search.evaluations };
    };
    const plain = run();
    const known = run(rosenbrock(Float64Array.from(start)));
    expect(known.trace).toEqual(plain.trace.slice(start.length));
    expect(known.best).toEqual(plain.best);
    expect(known.evaluations).toBe(plain.evaluations);
    // Outside the box the start is clamped, and the value given for it does not apply.
    const outside = new NelderMeadSearch((x) => x[0] ** 2, [9], [-1], [1], { startValue: -100 });
    expect(outside.bestValue).toBeGreaterThanOrEqual(0);
  });

  test("rejects an empty start, bounds of another length, NaN and crossed bounds, naming the parameter", () => {
    const f = (x: Float64Array) => x[0];
    expect(() => new NelderMeadSearch(f, [], [], [])).toThrow(/x0/);
    expect(() => new NelderMeadSearch(f, [0, 0], [0], [1, 1])).toThrow(/lower and upper/);
    expect(() => new NelderMeadSearch(f, [Number.NaN], [0], [1])).toThrow(/coordinate 0/);
    expect(() => new NelderMeadSearch(f, [0.5], [1], [0])).toThrow(/coordinate 0/);
  });
});
