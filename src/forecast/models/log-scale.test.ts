import { describe, expect, test } from "vitest";
import { naive } from "./baselines/index.js";
import { allPositive, onLogScale } from "./log-scale.js";
import { theta } from "./theta/theta.js";

describe("onLogScale", () => {
  test("onLogScale(naive) forecasts the last value, with bounds that are exp of the log-scale bounds", () => {
    const y = new Float64Array([10, 20, 40, 80]);
    const request = { horizon: 3, levels: [80, 95], seasons: [] };
    const logged = onLogScale(naive(), "naive (log)");
    const result = logged.forecast(y, request);
    const onLogs = naive().forecast(y.map(Math.log), request);
    for (let h = 0; h < 3; h++) {
      expect(result.mean[h]).toBeCloseTo(80, 10);
      for (let l = 0; l < 2; l++) {
        expect(result.lower[l][h]).toBeCloseTo(Math.exp(onLogs.lower[l][h]), 10);
        expect(result.upper[l][h]).toBeCloseTo(Math.exp(onLogs.upper[l][h]), 10);
      }
    }
    // On the log scale the naive model's steps are doublings: the bounds are asymmetric around the mean.
    expect(result.upper[0][0] - result.mean[0]).toBeGreaterThan(result.mean[0] - result.lower[0][0]);
    expect(result.fitted[1]).toBeCloseTo(10, 10);
    expect(result.description).toBe(`log: ${onLogs.description}`);
    expect(logged.name).toBe("naive (log)");
  });

  test("onLogScale(model) is of the model's family, so that auto's pool counts the two as one model", () => {
    const model = naive();
    expect(onLogScale(model, "naive (log)").family).toBe(model.name);
    const twice = onLogScale(onLogScale(model, "naive (log)"), "naive (log log)");
    expect(twice.family).toBe(model.name);
  });

  test("onLogScale(theta).forecastOrigins gives exp of the model's log-scale fold forecasts", () => {
    const y = new Float64Array(96);
    for (let t = 0; t < y.length; t++)
      y[t] = 50 * Math.exp(0.02 * t) * (1 + 0.1 * Math.sin((2 * Math.PI * t) / 12));
    const request = { horizon: 6, levels: [80], seasons: [12] };
    const logged = onLogScale(theta, "theta (log)");
    const folds = logged.forecastOrigins?.(y, [60, 72], request, 1) ?? [];
    const onLogs = theta.forecastOrigins?.(y.map(Math.log), [60, 72], request, 1) ?? [];
    expect(folds).toHaveLength(2);
    for (let f = 0; f < 2; f++) {
      expect(Array.from(folds[f])).toEqual(Array.from(onLogs[f], Math.exp));
    }
  });

  test("onLogScale(model) refuses a series with a value <= 0 or NaN, naming the model", () => {
    const logged = onLogScale(naive(), "naive (log)");
    const request = { horizon: 2, levels: [80], seasons: [] };
    expect(() => logged.forecast(new Float64Array([3, 0, 2]), request)).toThrow(
      "naive (log): the log scale needs every value > 0",
    );
    expect(() => logged.forecastOrigins?.(new Float64Array([3, -1, 2, 4]), [2], request)).toThrow(
      "naive (log): the log scale needs every value > 0",
    );
    expect(() => logged.forecast(new Float64Array([3, Number.NaN, 2]), request)).toThrow("naive (log)");
  });

  test("allPositive(y) holds only when every value is > 0, and not for an empty series", () => {
    expect(allPositive(new Float64Array([1e-300, 2]))).toBe(true);
    expect(allPositive(new Float64Array([1, 0]))).toBe(false);
    expect(allPositive(new Float64Array([1, Number.NaN]))).toBe(false);
    expect(allPositive(new Float64Array(0))).toBe(false);
  });
});
