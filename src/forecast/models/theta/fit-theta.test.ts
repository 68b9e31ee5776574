import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { burnInFor, fitTheta } from "./fit-theta.js";
import { thetaFilter, thetaForecastPath } from "./theta-filter.js";
import { dynamicTrend, staticTrend } from "./theta-trend.js";

const line = (n: number) => Float64Array.from({ length: n }, (_, t) => 5 + 2 * t);

function forecast(fit: ReturnType<typeof fitTheta>, n: number, horizon: number): Float64Array {
  const out = new Float64Array(horizon);
  thetaForecastPath(fit.parameters, fit.trend, fit.levels[n], n, horizon, out);
  return out;
}

describe("fitTheta(y, count, kind)", () => {
  test("STM is SES plus half the least-squares slope as drift (Hyndman & Billah 2003)", () => {
    const y = new Float64Array([12, 15, 14, 18, 17, 21, 19, 24, 22, 25, 27, 26]);
    const n = y.length;
    const fit = fitTheta(y, n, "stm");
    const { alpha, level0 } = fit.parameters;
    const { intercept, slope } = fit.trend;
    expect(fit.parameters.trendWeight).toBe(0.5);
    // Plain SES from l'_0 = l_0 + (A + B) / 2, then the drift b/2 (h - 1 + (1 - (1 - alpha)^n) / alpha).
    let ses = level0 + (intercept[0] + slope[0]) / 2;
    for (let t = 0; t < n; t++) {
      const drift = ((slope[0] / 2) * (1 - (1 - alpha) ** t)) / alpha;
      expect(fit.fitted[t]).toBeCloseTo(ses + drift, 9);
      ses += alpha * (y[t] - ses);
    }
    const path = forecast(fit, n, 3);
    for (let h = 1; h <= 3; h++) {
      expect(path[h - 1]).toBeCloseTo(ses + (slope[0] / 2) * (h - 1 + (1 - (1 - alpha) ** n) / alpha), 9);
    }
  });

  test("STM's SES has the least-squares alpha and initial level", () => {
    const y = new Float64Array([3, 8, 4, 9, 5, 7, 6, 10, 6, 9]);
    const fit = fitTheta(y, y.length, "stm");
    const sesSse = (alpha: number, start: number) => {
      let level = start;
      let sse = 0;
      for (const value of y) {
        sse += (value - level) ** 2;
        level += alpha * (value - level);
      }
      return sse;
    };
    const start = fit.parameters.level0 + (fit.trend.intercept[0] + fit.trend.slope[0]) / 2;
    const best = sesSse(fit.parameters.alpha, start);
    for (const alpha of [0.05, 0.2, 0.5, 0.8, 0.99]) {
      for (const offset of [-1, -0.1, 0.1, 1])
        expect(best).toBeLessThanOrEqual(sesSse(alpha, start + offset));
    }
  });

  test("STM on a straight line extrapolates half the slope (theta = 2)", () => {
    const path = forecast(fitTheta(line(20), 20, "stm"), 20, 3);
    // The data's last value is 43 and the slope 2; SES with alpha near 1 sits on the last value.
    expect(path[0]).toBeCloseTo(44, 3);
    expect(path[2]).toBeCloseTo(46, 3);
  });

  test("OTM and DOTM on a straight line forecast the line", () => {
    for (const kind of ["otm", "dotm"] as const) {
      const fit = fitTheta(line(20), 20, kind);
      const path = forecast(fit, 20, 5);
      // The DOTM's first trend lines (one and two points) cannot fit; their tiny weight costs ~1e-6 here.
      for (let h = 1; h <= 5; h++) expect(path[h - 1]).toBeCloseTo(5 + 2 * (19 + h), kind === "otm" ? 9 : 4);
      expect(fit.mse).toBeLessThan(1e-9);
      expect(fit.parameters.trendWeight).toBeCloseTo(1, 6);
    }
  });

  test("OTM and DOTM reach an in-sample MSE no worse than other parameters in their range", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 8, maxLength: 40 }),
        fc.double({ min: 0.1, max: 0.99, noNaN: true }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.constantFrom("otm" as const, "dotm" as const),
        (values, alpha, theta, level0, kind) => {
          const y = Float64Array.from(values);
          const n = y.length;
          const fit = fitTheta(y, n, kind);
          const trend = kind === "dotm" ? dynamicTrend(y, n) : staticTrend(y, n, n);
          const fitted = new Float64Array(n);
          thetaFilter(
            y,
            n,
            { alpha, trendWeight: 1 - 1 / theta, level0 },
            trend,
            new Float64Array(n + 1),
            fitted,
          );
          let sse = 0;
          for (let t = burnInFor(n); t < n; t++) sse += (y[t] - fitted[t]) ** 2;
          expect(fit.mse).toBeLessThanOrEqual((sse / (n - burnInFor(n))) * (1 + 1e-4) + 1e-9);
        },
      ),
    );
  });

  test("a constant series is fitted exactly by every kind", () => {
    for (const kind of ["stm", "otm", "dotm"] as const) {
      const fit = fitTheta(new Float64Array(12).fill(7), 12, kind);
      expect(fit.mse).toBeCloseTo(0, 10);
      expect(fit.sigma2).toBeCloseTo(0, 10);
      for (const value of forecast(fit, 12, 4)) expect(value).toBeCloseTo(7, 8);
    }
  });

  test("burnInFor(count) leaves out three errors, fewer on very short series", () => {
    expect([4, 5, 6, 7, 100].map(burnInFor)).toEqual([0, 1, 2, 3, 3]);
  });
});
