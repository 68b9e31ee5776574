import { describe, expect, test } from "vitest";
import { Random } from "../../random.js";
import { arima, autoArimaForecaster } from "./arima.js";
import { autoArima } from "./auto-arima.js";
import { fitArima } from "./fit-arima.js";
import { forecastArimaOrigins } from "./forecast-arima-origins.js";

/** Hourly load-like data: a daily profile, quieter weekends, a slow trend and AR(1) noise. */
function hourlyLike(n: number): Float64Array {
  const random = new Random(24);
  let noise = 0;
  return Float64Array.from({ length: n }, (_, t) => {
    noise = 0.7 * noise + 400 * random.normal();
    const hour = t % 24;
    const weekend = Math.floor(t / 24) % 7 >= 5 ? 0.8 : 1;
    return weekend * (30000 + 8000 * Math.sin((2 * Math.PI * (hour - 6)) / 24)) + 0.5 * t + noise;
  });
}

function seasonalSeries(n: number): Float64Array {
  return Float64Array.from(
    { length: n },
    (_, t) => 100 + 0.5 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7919) % 13) / 3,
  );
}

describe("arima forecasters", () => {
  test("autoArimaForecaster's forecastOrigins refits the whole series' orders on the history before the first origin", () => {
    const y = seasonalSeries(150);
    const request = { horizon: 12, levels: [80, 95], seasons: [12] };
    const origins = [100, 110, 120];
    const model = autoArimaForecaster();
    const folds = model.forecastOrigins?.(y, origins, request) ?? [];
    const whole = autoArima(y, 12).fit;
    const head = fitArima(y.subarray(0, 100), {
      order: whole.order,
      includeMean: whole.terms.intercept,
      includeDrift: whole.terms.drift,
      exactCssGradient: true,
      exactLikelihoodGradient: true,
    });
    const expected = forecastArimaOrigins(head, y, origins, 12, []);
    expect(folds.map((f) => Array.from(f))).toEqual(expected.map((f) => Array.from(f)));
    // The whole-series fit it kept gives the forecast a fresh model makes, and a changed series is refitted.
    const fresh = autoArimaForecaster().forecast(y, request);
    expect(Array.from(model.forecast(y, request).mean)).toEqual(Array.from(fresh.mean));
    const changed = y.slice();
    changed[149] += 50;
    const refitted = autoArimaForecaster().forecast(changed, request);
    expect(Array.from(model.forecast(changed, request).mean)).toEqual(Array.from(refitted.mean));
  });

  test("autoArima on ~4000 hourly points with seasons 24 and 168 finishes with finite forecasts", () => {
    const y = hourlyLike(4032);
    const model = autoArimaForecaster({ d: 0, D: 1, maxModels: 10 });
    const result = model.forecast(y, { horizon: 48, levels: [80, 95], seasons: [24, 168] });
    expect(result.description).toMatch(
      /^Regression with ARIMA\(\d,0,\d\)\(\d,1,\d\)\[24\] errors \+ Fourier\(168, K=3\)$/,
    );
    for (let h = 0; h < 48; h++) {
      expect(Number.isFinite(result.mean[h])).toBe(true);
      expect(result.lower[1][h]).toBeLessThan(result.lower[0][h]);
      expect(result.upper[1][h]).toBeGreaterThan(result.upper[0][h]);
    }
    // a day ahead looks like the same hours a week earlier, not like a flat line
    const range = Math.max(...result.mean.subarray(0, 24)) - Math.min(...result.mean.subarray(0, 24));
    expect(range).toBeGreaterThan(5000);
  }, 120_000);

  test("arima(order) forecasts with future regressors", () => {
    const n = 120;
    const x = Float64Array.from({ length: n + 6 }, (_, t) => (t % 10 === 0 ? 1 : 0));
    const y = Float64Array.from({ length: n }, (_, t) => 20 + 8 * x[t] + Math.sin(t * 1.3));
    const model = arima({ order: { p: 1 } });
    const result = model.forecast(y, { horizon: 6, levels: [95], seasons: [], xreg: [x] });
    expect(result.description).toBe("Regression with ARIMA(1,0,0) errors");
    // t = 120 is an event: its forecast carries the regression coefficient (about 8)
    expect(result.mean[0] - result.mean[1]).toBeGreaterThan(6);
  });

  test("forecastOrigins at its first origin matches forecast on the prefix, and later origins move on", () => {
    const y = seasonalSeries(96);
    const model = arima({ order: { p: 1, d: 1, D: 1, Q: 1 } });
    const request = { horizon: 6, levels: [], seasons: [12] };
    const origins = [72, 84, 96];
    const paths = model.forecastOrigins?.(y, origins, request) ?? [];
    const direct = model.forecast(y.subarray(0, 72), request).mean;
    for (let h = 0; h < 6; h++) expect(paths[0][h]).toBeCloseTo(direct[h], 8);
    expect(paths).toHaveLength(3);
    expect(paths[2][0]).not.toBeCloseTo(paths[0][0], 2);
  });

  test("a constant series forecasts its value with zero-width intervals", () => {
    const result = autoArimaForecaster().forecast(new Float64Array(30).fill(7), {
      horizon: 3,
      levels: [95],
      seasons: [],
    });
    expect(Array.from(result.mean)).toEqual([7, 7, 7]);
    expect(Array.from(result.upper[0])).toEqual([7, 7, 7]);
  });

  test("a quarterly pattern repeated exactly forecasts the pattern, and its cross-validation origins too", () => {
    const y = Float64Array.of(10, 11, 10, 9, 10, 11, 10, 9, 10, 11, 10, 9, 10);
    const request = { horizon: 4, levels: [80, 95], seasons: [4] };
    const model = autoArimaForecaster();
    const result = model.forecast(y, request);
    expect(result.description).toBe("ARIMA(0,0,0)(0,1,0)[4] with drift");
    expect([...result.mean]).toEqual([11, 10, 9, 10].map((v) => expect.closeTo(v, 9)));
    const [atNine] = model.forecastOrigins?.(y, [9], request) ?? [];
    expect([...atNine]).toEqual([11, 10, 9, 10].map((v) => expect.closeTo(v, 9)));
  });

  test("refuses bad orders, too short series and regressors of the wrong length", () => {
    expect(() => arima({ order: { d: -1 } })).toThrow(/order\.d must be a whole number >= 0/);
    const y = seasonalSeries(40);
    expect(() => arima({ order: { P: 1 } }).forecast(y, { horizon: 2, levels: [], seasons: [] })).toThrow(
      /order\.period must be a whole number >= 2/,
    );
    expect(() =>
      autoArimaForecaster().forecast(y.subarray(0, 2), { horizon: 2, levels: [], seasons: [] }),
    ).toThrow(/y: arima needs at least 3 observations/);
    expect(() =>
      autoArimaForecaster().forecast(y, {
        horizon: 2,
        levels: [],
        seasons: [],
        xreg: [new Float64Array(40)],
      }),
    ).toThrow(/xreg\[0\]: expected a Float64Array of 42 values/);
  });
});
