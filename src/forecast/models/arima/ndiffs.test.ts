import { describe, expect, test } from "vitest";
import { rUnitRootCases } from "./fixtures/unit-root-fixture.js";
import { ndiffs } from "./ndiffs.js";

/** A reproducible standard-normal-like sequence (sum of 12 uniforms from a linear congruential generator). */
function noise(length: number, seed: number): Float64Array {
  let state = seed;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Float64Array.from({ length }, () => {
    let sum = -6;
    for (let i = 0; i < 12; i++) sum += uniform();
    return sum;
  });
}

function cumulativeSum(values: Float64Array): Float64Array {
  const sums = new Float64Array(values.length);
  let sum = 0;
  for (let t = 0; t < values.length; t++) sums[t] = sum += values[t];
  return sums;
}

describe("ndiffs(y, options)", () => {
  test.each(rUnitRootCases.map((rCase) => [rCase.series, rCase] as const))(
    "ndiffs of %s matches forecast::ndiffs (default, alpha 0.1, trend, max.d 1)",
    (_, rCase) => {
      const y = Float64Array.from(rCase.y);
      expect(ndiffs(y)).toBe(rCase.ndiffs);
      expect(ndiffs(y, { alpha: 0.1 })).toBe(rCase.ndiffsAlpha10);
      expect(ndiffs(y, { type: "trend" })).toBe(rCase.ndiffsTrend);
      expect(ndiffs(y, { maxD: 1 })).toBe(rCase.ndiffsMax1);
    },
  );

  test("ndiffs of white noise is 0, of its random walk 1, of the walk's sum 2", () => {
    const shocks = noise(300, 42);
    expect(ndiffs(shocks)).toBe(0);
    expect(ndiffs(cumulativeSum(shocks))).toBe(1);
    expect(ndiffs(cumulativeSum(cumulativeSum(shocks)))).toBe(2);
  });

  test("ndiffs stops at maxD", () => {
    const twice = cumulativeSum(cumulativeSum(noise(300, 7)));
    expect(ndiffs(twice, { maxD: 1 })).toBe(1);
    expect(ndiffs(twice, { maxD: 0 })).toBe(0);
  });

  test("ndiffs of a constant is 0, and of a line 1, since its difference is constant", () => {
    expect(ndiffs(new Float64Array(40).fill(3))).toBe(0);
    expect(ndiffs(new Float64Array([5]))).toBe(0);
    expect(ndiffs(Float64Array.from({ length: 40 }, (_, t) => 2 - 0.5 * t))).toBe(1);
  });

  test("ndiffs of very short series", () => {
    expect(ndiffs(new Float64Array([1, 2]))).toBe(0);
    expect(ndiffs(new Float64Array([1, 4, 2]))).toBe(0);
  });

  test("ndiffs leaves y unchanged", () => {
    const y = cumulativeSum(noise(100, 3));
    const copy = y.slice();
    ndiffs(y);
    expect(y).toEqual(copy);
  });

  test("ndiffs rejects bad input naming the parameter", () => {
    const y = noise(50, 1);
    expect(() => ndiffs([1, 2, 3] as unknown as Float64Array)).toThrow(/y must be a Float64Array/);
    expect(() => ndiffs(new Float64Array(0))).toThrow(/y must hold at least one observation/);
    expect(() => ndiffs(new Float64Array([1, Number.NaN, 2]))).toThrow(/y\[1\] is NaN/);
    expect(() => ndiffs(new Float64Array([1, Number.POSITIVE_INFINITY]))).toThrow(/y\[1\] is Infinity/);
    expect(() => ndiffs(y, { alpha: 0.2 })).toThrow(/options.alpha must lie in \[0.01, 0.1\]/);
    expect(() => ndiffs(y, { alpha: 0.001 })).toThrow(/options.alpha/);
    expect(() => ndiffs(y, { alpha: Number.NaN })).toThrow(/options.alpha/);
    expect(() => ndiffs(y, { maxD: -1 })).toThrow(/options.maxD must be an integer >= 0/);
    expect(() => ndiffs(y, { maxD: 1.5 })).toThrow(/options.maxD/);
    expect(() => ndiffs(y, { test: "adf" as "kpss" })).toThrow(/options.test must be "kpss"/);
    expect(() => ndiffs(y, { type: "drift" as "level" })).toThrow(/options.type must be "level" or "trend"/);
  });
});
