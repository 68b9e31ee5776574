import { describe, expect, test } from "vitest";
import { completeRows } from "./complete-rows.js";

describe("completeRows(residuals, n, length)", () => {
  test("keeps the steps where every series has a residual", () => {
    // series 0: NaN 1 2 3; series 1: 4 5 NaN 7
    expect([...completeRows(Float64Array.of(Number.NaN, 1, 2, 3, 4, 5, Number.NaN, 7), 2, 4)]).toEqual([
      1, 3,
    ]);
  });

  test("rejects infinite residuals, too few complete steps and a wrong length, naming the parameter", () => {
    expect(() => completeRows(Float64Array.of(1, 2, Number.NEGATIVE_INFINITY, 4), 2, 2)).toThrow(
      "residuals: series 1 step 0 is -Infinity",
    );
    expect(() => completeRows(Float64Array.of(1, Number.NaN, 3, 4), 2, 2)).toThrow("only 1 time step(s)");
    expect(() => completeRows(new Float64Array(3), 2, 2)).toThrow(
      "residuals: length 3 is not series (2) × length (2)",
    );
    expect(() => completeRows(new Float64Array(3), 3, 0)).toThrow("length: 0");
  });
});
