import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type ThetaParameters, thetaFilter } from "./theta-filter.js";
import { dynamicTrend, staticTrend } from "./theta-trend.js";
import { thetaForecastVariance } from "./theta-variance.js";

describe("thetaForecastVariance(parameters, trend, origin, horizon, sigma2, out)", () => {
  test("with a static trend it is the SES variance sigma2 (1 + (h - 1) alpha^2)", () => {
    const y = new Float64Array([1, 3, 2, 5, 4]);
    const out = new Float64Array(4);
    thetaForecastVariance({ alpha: 0.5, trendWeight: 0.5, level0: 0 }, staticTrend(y, 5, 5), 5, 4, 2, out);
    expect([...out]).toEqual([2, 2.5, 3, 3.5]);
  });

  test("with the dynamic trend it sums the squared responses of later observations to each future shock", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 4, maxLength: 20 }),
        fc.double({ min: 0.1, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, alpha, trendWeight) => {
          const n = values.length;
          const horizon = 5;
          const params: ThetaParameters = { alpha, trendWeight, level0: values[0] };
          const out = new Float64Array(horizon);
          const y = Float64Array.from(values);
          thetaForecastVariance(params, dynamicTrend(y, n), n, horizon, 1, out);
          // Future observations are their own one-step forecasts plus one unit shock at step `shockAt`,
          // built one step at a time by re-running the filter; their deviations are the responses.
          const future = (shockAt: number) => {
            const extended = new Float64Array(n + horizon);
            extended.set(y);
            for (let j = 0; j < horizon; j++) {
              const fitted = new Float64Array(n + j + 1);
              const trend = dynamicTrend(extended, n + j + 1);
              thetaFilter(extended, n + j + 1, params, trend, new Float64Array(n + j + 2), fitted);
              extended[n + j] = fitted[n + j] + (j === shockAt ? 1 : 0);
            }
            return extended;
          };
          const base = future(-1);
          const expected = new Float64Array(horizon).fill(1);
          for (let k = 0; k < horizon; k++) {
            const shocked = future(k);
            for (let j = k + 1; j < horizon; j++) expected[j] += (shocked[n + j] - base[n + j]) ** 2;
          }
          for (let h = 0; h < horizon; h++) expect(out[h]).toBeCloseTo(expected[h], 7);
        },
      ),
    );
  });
});
