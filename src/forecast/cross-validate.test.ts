import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { crossValidate, foldOrigins } from "./cross-validate.js";
import type { ForecastRequest } from "./forecaster.js";
import { brokenModel, lastValue, lastValueRefit, meanModel } from "./test-models.js";

const y = Float64Array.from({ length: 10 }, (_, t) => t + 1); // 1, 2, ..., 10
const options = { horizon: 3, windows: 3, step: 2, seasons: [], levels: [80] };

describe("foldOrigins(n, horizon, windows, step)", () => {
  test("ends the last fold at the last observation and steps back by step", () => {
    expect(foldOrigins(20, 4, 3, 2)).toEqual([12, 14, 16]);
    expect(foldOrigins(10, 3, 1, 5)).toEqual([7]);
  });

  test("names the parameter that is wrong", () => {
    expect(() => foldOrigins(10, 3, 0, 1)).toThrow("windows: 0 is not an integer >= 1");
    expect(() => foldOrigins(10, 3, 2, 1.5)).toThrow("step: 1.5 is not an integer >= 1");
    expect(() => foldOrigins(8, 3, 3, 3)).toThrow(
      "y: 8 points are too few for 3 windows of horizon 3 with step 3 (need at least 10)",
    );
  });
});

describe("crossValidate(y, forecaster, options)", () => {
  test("with the last value model gives folds computable by hand", () => {
    const cv = crossValidate(y, lastValue, options);
    expect(cv.refit).toBe(false);
    expect(cv.folds.map((fold) => fold.origin)).toEqual([3, 5, 7]);
    expect(cv.folds.map((fold) => Array.from(fold.actual))).toEqual([
      [4, 5, 6],
      [6, 7, 8],
      [8, 9, 10],
    ]);
    expect(cv.folds.map((fold) => Array.from(fold.mean))).toEqual([
      [3, 3, 3],
      [5, 5, 5],
      [7, 7, 7],
    ]);
    // The refit-free path has point forecasts only.
    expect(cv.folds[0].lower).toEqual([]);
  });

  test("refits a model without forecastOrigins at every origin and keeps its intervals", () => {
    const cv = crossValidate(y, lastValueRefit, options);
    expect(cv.refit).toBe(true);
    expect(cv.folds.map((fold) => Array.from(fold.mean))).toEqual([
      [3, 3, 3],
      [5, 5, 5],
      [7, 7, 7],
    ]);
    expect(Array.from(cv.folds[1].lower[0])).toEqual([4, 4, 4]);
    expect(Array.from(cv.folds[1].upper[0])).toEqual([6, 6, 6]);
  });

  test("refits when asked even if the model has forecastOrigins", () => {
    const cv = crossValidate(y, meanModel, { ...options, refit: true });
    expect(cv.refit).toBe(true);
    expect(Array.from(cv.folds[0].mean)).toEqual([2, 2, 2]); // mean of 1, 2, 3
    expect(Array.from(cv.folds[0].lower[0])).toEqual([0, 0, 0]);
  });

  test("hands on the final forecast of a model with forecastOriginsThenFinal, unless refitting", () => {
    const withFinal = {
      ...lastValue,
      name: "last-final",
      forecastOriginsThenFinal: (
        data: Float64Array,
        origins: readonly number[],
        request: ForecastRequest,
      ) => ({
        means: lastValue.forecastOrigins?.(data, origins, request) ?? [],
        final: (asked: ForecastRequest) => ({ ...lastValue.forecast(data, asked), description: "final" }),
      }),
    };
    const cv = crossValidate(y, withFinal, options);
    expect(Array.from(cv.folds[0].mean)).toEqual([3, 3, 3]); // the last value before origin 3
    expect(cv.final?.(options).description).toBe("final");
    expect(Array.from(cv.final?.(options).mean ?? [])).toEqual([10, 10, 10]);
    expect(crossValidate(y, withFinal, { ...options, refit: true }).final).toBeUndefined();
    expect(crossValidate(y, lastValue, options).final).toBeUndefined();
  });

  test("steps by the horizon when no step is given", () => {
    const cv = crossValidate(y, lastValue, { horizon: 3, windows: 3, seasons: [], levels: [] });
    expect(cv.folds.map((fold) => fold.origin)).toEqual([1, 4, 7]);
  });

  test("the refit-free path and refitting agree for a model whose forecastOrigins is exact", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (values, horizon, windows, step) => {
          const series = Float64Array.from(values);
          if (series.length < 1 + horizon + (windows - 1) * step) return;
          const request = { horizon, windows, step, seasons: [], levels: [90] };
          const fast = crossValidate(series, meanModel, request);
          const slow = crossValidate(series, meanModel, { ...request, refit: true });
          for (let k = 0; k < windows; k++) {
            expect(fast.folds[k].origin).toBe(series.length - horizon - (windows - 1 - k) * step);
            expect(fast.folds[k].mean).toEqual(slow.folds[k].mean);
            expect(fast.folds[k].actual).toEqual(
              series.slice(fast.folds[k].origin, fast.folds[k].origin + horizon),
            );
          }
        },
      ),
    );
  });

  test("rejects bad arguments with the parameter's name", () => {
    expect(() => crossValidate(y, lastValue, { ...options, horizon: 0 })).toThrow(
      "horizon: 0 is not an integer >= 1",
    );
    expect(() => crossValidate(y, lastValue, { ...options, windows: -1 })).toThrow("windows: -1");
    expect(() => crossValidate(y, lastValue, { ...options, step: 0 })).toThrow("step: 0");
    expect(() => crossValidate(y, lastValue, { ...options, levels: [100] })).toThrow("levels: 100");
    expect(() => crossValidate(y, lastValue, { ...options, seasons: [1] })).toThrow("seasons: 1");
    expect(() => crossValidate(y, lastValue, { ...options, seasons: [24, 7] })).toThrow(
      "seasons: [24, 7] is not ascending",
    );
    expect(() => crossValidate(y, lastValue, { ...options, windows: 5 })).toThrow(
      "y: 10 points are too few for 5 windows of horizon 3 with step 2 (need at least 12)",
    );
    expect(() => crossValidate(Float64Array.of(1, Number.NaN, 3, 4, 5, 6, 7, 8), lastValue, options)).toThrow(
      "y[1] is NaN",
    );
  });

  test("refuses a model that returns non-finite forecasts, naming it", () => {
    expect(() => crossValidate(y, brokenModel, options)).toThrow(
      'model "broken" returned a non-finite forecast (NaN) at origin 3, step 1',
    );
  });

  test("cuts the regressors with the series: the fold at origin t sees xreg[i][0, t + horizon)", () => {
    // Forecasts the regressor's future values, so each fold shows which columns it was given.
    const echo = {
      name: "echo",
      forecast(history: Float64Array, request: { horizon: number; xreg?: readonly Float64Array[] }) {
        const column = request.xreg?.[0] ?? new Float64Array(history.length + request.horizon);
        expect(column.length).toBe(history.length + request.horizon);
        const mean = column.slice(history.length);
        return {
          mean,
          lower: [mean],
          upper: [mean],
          fitted: new Float64Array(history.length),
          description: "",
        };
      },
    };
    const xreg = [Float64Array.from({ length: 13 }, (_, t) => 100 + t)];
    const cv = crossValidate(y, echo, { ...options, xreg });
    expect(cv.folds.map((fold) => fold.origin)).toEqual([3, 5, 7]);
    for (const fold of cv.folds) {
      expect([...fold.mean]).toEqual([100 + fold.origin, 101 + fold.origin, 102 + fold.origin]);
    }
  });

  test("rejects regressors that do not cover the series and the horizon, naming the column", () => {
    expect(() => crossValidate(y, lastValue, { ...options, xreg: [new Float64Array(10)] })).toThrow(
      "xreg[0]: expected a Float64Array of 13 values (10 observations + horizon 3), got 10",
    );
    const gap = Float64Array.from({ length: 13 }, (_, t) => (t === 4 ? Number.NaN : 0));
    expect(() => crossValidate(y, lastValue, { ...options, xreg: [new Float64Array(13), gap] })).toThrow(
      "xreg[1][4] is NaN",
    );
  });
});
