import { describe, expect, test } from "vitest";
import { Random } from "../../random.js";
import { fitArima } from "./fit-arima.js";
import { forecastArima } from "./forecast-arima.js";

const NONE = { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, period: 1 };

function ar1(n: number, phi: number, mean: number, seed: number): Float64Array {
  const random = new Random(seed);
  const y = new Float64Array(n);
  let x = 0;
  for (let t = 0; t < n; t++) {
    x = phi * x + random.normal();
    y[t] = mean + x;
  }
  return y;
}

describe("fitArima(y, spec)", () => {
  test("CSS on an AR(1) without mean gives the least-squares slope of y[t] on y[t-1]", () => {
    const y = ar1(300, 0.7, 0, 3);
    let num = 0;
    let den = 0;
    for (let t = 1; t < y.length; t++) {
      num += y[t] * y[t - 1];
      den += y[t - 1] * y[t - 1];
    }
    const fit = fitArima(y, { order: { ...NONE, p: 1 }, includeMean: false, method: "CSS" });
    expect(fit.coef[0]).toBeCloseTo(num / den, 5);
    expect(fit.description).toBe("ARIMA(1,0,0) with zero mean");
  });

  test("an AR(1) with mean forecasts a geometric decay towards the mean", () => {
    const y = ar1(400, 0.8, 50, 5);
    const fit = fitArima(y, { order: { ...NONE, p: 1 } });
    const [phi, mean] = fit.coef;
    expect(phi).toBeGreaterThan(0.7);
    expect(phi).toBeLessThan(0.9);
    const { mean: forecast, se } = forecastArima(fit, y.length, 60, [95]);
    let previous = y[y.length - 1] - mean;
    for (let h = 0; h < 60; h++) {
      expect(forecast[h] - mean).toBeCloseTo(phi * previous, 8);
      previous = forecast[h] - mean;
    }
    expect(Math.abs(forecast[59] - mean)).toBeLessThan(1e-3);
    // the variance approaches the AR(1) variance sigma2 / (1 - phi^2)
    expect(se[59] ** 2).toBeCloseTo(fit.sigma2 / (1 - phi * phi), 6);
  });

  test("ARIMA(0,1,0), the random walk, forecasts the last value with variance h * sigma2", () => {
    const random = new Random(11);
    const y = new Float64Array(200);
    for (let t = 1; t < y.length; t++) y[t] = y[t - 1] + random.normal();
    const fit = fitArima(y, { order: { ...NONE, d: 1 } });
    expect(fit.coef.length).toBe(0);
    let ss = 0;
    for (let t = 1; t < y.length; t++) ss += (y[t] - y[t - 1]) ** 2;
    // sigma2 = sum of squared residuals / (n - d - k): the first residual is y[0] / 1000 (diffuse start)
    expect(fit.sigma2).toBeCloseTo(ss / (y.length - 1), 6);
    const { mean, se } = forecastArima(fit, y.length, 10, [95]);
    for (let h = 0; h < 10; h++) {
      expect(mean[h]).toBeCloseTo(y[y.length - 1], 8);
      expect(se[h] ** 2).toBeCloseTo((h + 1) * fit.sigma2, 6);
    }
  });

  test("a drift continues the mean step of the differences", () => {
    const y = Float64Array.from({ length: 60 }, (_, t) => 3 + 2 * t + Math.sin(t * 1.7));
    const fit = fitArima(y, { order: { ...NONE, d: 1 }, includeDrift: true });
    expect(fit.names).toEqual(["drift"]);
    expect(fit.coef[0]).toBeCloseTo((y[59] - y[0]) / 59, 8);
    const { mean } = forecastArima(fit, y.length, 3, []);
    expect(mean[2] - mean[1]).toBeCloseTo(fit.coef[0], 8);
  });

  test("refuses bad orders, seasonal terms without a season, too few points and short regressors", () => {
    const y = ar1(50, 0.5, 0, 1);
    expect(() => fitArima(y, { order: { ...NONE, p: -1 } })).toThrow(/order\.p must be a whole number >= 0/);
    expect(() => fitArima(y, { order: { ...NONE, q: 1.5 } })).toThrow(/order\.q/);
    expect(() => fitArima(y, { order: { ...NONE, P: 1, period: 1 } })).toThrow(
      /order\.period must be .* >= 2/,
    );
    expect(() => fitArima(y.subarray(0, 12), { order: { ...NONE, D: 1, P: 1, period: 12 } })).toThrow(
      /y: 12 observations are too few for ARIMA\(0,0,0\)\(1,1,0\)\[12\]/,
    );
    expect(() => fitArima(y, { order: { ...NONE, p: 1 } }, [new Float64Array(10)])).toThrow(
      /xreg\[0\]: needs at least 50 values/,
    );
  });

  test("exact gradients reach the optimum of the finite differences (seasonal ARMA with drift and a regressor)", () => {
    const random = new Random(17);
    const n = 160;
    const x = Float64Array.from({ length: n }, (_, t) => Math.cos(t / 3));
    // y = level + 3 x, the level's differences 0.2 + u with u[t] = 0.5 u[t-4] + e[t] + 0.4 e[t-1].
    const y = new Float64Array(n);
    const u = new Float64Array(n);
    let e1 = 0;
    let level = 0;
    for (let t = 0; t < n; t++) {
      const e = random.normal();
      u[t] = (t >= 4 ? 0.5 * u[t - 4] : 0) + e + 0.4 * e1;
      e1 = e;
      level += 0.2 + u[t];
      y[t] = level + 3 * x[t];
    }
    const order = { p: 1, d: 1, q: 1, P: 1, D: 0, Q: 1, period: 4 };
    const spec = { order, includeDrift: true };
    const differences = fitArima(y, spec, [x]);
    const exact = fitArima(y, { ...spec, exactCssGradient: true, exactLikelihoodGradient: true }, [x]);
    expect(exact.names).toEqual(["ar1", "ma1", "sar1", "sma1", "drift", "xreg"]);
    exact.coef.forEach((c, i) => {
      expect(Math.abs(c - differences.coef[i])).toBeLessThan(
        2e-3 * Math.max(1, Math.abs(differences.coef[i])),
      );
    });
    expect(Math.abs(exact.loglik - differences.loglik)).toBeLessThan(1e-3);
    expect(() => fitArima(y, { ...spec, start: [0, 0] }, [x])).toThrow(
      /spec\.start: expected 6 coefficients, got 2/,
    );
    expect(() => fitArima(y, { ...spec, coef: [0] }, [x])).toThrow(
      /spec\.coef: expected 6 coefficients, got 1/,
    );
  });
});
