import { describe, expect, test } from "vitest";
import { imputeGaps } from "./impute-gaps.js";

const NaN_ = Number.NaN;

describe("imputeGaps(values, seasons)", () => {
  test("interpolates linearly without a season and carries the last value past the end", () => {
    const imputed = imputeGaps(Float64Array.of(1, NaN_, NaN_, 4, 5, NaN_), []);
    expect(Array.from(imputed.values)).toEqual([1, 2, 3, 4, 5, 5]);
    expect(imputed).toMatchObject({ leading: 0, imputed: 3, period: 1 });
  });

  test("drops the NaN values before the first observation", () => {
    const imputed = imputeGaps(Float64Array.of(NaN_, NaN_, 1, NaN_, 3), []);
    expect(Array.from(imputed.values)).toEqual([1, 2, 3]);
    expect(imputed).toMatchObject({ leading: 2, imputed: 1 });
  });

  test("interpolates between the neighbours at the same phase of the season", () => {
    // Period 3, a pattern 0, 10, 20 rising by 1 per cycle; t = 7 (phase 1) is missing and so is t = 4:
    // the nearest observations at its phase are t = 1 (11) and t = 10 (14): 11 + (7 - 1) / 9 * 3 = 13.
    const y = Float64Array.of(0, 11, 20, 1, NaN_, 21, 2, NaN_, 22, 3, 14, 23);
    const imputed = imputeGaps(y, [3]);
    expect(imputed.period).toBe(3);
    expect(imputed.values[7]).toBeCloseTo(13, 12);
    expect(imputed.values[4]).toBeCloseTo(12, 12);
    expect(imputed.imputed).toBe(2);
  });

  test("fills a gap at the end with the last value at the same phase: the seasonal naive", () => {
    const imputed = imputeGaps(Float64Array.of(1, 5, 9, 2, 6, 10, 3, NaN_, NaN_), [3]);
    expect(Array.from(imputed.values)).toEqual([1, 5, 9, 2, 6, 10, 3, 6, 10]);
  });

  test("interpolates along the longest season with two full periods of data", () => {
    expect(imputeGaps(new Float64Array(100), [4, 24, 168]).period).toBe(24);
    expect(imputeGaps(new Float64Array(7), [4, 24]).period).toBe(1);
  });

  test("falls back to linear interpolation when no observation shares the phase", () => {
    // Period 2: t = 3 and t = 5 (phase 1) are both missing and t = 1 is missing too.
    const imputed = imputeGaps(Float64Array.of(0, NaN_, 2, NaN_, 4, NaN_, 6), [2]);
    expect(Array.from(imputed.values)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  test("leaves a complete series as it is", () => {
    const y = Float64Array.of(3, 1, 2);
    const imputed = imputeGaps(y, [2]);
    expect(Array.from(imputed.values)).toEqual([3, 1, 2]);
    expect(imputed.imputed).toBe(0);
    expect(imputed.values).not.toBe(y);
  });

  test("throws on a series without an observation", () => {
    expect(() => imputeGaps(Float64Array.of(NaN_, NaN_, NaN_), [])).toThrow(
      "values: no observations (all 3 values are NaN)",
    );
  });
});
