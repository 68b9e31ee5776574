import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dieboldMariano } from "./diebold-mariano.js";

describe("dieboldMariano", () => {
  it("dieboldMariano(d, 0) is the mean over its plain standard error", () => {
    // mean 0.2, population variance 0.005, n = 4: se = sqrt(0.005 / 4)
    const d = Float64Array.of(0.2, 0.1, 0.3, 0.2);
    expect(dieboldMariano(d, 0)).toBeCloseTo(0.2 / Math.sqrt(0.005 / 4), 10);
  });

  it("dieboldMariano(d, lag) adds the Bartlett-weighted autocovariances", () => {
    const d = Float64Array.of(1, 2, 3, 4);
    // mean 2.5, deviations -1.5 -0.5 0.5 1.5; gamma0 = 5/4, gamma1 = (0.75 - 0.25 + 0.75) / 4 = 0.3125
    const variance = 1.25 + 2 * 0.5 * 0.3125;
    expect(dieboldMariano(d, 1)).toBeCloseTo(2.5 / Math.sqrt(variance / 4), 10);
  });

  it("dieboldMariano(d, lag) caps the lag at length - 1", () => {
    const d = Float64Array.of(0.5, -0.1, 0.7);
    expect(dieboldMariano(d, 50)).toBe(dieboldMariano(d, 2));
  });

  it("dieboldMariano(d, lag) changes sign with the differential", () => {
    fc.assert(
      fc.property(
        fc.float64Array({
          minLength: 2,
          maxLength: 40,
          noNaN: true,
          noDefaultInfinity: true,
          min: -1e6,
          max: 1e6,
        }),
        fc.integer({ min: 0, max: 5 }),
        (values, lag) => {
          const z = dieboldMariano(values, lag);
          const negated = dieboldMariano(
            values.map((v) => -v),
            lag,
          );
          if (z === 0) expect(negated === 0).toBe(true);
          else expect(negated).toBe(-z);
        },
      ),
    );
  });

  it("dieboldMariano(d, lag) of a constant differential is +-Infinity, or 0 for zeros", () => {
    expect(dieboldMariano(Float64Array.of(0.3, 0.3, 0.3), 1)).toBe(Number.POSITIVE_INFINITY);
    expect(dieboldMariano(Float64Array.of(-1, -1), 0)).toBe(Number.NEGATIVE_INFINITY);
    expect(dieboldMariano(Float64Array.of(0, 0, 0), 2)).toBe(0);
  });

  it("dieboldMariano(d, lag) is NaN for NaN in d or an empty d", () => {
    expect(dieboldMariano(Float64Array.of(1, Number.NaN, 2), 1)).toBeNaN();
    expect(dieboldMariano(new Float64Array(0), 0)).toBeNaN();
  });

  it("dieboldMariano(d, lag) rejects a lag that is not an integer >= 0, naming it", () => {
    expect(() => dieboldMariano(Float64Array.of(1, 2), -1)).toThrow(/lag/);
    expect(() => dieboldMariano(Float64Array.of(1, 2), 0.5)).toThrow(/lag/);
  });
});
