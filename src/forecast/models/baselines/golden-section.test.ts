import { describe, expect, test } from "vitest";
import { goldenSectionMinimum } from "./golden-section.js";

describe("goldenSectionMinimum(f, lower, upper, tolerance)", () => {
  test("finds the minimum of a parabola to the tolerance", () => {
    expect(goldenSectionMinimum((x) => (x - 0.3) ** 2, 0, 1, 1e-9)).toBeCloseTo(0.3, 8);
  });

  test("finds the kink of an asymmetric unimodal function", () => {
    expect(goldenSectionMinimum((x) => (x < 0.7 ? 0.7 - x : 5 * (x - 0.7)), 0, 1, 1e-9)).toBeCloseTo(0.7, 8);
  });

  test("ends at the bracket's edge when the function falls all the way", () => {
    expect(goldenSectionMinimum((x) => -x, 0.2, 0.4, 1e-9)).toBeCloseTo(0.4, 8);
  });
});
