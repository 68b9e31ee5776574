import { describe, expect, test } from "vitest";
import { poolWeights } from "./pool-weights.js";

// Two members over 4 origins of horizon 1 on y = 10, 10, 10, 10 (origins 0..3): a errs by +-1, b by +-2,
// independently (the signs make the cross-products cancel), so the optimal weights are 0.8 and 0.2.
const y = Float64Array.of(10, 10, 10, 10);
const origins = [0, 1, 2, 3];
const a = Float64Array.of(9, 11, 9, 11);
const b = Float64Array.of(8, 8, 12, 12);

describe("poolWeights", () => {
  test("poolWeights(members, ...) with no shrinkage is the optimal combination of independent errors", () => {
    const w = poolWeights([a, b], y, origins, 1, 0, null, 0);
    expect(w[0]).toBeCloseTo(0.8, 9);
    expect(w[1]).toBeCloseTo(0.2, 9);
  });

  test("poolWeights(members, ...) mixes in equal weights by the shrinkage", () => {
    const w = poolWeights([a, b], y, origins, 1, 0, null, 0.5);
    expect(w[0]).toBeCloseTo(0.65, 9);
    expect(w[1]).toBeCloseTo(0.35, 9);
    expect(Array.from(poolWeights([a, b], y, origins, 1, 0, null, 1))).toEqual([0.5, 0.5]);
  });

  test("poolWeights(members, ..., shrinkage, target) mixes in the target weights instead of equal ones", () => {
    const w = poolWeights([a, b], y, origins, 1, 0, null, 0.5, Float64Array.of(0.25, 0.75));
    expect(w[0]).toBeCloseTo(0.5 * 0.8 + 0.5 * 0.25, 9);
    expect(w[1]).toBeCloseTo(0.5 * 0.2 + 0.5 * 0.75, 9);
    expect(Array.from(poolWeights([a, b], y, origins, 1, 0, null, 1, Float64Array.of(0.25, 0.75)))).toEqual([
      0.25, 0.75,
    ]);
  });

  test("poolWeights(members, ...) rejects a target of the wrong length, a negative or NaN weight, or a sum other than 1", () => {
    expect(() => poolWeights([a, b], y, origins, 1, 0, null, 0.5, Float64Array.of(1))).toThrow(
      "target: 1 weights for 2 members",
    );
    expect(() => poolWeights([a, b], y, origins, 1, 0, null, 0.5, Float64Array.of(1.5, -0.5))).toThrow(
      "target[1]: -0.5 is not a weight >= 0",
    );
    expect(() => poolWeights([a, b], y, origins, 1, 0, null, 0.5, Float64Array.of(Number.NaN, 1))).toThrow(
      "target[0]: NaN is not a weight >= 0",
    );
    expect(() => poolWeights([a, b], y, origins, 1, 0, null, 0.5, Float64Array.of(0.5, 0.6))).toThrow(
      "target: the weights sum to 1.1, not 1",
    );
  });

  test("poolWeights(members, ...) counts only the origins from `from` on", () => {
    // c errs by 2, 2, -1, -1, uncorrelated with a: over every origin its squares sum to 10 against a's 4
    // (weights 10/14 and 4/14); from origin 2 on both sum to 2 and the weights are equal.
    const c = Float64Array.of(8, 8, 11, 11);
    const all = poolWeights([a, c], y, origins, 1, 0, null, 0);
    expect(all[0]).toBeCloseTo(10 / 14, 9);
    const late = poolWeights([a, c], y, origins, 1, 2, null, 0);
    expect(late[0]).toBeCloseTo(0.5, 9);
    // A member without error from there on takes all the weight (to the ridge's 1e-9).
    const exact = poolWeights([a, Float64Array.of(0, 0, 10, 10)], y, origins, 1, 2, null, 0);
    expect(exact[1]).toBeCloseTo(1, 8);
  });

  test("poolWeights(members, ...) divides each origin's errors by its scale", () => {
    // d errs by 10, 10, -1, 1. Unscaled: G = [4, -2; -2, 202], weight (4 + 2) / (4 + 202 + 4) on d. Divided
    // by scales 10, 10, 1, 1: G = [2.02, -2; -2, 4], weight 4.02 / 10.02.
    const d = Float64Array.of(0, 0, 11, 9);
    const unscaled = poolWeights([a, d], y, origins, 1, 0, null, 0);
    expect(unscaled[1]).toBeCloseTo(6 / 210, 9);
    const scaled = poolWeights([a, d], y, origins, 1, 0, Float64Array.of(10, 10, 1, 1), 0);
    expect(scaled[1]).toBeCloseTo(4.02 / 10.02, 9);
  });

  test("poolWeights(members, ...) rejects a shrinkage outside [0, 1] and forecasts of the wrong length", () => {
    expect(() => poolWeights([a, b], y, origins, 1, 0, null, -0.1)).toThrow(
      "shrinkage: -0.1 is not in [0, 1]",
    );
    expect(() => poolWeights([a, b.subarray(1)], y, origins, 1, 0, null, 0)).toThrow(
      "members[1]: 3 forecasts for 4 origins x 1",
    );
  });
});
