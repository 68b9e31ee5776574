import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type ThetaParameters, thetaFilter, thetaForecastPath } from "./theta-filter.js";
import { dynamicTrend, staticTrend } from "./theta-trend.js";

const series = fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 5, maxLength: 30 });
const parameters = fc.record({
  alpha: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  theta: fc.double({ min: 1, max: 20, noNaN: true }),
  level0: fc.double({ min: -50, max: 50, noNaN: true }),
});

describe("thetaFilter(y, length, parameters, trend, levels, fitted)", () => {
  test("with trend weight 0 it is simple exponential smoothing, by hand", () => {
    const y = new Float64Array([10, 12, 11]);
    const levels = new Float64Array(4);
    const fitted = new Float64Array(3);
    thetaFilter(y, 3, { alpha: 0.5, trendWeight: 0, level0: 10 }, staticTrend(y, 3, 3), levels, fitted);
    expect([...levels]).toEqual([10, 10, 11, 11]);
    expect([...fitted]).toEqual([10, 10, 11]);
  });

  test("with alpha 1 the level is the last value", () => {
    const y = new Float64Array([4, 9, 2, 7]);
    const levels = new Float64Array(5);
    const fitted = new Float64Array(4);
    thetaFilter(y, 4, { alpha: 1, trendWeight: 0, level0: 0 }, staticTrend(y, 4, 4), levels, fitted);
    expect([...levels.subarray(1)]).toEqual([4, 9, 2, 7]);
  });

  test("with a static trend it is SES of the theta line mixed with the extrapolated line", () => {
    // Assimakopoulos & Nikolopoulos (2000): forecast = (1/theta) SES(Z) + (1 - 1/theta) (A + B s), where
    // Z_s = theta y_s + (1 - theta)(A + B s); the state-space l_0 maps to SES(Z) starting from theta l_0.
    fc.assert(
      fc.property(series, parameters, (values, { alpha, theta, level0 }) => {
        const y = Float64Array.from(values);
        const n = y.length;
        const trend = staticTrend(y, n, n);
        const a = trend.intercept[0];
        const b = trend.slope[0];
        const params: ThetaParameters = { alpha, trendWeight: 1 - 1 / theta, level0 };
        const levels = new Float64Array(n + 1);
        const fitted = new Float64Array(n);
        thetaFilter(y, n, params, trend, levels, fitted);
        let smoothed = theta * level0;
        for (let t = 0; t < n; t++) {
          const line = a + b * (t + 1);
          expect(fitted[t]).toBeCloseTo(smoothed / theta + (1 - 1 / theta) * line, 8);
          smoothed = alpha * (theta * y[t] + (1 - theta) * line) + (1 - alpha) * smoothed;
        }
        const path = new Float64Array(3);
        thetaForecastPath(params, trend, levels[n], n, 3, path);
        for (let h = 1; h <= 3; h++) {
          expect(path[h - 1]).toBeCloseTo(smoothed / theta + (1 - 1 / theta) * (a + b * (n + h)), 8);
        }
      }),
    );
  });

  test("the forecast path is the filter fed its own forecasts, static and dynamic", () => {
    fc.assert(
      fc.property(series, parameters, fc.boolean(), (values, { alpha, theta, level0 }, dynamic) => {
        const n = values.length;
        const horizon = 4;
        const params: ThetaParameters = { alpha, trendWeight: 1 - 1 / theta, level0 };
        const y = Float64Array.from(values);
        const trend = dynamic ? dynamicTrend(y, n) : staticTrend(y, n, n);
        const levels = new Float64Array(n + 1);
        thetaFilter(y, n, params, trend, levels, new Float64Array(n));
        const path = new Float64Array(horizon);
        thetaForecastPath(params, trend, levels[n], n, horizon, path);
        // Append the forecasts as if observed: each one-step forecast must reproduce the path.
        const extended = new Float64Array(n + horizon);
        extended.set(y);
        extended.set(path, n);
        const longTrend = dynamic ? dynamicTrend(extended, n + horizon) : staticTrend(y, n, n + horizon);
        const fitted = new Float64Array(n + horizon);
        thetaFilter(extended, n + horizon, params, longTrend, new Float64Array(n + horizon + 1), fitted);
        for (let h = 0; h < horizon; h++) expect(fitted[n + h]).toBeCloseTo(path[h], 8);
      }),
    );
  });
});
