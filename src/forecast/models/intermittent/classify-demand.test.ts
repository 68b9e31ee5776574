import { describe, expect, test } from "vitest";
import { classifyDemand } from "./classify-demand.js";
import { isIntermittent } from "./is-intermittent.js";

describe("classifyDemand(y)", () => {
  test("measures ADI from the start of the series and CV² of the sizes with the sample variance", () => {
    const result = classifyDemand(new Float64Array([0, 0, 5, 0, 0, 5, 0, 6]));
    expect(result.adi).toBeCloseTo(8 / 3, 12);
    expect(result.cv2).toBeCloseTo(1 / 3 / (16 / 3) ** 2, 12);
    expect(result.class).toBe("intermittent");
    expect(result.demands).toBe(3);
    expect(result.zeroShare).toBe(5 / 8);
  });

  test("sorts the four classes by the cut-offs ADI 1.32 and CV² 0.49", () => {
    expect(classifyDemand(new Float64Array([5, 6, 5, 4, 5, 6])).class).toBe("smooth");
    expect(classifyDemand(new Float64Array([1, 20, 2, 30, 1, 1])).class).toBe("erratic");
    expect(classifyDemand(new Float64Array([0, 5, 0, 6, 0, 5])).class).toBe("intermittent");
    expect(classifyDemand(new Float64Array([0, 1, 0, 30, 0, 2])).class).toBe("lumpy");
    // ADI exactly at a cut-off counts as above it: 4 periods, 3 demands is 1.33; 33 over 25 is 1.32.
    const atCutoff = new Float64Array(33).fill(1);
    for (let t = 0; t < 8; t++) atCutoff[t * 4] = 0;
    expect(classifyDemand(atCutoff).adi).toBeCloseTo(1.32, 12);
    expect(classifyDemand(atCutoff).class).toBe("intermittent");
  });

  test("calls a series without demand intermittent, with infinite ADI and no NaN", () => {
    const result = classifyDemand(new Float64Array(10));
    expect(result).toEqual({
      adi: Number.POSITIVE_INFINITY,
      cv2: 0,
      class: "intermittent",
      demands: 0,
      zeroShare: 1,
    });
    expect(classifyDemand(new Float64Array([0, 0, 7])).cv2).toBe(0);
  });

  test("rejects negative, non-finite and empty input, naming it", () => {
    expect(() => classifyDemand(new Float64Array([1, -3]))).toThrow(/y\[1\] is -3/);
    expect(() => classifyDemand(new Float64Array([1, Number.NaN]))).toThrow(/y\[1\] is NaN/);
    expect(() => classifyDemand(new Float64Array(0))).toThrow(/y must hold/);
  });
});

describe("isIntermittent(y)", () => {
  test("holds for ADI >= 1.32 or more than a quarter of zeros, trailing ones included", () => {
    expect(isIntermittent(new Float64Array([0, 3, 0, 0, 1, 0]))).toBe(true);
    expect(isIntermittent(new Float64Array([4, 5, 6, 5, 4, 5, 6, 5]))).toBe(false);
    // ADI 1 (no zero before the last demand), but 3 zeros of 8 at the end: the demand stopped.
    expect(isIntermittent(new Float64Array([4, 5, 6, 5, 4, 0, 0, 0]))).toBe(true);
    // 2 zeros of 8 is a quarter exactly: not more than it, and ADI 7 / 6 < 1.32.
    expect(isIntermittent(new Float64Array([4, 5, 0, 5, 4, 5, 6, 0]))).toBe(false);
    expect(isIntermittent(new Float64Array(6))).toBe(true);
  });

  test("is false for a series that goes negative (not demand) and throws on a non-finite value", () => {
    expect(isIntermittent(new Float64Array([0, 0, -1, 0, 0, 2]))).toBe(false);
    expect(() => isIntermittent(new Float64Array([0, Number.POSITIVE_INFINITY]))).toThrow(
      /y\[1\] is Infinity/,
    );
  });
});
