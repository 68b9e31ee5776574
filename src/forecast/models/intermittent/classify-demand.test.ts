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

  test("isIntermittent(y, period) leaves out zeros that come with the season", () => {
    // Zero every night (phases 0-1 of 4), busy every day: the nights' zeros are seasonal.
    const nights = new Float64Array(40);
    for (let t = 0; t < 40; t++) nights[t] = t % 4 < 2 ? 0 : 5 + (t % 3);
    expect(isIntermittent(nights)).toBe(true);
    expect(isIntermittent(nights, 4)).toBe(false);
    // The same with a third of the day's periods also 0 at random-looking times: intermittent on the days.
    const sparseDays = nights.slice();
    for (const t of [2, 7, 11, 14, 19, 22, 27, 30, 35, 38]) sparseDays[t] = 0;
    expect(isIntermittent(sparseDays, 4)).toBe(true);
  });

  test("isIntermittent(y, period) judges a series without a usually busy phase, or under two periods, on every value", () => {
    const rare = new Float64Array(48);
    rare[5] = 3;
    rare[30] = 1;
    expect(isIntermittent(rare, 24)).toBe(true);
    // 6 points are fewer than two periods of 4: the zeros count as in isIntermittent(y).
    expect(isIntermittent(new Float64Array([0, 3, 0, 0, 1, 0]), 4)).toBe(true);
    expect(isIntermittent(new Float64Array([0, 3, 0, 4, 0, 3, 0, 5]), 2)).toBe(false);
  });

  test("isIntermittent(y, period) rejects a period that is not a positive integer", () => {
    expect(() => isIntermittent(new Float64Array([1, 2]), 0)).toThrow(/period: 0/);
    expect(() => isIntermittent(new Float64Array([1, 2]), 1.5)).toThrow(/period: 1.5/);
  });

  test("is false for a series that goes negative (not demand) and throws on a non-finite value", () => {
    expect(isIntermittent(new Float64Array([0, 0, -1, 0, 0, 2]))).toBe(false);
    expect(() => isIntermittent(new Float64Array([0, Number.POSITIVE_INFINITY]))).toThrow(
      /y\[1\] is Infinity/,
    );
  });
});
