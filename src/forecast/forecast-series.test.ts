import { describe, expect, test } from "vitest";
import { autoForecaster } from "./auto-forecaster.js";
import { conformalForecaster } from "./conformal-forecaster.js";
import { forecastSeries } from "./forecast-series.js";
import type { Forecaster } from "./forecaster.js";
import { brokenModel, lastValue, meanModel, seasonalNaive, TestRandom } from "./test-models.js";

function weekly(n: number, seed = 1): Float64Array {
  const random = new TestRandom(seed);
  const week = [3, 5, 6, 6, 5, 1, 0];
  return Float64Array.from({ length: n }, (_, t) => 10 + 4 * week[t % 7] + 0.5 * random.normal());
}

const daily = { horizon: 7, levels: [80, 95], seasons: [7] };

describe("forecastSeries(values, request)", () => {
  test("forecasts a complete series with conformal intervals and no warning", () => {
    const y = weekly(150);
    const forecast = forecastSeries(y, { ...daily, model: seasonalNaive });
    expect(forecast.warnings).toEqual([]);
    expect(forecast).toMatchObject({
      description: "SeasonalNaive(7)",
      fallback: null,
      intervals: "conformal",
    });
    expect(forecast.result).toEqual(conformalForecaster(seasonalNaive).forecast(y, daily));
  });

  test("names the candidates an automatic model chose (members), and null for any other model", () => {
    const y = weekly(150);
    const auto = forecastSeries(y, { ...daily, model: autoForecaster([seasonalNaive, meanModel]) });
    expect(auto.members).toEqual(["snaive"]);
    expect(auto.description).toBe("auto: snaive");
    expect(forecastSeries(y, { ...daily, model: seasonalNaive }).members).toBeNull();
    expect(
      forecastSeries(new Float64Array(20).fill(3), { ...daily, model: seasonalNaive }).members,
    ).toBeNull();
  });

  test("imputes gaps by seasonal interpolation and counts them", () => {
    const y = weekly(150);
    y[40] = Number.NaN;
    y[41] = Number.NaN;
    y[100] = Number.NaN;
    const forecast = forecastSeries(y, { ...daily, model: seasonalNaive });
    expect(forecast.warnings).toEqual([
      "imputed 3 missing values of 150 by seasonal interpolation (period 7)",
    ]);
    // The seasonal naive fitted value at 47 is the imputed y[40], halfway between y[33] and y[47].
    expect(forecast.result.fitted[47]).toBeCloseTo((y[33] + y[47]) / 2, 12);
  });

  test("drops leading gaps and pads the fitted values to the input's length", () => {
    const y = weekly(150);
    y.fill(Number.NaN, 0, 2);
    const forecast = forecastSeries(y, { ...daily, model: lastValue });
    expect(forecast.warnings).toEqual(["dropped 2 missing values before the first observation"]);
    expect(forecast.result.fitted).toHaveLength(150);
    expect(Array.from(forecast.result.fitted.subarray(0, 4))).toEqual([
      Number.NaN,
      Number.NaN,
      Number.NaN,
      y[2],
    ]);
  });

  test("hands the regressors to the model, cut like the series when leading gaps are dropped", () => {
    const seen: number[][] = [];
    const recorder: Forecaster = {
      name: "recorder",
      forecast(y, request) {
        seen.push(Array.from(request.xreg?.[0] ?? []));
        return lastValue.forecast(y, request);
      },
    };
    const y = weekly(40);
    y.fill(Number.NaN, 0, 2);
    const xreg = [Float64Array.from({ length: 47 }, (_, t) => t)];
    forecastSeries(y, { ...daily, model: recorder, conformal: false, xreg });
    expect(seen).toEqual([Array.from({ length: 45 }, (_, t) => t + 2)]);
    expect(() => forecastSeries(y, { ...daily, model: recorder, xreg: [new Float64Array(40)] })).toThrow(
      "xreg[0]: expected a Float64Array of 47 values (40 observations + horizon 7), got 40",
    );
  });

  test("throws on a series without observations, an empty one and infinite values", () => {
    const request = { ...daily, model: lastValue };
    expect(() => forecastSeries(new Float64Array(5).fill(Number.NaN), request)).toThrow(
      "values: no observations (all 5 values are NaN)",
    );
    expect(() => forecastSeries(new Float64Array(0), request)).toThrow("values: the series is empty");
    expect(() => forecastSeries(Float64Array.of(1, 2, 3, Number.POSITIVE_INFINITY), request)).toThrow(
      "values[3] is Infinity: a series holds finite numbers and NaN for gaps",
    );
    expect(() => forecastSeries([1, 2] as unknown as Float64Array, request)).toThrow(
      "values: expected a Float64Array",
    );
  });

  test("forecasts a constant series as that constant with zero-width intervals", () => {
    const forecast = forecastSeries(new Float64Array(50).fill(5), { ...daily, model: seasonalNaive });
    expect(forecast.warnings).toEqual([
      "constant series (every value is 5): the forecast is 5 with zero-width intervals",
    ]);
    expect(forecast).toMatchObject({
      description: "Constant(5)",
      fallback: "constant",
      intervals: "constant",
    });
    expect(Array.from(forecast.result.mean)).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(forecast.result.lower).toEqual([forecast.result.mean, forecast.result.mean]);
    expect(forecast.result.upper).toEqual([forecast.result.mean, forecast.result.mean]);
  });

  test("forecasts an all-zero series (with a gap) as zeros", () => {
    const y = new Float64Array(30);
    y[0] = Number.NaN;
    y[10] = Number.NaN;
    const forecast = forecastSeries(y, { ...daily, model: seasonalNaive });
    expect(forecast.warnings).toEqual([
      "dropped 1 missing values before the first observation",
      "imputed 1 missing values of 30 by seasonal interpolation (period 7)",
      "all-zero series: the forecast is 0 with zero-width intervals",
    ]);
    expect(Array.from(forecast.result.upper[1])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(forecast.result.fitted[0]).toBeNaN();
    expect(forecast.result.fitted[1]).toBe(0);
  });

  test("falls back to the naive model without seasons below two periods of the smallest season", () => {
    const y = Float64Array.of(4, 6, 5, 7, 6, 8, 7, 9, 8, 10);
    const forecast = forecastSeries(y, { ...daily, model: seasonalNaive });
    expect(forecast.warnings).toEqual([
      '10 points are fewer than two periods of the smallest season (7): used the "naive" model without seasons instead of "snaive"',
      'too short to calibrate intervals (10 points for horizon 7): the intervals are model "naive"\'s own',
    ]);
    expect(forecast).toMatchObject({ description: "Naive", fallback: "short", intervals: "model" });
    expect(Array.from(forecast.result.mean)).toEqual([10, 10, 10, 10, 10, 10, 10]);
  });

  test("falls back on a series of fewer than four points even without seasons, to the model given", () => {
    const forecast = forecastSeries(Float64Array.of(1, 3, 2), {
      horizon: 2,
      levels: [],
      seasons: [],
      model: lastValue,
      fallback: meanModel,
    });
    expect(forecast.warnings[0]).toBe(
      '3 points are too few for a model: used the "mean" model without seasons instead of "last"',
    );
    expect(Array.from(forecast.result.mean)).toEqual([2, 2]);
  });

  test("drops the seasons the series is too short for", () => {
    const random = new TestRandom(2);
    const y = Float64Array.from(
      { length: 300 },
      (_, t) => 50 + 20 * Math.sin((2 * Math.PI * t) / 24) + random.normal(),
    );
    const seen: number[][] = [];
    const spy: Forecaster = {
      name: "snaive",
      forecast(series, request) {
        seen.push([...request.seasons]);
        return seasonalNaive.forecast(series, request);
      },
      forecastOrigins: seasonalNaive.forecastOrigins,
    };
    const forecast = forecastSeries(y, { horizon: 24, levels: [80], seasons: [24, 168], model: spy });
    expect(forecast.warnings).toEqual(["dropped seasons 168: 300 points are fewer than two periods of each"]);
    expect(seen).toEqual([[24]]);
  });

  test("keeps the model's intervals on a series too short to calibrate, and says so", () => {
    const forecast = forecastSeries(weekly(20), { ...daily, model: seasonalNaive });
    expect(forecast.intervals).toBe("model");
    expect(forecast.warnings).toEqual([
      'too short to calibrate intervals (20 points for horizon 7): the intervals are model "snaive"\'s own',
    ]);
  });

  test("raises the interval bounds of a count series that fall below zero, without a warning", () => {
    const random = new TestRandom(3);
    const counts = Float64Array.from({ length: 120 }, () =>
      random.next() < 0.6 ? 0 : 1 + Math.floor(4 * random.next()),
    );
    const request = { horizon: 5, levels: [80, 95], seasons: [] };
    const unclipped = conformalForecaster(meanModel).forecast(counts, request);
    expect(Math.min(...unclipped.lower[1])).toBeLessThan(0);
    const forecast = forecastSeries(counts, { ...request, model: meanModel });
    expect(forecast.warnings).toEqual([]);
    for (const bound of forecast.result.lower) {
      for (const v of bound) expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(forecast.result.mean).toEqual(unclipped.mean);
    expect(forecast.result.upper).toEqual(unclipped.upper);
  });

  test("raises the point forecasts of a count series that fall below zero, and counts them", () => {
    // Naive with drift on a series falling by 2 a step to 0: its forecasts go on to -2, -4, ...
    const drift: Forecaster = {
      name: "drift",
      forecast(y, request) {
        const step = (y[y.length - 1] - y[0]) / (y.length - 1);
        const mean = Float64Array.from(
          { length: request.horizon },
          (_, j) => y[y.length - 1] + step * (j + 1),
        );
        return {
          mean,
          lower: request.levels.map(() => mean.map((m) => m - 1)),
          upper: request.levels.map(() => mean.map((m) => m + 1)),
          fitted: new Float64Array(y.length).fill(Number.NaN),
          description: "Drift",
        };
      },
    };
    const falling = Float64Array.from({ length: 30 }, (_, t) => 58 - 2 * t);
    const request = { horizon: 4, levels: [80], seasons: [], model: drift, conformal: false };
    const forecast = forecastSeries(falling, request);
    expect(forecast.warnings).toEqual([
      "non-negative series: 4 of 4 point forecasts below zero were raised to zero",
    ]);
    expect([...forecast.result.mean]).toEqual([0, 0, 0, 0]);
    expect([...forecast.result.lower[0], ...forecast.result.upper[0]]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test("does not clip a series that has a negative value", () => {
    const y = Float64Array.from({ length: 120 }, (_, t) => (t % 3) - 0.5);
    const forecast = forecastSeries(y, { horizon: 3, levels: [95], seasons: [], model: meanModel });
    expect(forecast.warnings).toEqual([]);
    expect(Math.min(...forecast.result.lower[0])).toBeLessThan(0);
  });

  test("refuses non-finite model output, naming the model", () => {
    expect(() => forecastSeries(weekly(150), { ...daily, model: brokenModel })).toThrow(
      'model "broken" returned a non-finite mean (NaN) at step 1',
    );
  });

  test("keeps the model's own intervals when conformal is off", () => {
    const y = weekly(150);
    const forecast = forecastSeries(y, { ...daily, model: seasonalNaive, conformal: false });
    expect(forecast.intervals).toBe("model");
    expect(forecast.result.lower).toEqual(seasonalNaive.forecast(y, daily).lower);
  });

  test("lets the automatic model calibrate its own intervals", () => {
    const y = weekly(150);
    const auto = autoForecaster([lastValue, seasonalNaive, meanModel]);
    const forecast = forecastSeries(y, { ...daily, model: auto });
    expect(forecast).toMatchObject({ description: "auto: snaive", intervals: "conformal", fallback: null });
    expect(forecast.result).toEqual(auto.forecastWithReport(y, daily).result);
  });

  test("rejects a bad request with the parameter's name", () => {
    expect(() => forecastSeries(weekly(30), { ...daily, horizon: 0, model: lastValue })).toThrow(
      "horizon: 0",
    );
    expect(() => forecastSeries(weekly(30), { ...daily, model: undefined as unknown as Forecaster })).toThrow(
      "model: expected a Forecaster",
    );
  });
});
