import { describe, expect, test } from "vitest";
import { normalIntervals } from "./normal-intervals.js";

describe("normalIntervals(mean, sd, levels)", () => {
  test("puts the bounds z standard deviations either side of the mean, one pair per level", () => {
    const { lower, upper } = normalIntervals(new Float64Array([10, 20]), new Float64Array([1, 2]), [80, 95]);
    expect(lower[0][0]).toBeCloseTo(10 - 1.2815515655446004, 12);
    expect(upper[1][1]).toBeCloseTo(20 + 2 * 1.959963984540054, 12);
    expect(lower).toHaveLength(2);
  });

  test("gives NaN bounds for a NaN standard deviation and no arrays for no levels", () => {
    const { lower, upper } = normalIntervals(new Float64Array([1]), new Float64Array([Number.NaN]), [50]);
    expect(lower[0][0]).toBeNaN();
    expect(upper[0][0]).toBeNaN();
    expect(normalIntervals(new Float64Array([1]), new Float64Array([1]), []).lower).toEqual([]);
  });
});
