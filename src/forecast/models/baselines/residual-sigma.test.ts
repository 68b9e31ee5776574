import { describe, expect, test } from "vitest";
import { residualSigma } from "./residual-sigma.js";

describe("residualSigma(y, fitted, parameters)", () => {
  test("divides the squared residuals by their count less the parameters, skipping NaN fits", () => {
    const y = new Float64Array([1, 2, 4, 4]);
    const fitted = new Float64Array([Number.NaN, 1, 2, 4]);
    expect(residualSigma(y, fitted, 0)).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(residualSigma(y, fitted, 1)).toBeCloseTo(Math.sqrt(5 / 2), 14);
  });

  test("is NaN when no degree of freedom is left", () => {
    expect(residualSigma(new Float64Array([1, 2]), new Float64Array([Number.NaN, 1]), 1)).toBeNaN();
    expect(residualSigma(new Float64Array([1]), new Float64Array([Number.NaN]), 0)).toBeNaN();
  });
});
