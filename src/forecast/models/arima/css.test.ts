import { describe, expect, test } from "vitest";
import { Random } from "../../random.js";
import { cssResiduals } from "./css.js";

/** The recursion of R's ARIMA_CSS written out over every lag, zeros included. */
function naive(w: Float64Array, phi: Float64Array, theta: Float64Array, ncond: number): number[] {
  const e = new Array<number>(w.length).fill(0);
  for (let t = ncond; t < w.length; t++) {
    let v = w[t];
    for (let j = 0; j < phi.length; j++) v -= phi[j] * w[t - j - 1];
    for (let j = 0; j < theta.length && j < t - ncond; j++) v -= theta[j] * e[t - j - 1];
    e[t] = v;
  }
  return e;
}

describe("cssResiduals(w, phi, theta, ncond, residuals)", () => {
  test("the residuals and mean square of the ARMA recursion, seasonal lags and the MA start included", () => {
    const random = new Random(5);
    const w = Float64Array.from({ length: 80 }, () => random.normal());
    // (1 - 0.4B)(1 - 0.3B^4) and (1 + 0.5B)(1 - 0.6B^4) multiplied out
    const phi = Float64Array.of(0.4, 0, 0, 0.3, -0.12);
    const theta = Float64Array.of(0.5, 0, 0, -0.6, -0.3);
    for (const ncond of [5, 9, 79]) {
      const residuals = new Float64Array(w.length).fill(Number.NaN);
      const value = cssResiduals(w, phi, theta, ncond, residuals);
      const expected = naive(w, phi, theta, ncond);
      for (let t = 0; t < w.length; t++) expect(residuals[t]).toBeCloseTo(expected[t], 12);
      const tail = expected.slice(ncond);
      expect(value).toBeCloseTo(tail.reduce((a, e) => a + e * e, 0) / tail.length, 12);
    }
  });
});
