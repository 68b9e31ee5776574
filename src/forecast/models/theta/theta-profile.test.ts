import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { thetaFilter } from "./theta-filter.js";
import { profileThetaSse } from "./theta-profile.js";
import { dynamicTrend, staticTrend, type ThetaTrend } from "./theta-trend.js";

/** The weighted SSE the profile minimises, straight from the filter. */
function directSse(
  y: Float64Array,
  trend: ThetaTrend,
  alpha: number,
  c: number,
  level0: number,
  burnIn: number,
) {
  const n = y.length;
  const fitted = new Float64Array(n);
  thetaFilter(y, n, { alpha, trendWeight: c, level0 }, trend, new Float64Array(n + 1), fitted);
  let sse = 0;
  for (let t = 0; t < n; t++) sse += (t < burnIn ? 1e-10 : 1) * (y[t] - fitted[t]) ** 2;
  return sse;
}

/** The sums of profileThetaSse in one plain loop, as first written: the split loops must match it bit for bit. */
function oneLoopSums(y: Float64Array, trend: ThetaTrend | null, alpha: number, burnIn: number): number[] {
  const beta = 1 - alpha;
  const inverseAlpha = 1 / alpha;
  let level = y[0];
  let power = 1;
  const sums = [0, 0, 0, 0, 0, 0];
  for (let t = 0; t < y.length; t++) {
    const weight = t < burnIn ? 1e-10 : 1;
    const d = trend ? trend.intercept[t] * power + trend.slope[t] * (1 - power * beta) * inverseAlpha : 0;
    const r = y[t] - level;
    sums[0] += weight * power * power;
    sums[1] += weight * power * d;
    sums[2] += weight * d * d;
    sums[3] += weight * power * r;
    sums[4] += weight * d * r;
    sums[5] += weight * r * r;
    level = alpha * y[t] + beta * level;
    power *= beta;
    if (power < 1e-150) power = 0;
  }
  return sums;
}

const series = fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 6, maxLength: 30 });

describe("profileThetaSse(y, count, trend, alpha, burnIn, fixedTrendWeight, solution)", () => {
  test("returns the SSE of the filter at the solution it reports", () => {
    fc.assert(
      fc.property(
        series,
        fc.double({ min: 0.1, max: 0.99, noNaN: true }),
        fc.boolean(),
        (values, alpha, dyn) => {
          const y = Float64Array.from(values);
          const trend = dyn ? dynamicTrend(y, y.length) : staticTrend(y, y.length, y.length);
          const solution = new Float64Array(2);
          const sse = profileThetaSse(y, y.length, trend, alpha, 3, Number.NaN, solution);
          const direct = directSse(y, trend, alpha, solution[1], solution[0], 3);
          expect(Math.abs(sse - direct)).toBeLessThanOrEqual(1e-8 * (1 + direct));
          expect(solution[1]).toBeGreaterThanOrEqual(0);
          expect(solution[1]).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  test("no initial level and trend weight in range does better", () => {
    fc.assert(
      fc.property(
        series,
        fc.double({ min: 0.1, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.boolean(),
        (values, alpha, c, level0, dyn) => {
          const y = Float64Array.from(values);
          const trend = dyn ? dynamicTrend(y, y.length) : staticTrend(y, y.length, y.length);
          const solution = new Float64Array(2);
          const best = profileThetaSse(y, y.length, trend, alpha, 3, Number.NaN, solution);
          const optimum = directSse(y, trend, alpha, solution[1], solution[0], 3);
          expect(optimum).toBeLessThanOrEqual(directSse(y, trend, alpha, c, level0, 3) * (1 + 1e-9) + 1e-9);
          expect(best).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  test("gives the SSE and solution of the sums taken in one plain loop, to the last bit", () => {
    // Long series with alpha near 1 take (1 - alpha)^t to 0 early, which the loops treat separately.
    const long = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), {
      minLength: 1,
      maxLength: 400,
      size: "max",
    });
    fc.assert(
      fc.property(
        long,
        fc.double({ min: 0.1, max: 0.99, noNaN: true }),
        fc.constantFrom("none", "static", "dynamic"),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(Number.NaN, 0, 0.5),
        (values, alpha, kind, burnIn, fixed) => {
          const y = Float64Array.from(values);
          const n = y.length;
          const trend =
            kind === "none" ? null : kind === "static" ? staticTrend(y, n, n) : dynamicTrend(y, n);
          const [sgg, sgd, sdd, sgr, sdr, srr] = oneLoopSums(y, trend, alpha, burnIn);
          let c = fixed;
          if (Number.isNaN(c)) {
            const determinant = sgg * sdd - sgd * sgd;
            c =
              determinant <= 1e-10 * sgg * sdd
                ? 0.5
                : Math.min(1, Math.max(0, (sgg * sdr - sgd * sgr) / determinant));
          }
          const onLevel = sgr - c * sgd;
          const shift = onLevel / sgg;
          const solution = new Float64Array(2);
          const sse = profileThetaSse(y, n, trend, alpha, burnIn, fixed, solution);
          expect(sse).toBe(Math.max(0, srr - 2 * c * sdr + c * c * sdd - onLevel * shift));
          expect(solution[0]).toBe(y[0] + shift);
          expect(solution[1]).toBe(c);
        },
      ),
    );
  });

  test("with no trend and c fixed at 0 it is the SES least-squares initial level", () => {
    // SES with alpha 1/2 on [2, 4]: the errors are 2 - l0 and 4 - (1 + l0 / 2), and
    // d/dl0 [(2 - l0)^2 + (3 - l0 / 2)^2] = 0 at l0 = 14/5, leaving errors -0.8 and 1.6.
    const solution = new Float64Array(2);
    const sse = profileThetaSse(new Float64Array([2, 4]), 2, null, 0.5, 0, 0, solution);
    expect(solution[0]).toBeCloseTo(2.8, 12);
    expect(sse).toBeCloseTo(0.8 ** 2 + 1.6 ** 2, 12);
  });

  test("falls back to theta = 2 when the trend cannot be told from the level", () => {
    const y = new Float64Array(10).fill(5);
    const solution = new Float64Array(2);
    const sse = profileThetaSse(y, 10, staticTrend(y, 10, 10), 0.4, 3, Number.NaN, solution);
    expect(solution[1]).toBe(0.5);
    expect(sse).toBeCloseTo(0, 10);
  });
});
