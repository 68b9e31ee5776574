import { describe, expect, test } from "vitest";
import { kpssPValue } from "./kpss-p-value.js";

describe("kpssPValue(statistic, null)", () => {
  test("kpssPValue at the table's critical values gives their sizes", () => {
    expect(kpssPValue(0.347)).toBeCloseTo(0.1, 14);
    expect(kpssPValue(0.463)).toBeCloseTo(0.05, 14);
    expect(kpssPValue(0.574)).toBeCloseTo(0.025, 14);
    expect(kpssPValue(0.739)).toBeCloseTo(0.01, 14);
    expect(kpssPValue(0.146, "trend")).toBeCloseTo(0.05, 14);
    expect(kpssPValue(0.176, "trend")).toBeCloseTo(0.025, 14);
  });

  test("kpssPValue interpolates linearly between critical values", () => {
    expect(kpssPValue((0.347 + 0.463) / 2)).toBeCloseTo(0.075, 14);
    expect(kpssPValue((0.119 + 0.146) / 2, "trend")).toBeCloseTo(0.075, 14);
  });

  test("kpssPValue clamps to [0.01, 0.1] outside the table, and passes NaN through", () => {
    expect(kpssPValue(0)).toBe(0.1);
    expect(kpssPValue(0.2)).toBe(0.1);
    expect(kpssPValue(5)).toBe(0.01);
    expect(kpssPValue(0.3, "trend")).toBe(0.01);
    expect(kpssPValue(Number.NaN)).toBeNaN();
  });

  test("kpssPValue does not increase with the statistic", () => {
    let previous = 1;
    for (let statistic = 0; statistic < 1; statistic += 0.001) {
      const p = kpssPValue(statistic);
      expect(p).toBeLessThanOrEqual(previous + 1e-15);
      previous = p;
    }
  });
});
