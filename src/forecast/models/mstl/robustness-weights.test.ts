import { describe, expect, test } from "vitest";
import { robustnessWeightsInto } from "./robustness-weights.js";

describe("robustnessWeightsInto(y, fit, n, weights, sorted)", () => {
  test("weighs each point by the bisquare of its remainder over six median remainders", () => {
    const y = new Float64Array([1, 2, 3, 4, 50]);
    const fit = new Float64Array([1, 1, 1, 1, 1]);
    const weights = new Float64Array(5);
    robustnessWeightsInto(y, fit, 5, weights, new Float64Array(5));
    // |R| = 0, 1, 2, 3, 49: median 2, h = 12.
    expect(weights[0]).toBe(1);
    expect(weights[1]).toBeCloseTo((1 - (1 / 12) ** 2) ** 2, 14);
    expect(weights[3]).toBeCloseTo((1 - (3 / 12) ** 2) ** 2, 14);
    expect(weights[4]).toBe(0);
  });

  test("takes the mean of the two middle remainders for an even count", () => {
    const y = new Float64Array([0, 1, 3, 10]);
    const weights = new Float64Array(4);
    robustnessWeightsInto(y, new Float64Array(4), 4, weights, new Float64Array(4));
    // Median of 0, 1, 3, 10 is 2: h = 12.
    expect(weights[2]).toBeCloseTo((1 - (3 / 12) ** 2) ** 2, 14);
    expect(weights[3]).toBeCloseTo((1 - (10 / 12) ** 2) ** 2, 14);
  });
});
