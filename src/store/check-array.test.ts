import { describe, expect, it } from "vitest";
import { checkArray } from "./check-array.js";

describe("checkArray", () => {
  it("checkArray(input) counts NaN, infinities and negatives, and names the first bad value's row", () => {
    const data = new Float64Array([1, 2, 3, -1, 5, Number.NaN, Number.POSITIVE_INFINITY, 0]);
    const check = checkArray({ data, rows: ["a", "b", "c", "d"] });
    expect(check).toEqual({
      type: "Float64Array",
      length: 8,
      nonFinite: 2,
      negative: 1,
      signed: false,
      firstBad: { index: 3, row: "b", offset: 1, value: -1 },
    });
  });

  it("checkArray(input) lets a signed array hold negatives but not NaN", () => {
    const check = checkArray({ data: new Float32Array([-1, -2, Number.NaN]), signed: true });
    expect(check.negative).toBe(2);
    expect(check.nonFinite).toBe(1);
    expect(check.firstBad).toEqual({ index: 2, value: Number.NaN });
  });

  it("checkArray(input) finds nothing bad in a clean array, and integers are always finite", () => {
    expect(checkArray({ data: new Float64Array([0, 1e300, 5]) }).firstBad).toBeNull();
    expect(checkArray({ data: new Uint16Array([0, 65535]) })).toMatchObject({ nonFinite: 0, negative: 0 });
    expect(checkArray({ data: new Int32Array([3, -4]) }).firstBad).toEqual({ index: 1, value: -4 });
  });

  it("checkArray(input) names the index only when the rows do not divide the array", () => {
    const check = checkArray({ data: new Float64Array([1, -1, 1]), rows: ["a", "b"] });
    expect(check.firstBad).toEqual({ index: 1, value: -1 });
  });
});
