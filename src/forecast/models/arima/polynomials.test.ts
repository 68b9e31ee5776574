import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { differenceInPlace, differencingPolynomial, expandArma } from "./arima-polynomials.js";
import { maInvert } from "./ma-invert.js";
import { arFromUnconstrained, arToUnconstrained, isStationaryAr } from "./partrans.js";
import { polynomialRoots, smallestRootModulus } from "./polynomial-roots.js";
import { rootsOutside } from "./root-check.js";

const order = (p: number, q: number, P: number, Q: number, period: number) => ({
  p,
  d: 0,
  q,
  P,
  D: 0,
  Q,
  period,
});

describe("ARIMA polynomial helpers", () => {
  test("polynomialRoots finds the roots of (z - 1)(z - 2)(z^2 + 1)", () => {
    // (z^2 - 3z + 2)(z^2 + 1) = z^4 - 3z^3 + 3z^2 - 3z + 2
    const { re, im } = polynomialRoots([2, -3, 3, -3, 1]);
    const roots = Array.from(re, (r, i) => [r, im[i]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(roots[0][0]).toBeCloseTo(0, 10);
    expect(Math.abs(roots[0][1])).toBeCloseTo(1, 10);
    expect(roots[2][0]).toBeCloseTo(1, 10);
    expect(roots[3][0]).toBeCloseTo(2, 10);
    expect(smallestRootModulus([1, -0.5])).toBeCloseTo(2, 12);
    expect(() => polynomialRoots([0, 0])).toThrow(/every coefficient is 0/);
  });

  test("isStationaryAr agrees with the roots of 1 - phi z - ...", () => {
    fc.assert(
      // Coefficients from a 1e-3 grid: subnormal ones put roots beyond what a root finder resolves.
      fc.property(fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: 1, maxLength: 4 }), (grid) => {
        const ar = grid.map((g) => g / 1000);
        const poly = [1, ...ar.map((a) => -a)];
        const modulus = ar.some((a) => a !== 0) ? smallestRootModulus(poly) : Number.POSITIVE_INFINITY;
        if (Math.abs(modulus - 1) < 1e-6) return; // too close to call
        expect(isStationaryAr(ar)).toBe(modulus > 1);
      }),
    );
  });

  test("the partial autocorrelation transform maps any numbers to a stationary AR and back", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (raw) => {
          const ar = new Float64Array(raw.length);
          arFromUnconstrained(Float64Array.from(raw), ar, 0, raw.length);
          expect(isStationaryAr(ar)).toBe(true);
          const back = new Float64Array(raw.length);
          arToUnconstrained(ar, back, 0, raw.length);
          for (let i = 0; i < raw.length; i++) expect(back[i]).toBeCloseTo(raw[i], 6);
        },
      ),
    );
  });

  test("maInvert reflects MA roots inside the unit circle and keeps invertible ones", () => {
    expect(Array.from(maInvert(Float64Array.of(2)))).toEqual([0.5]);
    const invertible = Float64Array.of(0.5, 0.2);
    expect(maInvert(invertible)).toBe(invertible);
    // 1 + 2.5 z + z^2 = (1 + 2z)(1 + 0.5z): the root -0.5 becomes -2, giving (1 + 0.5z)^2 = 1 + z + 0.25 z^2
    const inverted = maInvert(Float64Array.of(2.5, 1));
    expect(inverted[0]).toBeCloseTo(1, 10);
    expect(inverted[1]).toBeCloseTo(0.25, 10);
  });

  test("rootsOutside refuses roots within 1.01, as forecast's myarima", () => {
    expect(rootsOutside(Float64Array.of(0.995), -1, 1.01)).toBe(false);
    expect(rootsOutside(Float64Array.of(0.9), -1, 1.01)).toBe(true);
    expect(rootsOutside(Float64Array.of(-0.995), 1, 1.01)).toBe(false);
    expect(rootsOutside(new Float64Array(3), 1, 1.01)).toBe(true);
  });

  test("expandArma multiplies out the seasonal polynomials", () => {
    const phi = new Float64Array(5);
    const theta = new Float64Array(5);
    expandArma(Float64Array.of(0.5, 0.4, 0.3, 0.2), order(1, 1, 1, 1, 4), phi, theta);
    expect(Array.from(phi)).toEqual([0.5, 0, 0, 0.3, -0.15]);
    expect(theta[0]).toBeCloseTo(0.4, 12);
    expect(theta[3]).toBeCloseTo(0.2, 12);
    expect(theta[4]).toBeCloseTo(0.08, 12);
  });

  test("differencingPolynomial and differenceInPlace agree on (1 - B)(1 - B^4)", () => {
    const delta = differencingPolynomial({ p: 0, d: 1, q: 0, P: 0, D: 1, Q: 0, period: 4 });
    expect(Array.from(delta, (c) => c + 0)).toEqual([1, 0, 0, 1, -1]);
    const x = Float64Array.from({ length: 12 }, (_, t) => t * t);
    const w = differenceInPlace(Float64Array.from(x), 1, 1, 4);
    for (let t = 5; t < 12; t++) {
      let implied = w[t];
      for (let k = 0; k < delta.length; k++) implied += delta[k] * x[t - k - 1];
      expect(implied).toBeCloseTo(x[t], 10);
    }
  });
});
