import { describe, expect, test } from "vitest";
import { isConstant } from "./is-constant.js";

describe("isConstant(y, length)", () => {
  test("isConstant holds for a repeated value, a single value and no values", () => {
    expect(isConstant(new Float64Array([2.5, 2.5, 2.5]))).toBe(true);
    expect(isConstant(new Float64Array([7]))).toBe(true);
    expect(isConstant(new Float64Array(0))).toBe(true);
    expect(isConstant(new Float64Array(10))).toBe(true);
  });

  test("isConstant tolerates relative differences up to 1.5e-8, as R's all.equal", () => {
    expect(isConstant(new Float64Array([1e6, 1e6 + 1e-3, 1e6]))).toBe(true);
    expect(isConstant(new Float64Array([1e6, 1e6 + 1, 1e6]))).toBe(false);
    expect(isConstant(new Float64Array([0, 1e-9, 0]))).toBe(true);
    expect(isConstant(new Float64Array([0, 1e-6, 0]))).toBe(false);
  });

  test("isConstant judges only the first length values", () => {
    const y = new Float64Array([4, 4, 4, 9]);
    expect(isConstant(y, 3)).toBe(true);
    expect(isConstant(y)).toBe(false);
  });
});
