import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { chainCoefficients } from "./likelihood-chain.js";

describe("chainCoefficients(parameters, withTrend)", () => {
  test("two single steps of the level and trend recursion equal one double step", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.8, max: 1, noNaN: true }),
        fc.boolean(),
        fc.tuple(
          fc.double({ min: -100, max: 100, noNaN: true }),
          fc.double({ min: -5, max: 5, noNaN: true }),
        ),
        fc.tuple(
          fc.double({ min: -100, max: 100, noNaN: true }),
          fc.double({ min: -100, max: 100, noNaN: true }),
        ),
        (alpha, betaShare, phi, withTrend, [level, slope0], [p0, p1]) => {
          const c = chainCoefficients(Float64Array.of(alpha, alpha * betaShare, 0.1, phi), withTrend);
          const slope = withTrend ? slope0 : 0;
          const step = (l: number, b: number, p: number): [number, number] => [
            c[4] * l + c[5] * b + c[0] * p,
            c[7] * b + c[6] * l + c[1] * p,
          ];
          const [l1, b1] = step(level, slope, p0);
          const [l2, b2] = step(l1, b1, p1);
          const forecast1 = c[14] * level + c[15] * slope + c[16] * p0;
          expect(forecast1).toBeCloseTo(l1 + c[3] * b1, 8);
          expect(c[8] * level + c[9] * slope + c[12] * p0 + c[0] * p1).toBeCloseTo(l2, 8);
          expect(c[10] * level + c[11] * slope + c[13] * p0 + c[1] * p1).toBeCloseTo(b2, 8);
        },
      ),
    );
  });

  test("without a trend, beta and phi are 0 whatever the parameters say", () => {
    const c = chainCoefficients(Float64Array.of(0.4, 0.2, 0.1, 0.9), false);
    expect([c[1], c[3], c[5], c[7], c[17]]).toEqual([0, 0, 0, 0, 0]);
    expect(c[8]).toBeCloseTo(0.36, 12);
  });
});
