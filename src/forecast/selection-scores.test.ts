import { describe, expect, test } from "vitest";
import { intervalScore, maseScale } from "./selection-scores.js";

describe("maseScale(y, period)", () => {
  test("is the in-sample seasonal naive mean absolute error", () => {
    expect(maseScale(Float64Array.of(1, 2, 1, 2, 1, 3), 2)).toBe(0.25);
    expect(maseScale(Float64Array.of(1, 4, 2), 1)).toBe(2.5);
  });

  test("falls back to the naive error, then to 1, when the seasonal one is zero or undefined", () => {
    expect(maseScale(Float64Array.of(1, 2, 1, 2), 2)).toBe(1); // seasonal naive is perfect; naive errs by 1
    expect(maseScale(Float64Array.of(1, 3), 7)).toBe(2); // shorter than the period
    expect(maseScale(Float64Array.of(5, 5, 5), 1)).toBe(1);
  });
});

describe("intervalScore(actual, lower, upper, alpha)", () => {
  test("is the width inside the interval and adds 2 / alpha times the miss outside", () => {
    expect(intervalScore(9, 8, 10, 0.05)).toBe(2);
    expect(intervalScore(12, 8, 10, 0.05)).toBe(82);
    expect(intervalScore(7, 8, 10, 0.2)).toBe(12);
  });
});
