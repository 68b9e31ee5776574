import { describe, expect, test } from "vitest";
import { crossValidate } from "./cross-validate.js";
import { eventAdjusted } from "./event-adjusted.js";
import type { ForecastRequest } from "./forecaster.js";
import { seasonalNaive } from "./models/baselines/index.js";
import { autoEts } from "./models/ets/ets.js";
import { lastValueRefit, meanModel, TestRandom } from "./test-models.js";

const DAY_MS = 86_400_000;
const WEEKLY = [0.7, 1, 1.05, 1.1, 1.1, 1.05, 0.8]; // Sunday first

/**
 * A daily series from `first` with weekly seasonality, a slow trend, 5% multiplicative noise and traffic
 * x`effect` on every December 25, with the holiday's 0/1 column over `n + horizon` days and the expected
 * values without noise.
 */
function christmasSeries(first: number, n: number, horizon: number, effect: number, seed: number) {
  const random = new TestRandom(seed);
  const y = new Float64Array(n);
  const expected = new Float64Array(n + horizon);
  const christmas = new Float64Array(n + horizon);
  for (let t = 0; t < n + horizon; t++) {
    const date = new Date(first + t * DAY_MS);
    const isChristmas = date.getUTCMonth() === 11 && date.getUTCDate() === 25;
    christmas[t] = isChristmas ? 1 : 0;
    expected[t] = 1000 * (1 + 0.0002 * t) * WEEKLY[date.getUTCDay()] * (isChristmas ? effect : 1);
    if (t < n) y[t] = expected[t] * Math.exp(0.05 * random.normal());
  }
  return { y, expected, christmas };
}

describe("eventAdjusted", () => {
  test("eventAdjusted(ets) recovers a x0.6 Christmas effect seen three times, within 10% on the forecast day", () => {
    const first = Date.UTC(2022, 11, 1);
    const n = (Date.UTC(2025, 11, 19) - first) / DAY_MS; // history to 2025-12-18: Christmas 2022, 2023, 2024
    const horizon = 14;
    const { y, expected, christmas } = christmasSeries(first, n, horizon, 0.6, 7);
    const request: ForecastRequest = { horizon, levels: [80, 95], seasons: [7], xreg: [christmas] };
    const day = (Date.UTC(2025, 11, 25) - first) / DAY_MS - n;
    const adjusted = eventAdjusted(autoEts).forecast(y, request);
    expect(Math.abs(adjusted.mean[day] / expected[n + day] - 1)).toBeLessThan(0.1);
    // The days around it are forecast as the model alone would: within 10% too.
    for (const other of [day - 6, day + 1, day + 7]) {
      expect(Math.abs(adjusted.mean[other] / expected[n + other] - 1)).toBeLessThan(0.1);
    }
    // Without the events the same model misses the holiday by far.
    const plain = autoEts.forecast(y, { horizon, levels: [80, 95], seasons: [7] });
    expect(plain.mean[day] / expected[n + day]).toBeGreaterThan(1.4);
    // Bounds are scaled with the mean, so the holiday's interval still contains its forecast.
    for (let l = 0; l < 2; l++) {
      expect(adjusted.lower[l][day]).toBeLessThan(adjusted.mean[day]);
      expect(adjusted.upper[l][day]).toBeGreaterThan(adjusted.mean[day]);
      expect(adjusted.upper[l][day]).toBeLessThan(plain.upper[l][day]);
    }
    expect(adjusted.description).toMatch(/with events \(x0\.\d\d\)$/);
    expect(adjusted.fitted).toHaveLength(n);
  });

  test("an hourly series with a x0.6 day once a year: the forecast day's total is within 10%", () => {
    const HOUR_MS = 3_600_000;
    const first = Date.UTC(2023, 0, 2);
    const days = (Date.UTC(2025, 11, 20) - first) / DAY_MS;
    const n = days * 24;
    const horizon = 168;
    const random = new TestRandom(11);
    const y = new Float64Array(n);
    const expected = new Float64Array(n + horizon);
    const holiday = new Float64Array(n + horizon);
    for (let t = 0; t < n + horizon; t++) {
      const date = new Date(first + t * HOUR_MS);
      const onHoliday = date.getUTCMonth() === 11 && date.getUTCDate() === 24;
      holiday[t] = onHoliday ? 1 : 0;
      const daily = 1 + 0.6 * Math.sin((2 * Math.PI * (date.getUTCHours() - 9)) / 24);
      expected[t] = 100 * daily * WEEKLY[date.getUTCDay()] * (onHoliday ? 0.6 : 1);
      if (t < n) y[t] = expected[t] * Math.exp(0.1 * random.normal());
    }
    const request: ForecastRequest = { horizon, levels: [80], seasons: [24, 168], xreg: [holiday] };
    const result = eventAdjusted(seasonalNaive(168)).forecast(y, request);
    const start = (Date.UTC(2025, 11, 24) - first) / HOUR_MS - n;
    let forecastTotal = 0;
    let expectedTotal = 0;
    for (let h = start; h < start + 24; h++) {
      forecastTotal += result.mean[h];
      expectedTotal += expected[n + h];
    }
    expect(Math.abs(forecastTotal / expectedTotal - 1)).toBeLessThan(0.1);
  });

  test("without xreg (or with no columns) the result is exactly the model's", () => {
    const { y } = christmasSeries(Date.UTC(2024, 0, 1), 100, 7, 0.6, 3);
    const request: ForecastRequest = { horizon: 7, levels: [80], seasons: [7] };
    const model = eventAdjusted(autoEts);
    expect(model.name).toBe("ets");
    expect(model.forecast(y, request)).toEqual(autoEts.forecast(y, request));
    expect(model.forecast(y, { ...request, xreg: [] })).toEqual(autoEts.forecast(y, request));
    const snaive = seasonalNaive(7);
    // biome-ignore lint/style/noNonNullAssertion: the baselines have the fast path
    const origins = eventAdjusted(snaive).forecastOrigins!(y, [80, 90], request);
    // biome-ignore lint/style/noNonNullAssertion: as above
    expect(origins).toEqual(snaive.forecastOrigins!(y, [80, 90], request));
  });

  test("columns that are 0 over the horizon leave the forecast the model's on the event-free history", () => {
    const { y, christmas } = christmasSeries(Date.UTC(2022, 11, 1), 800, 7, 0.6, 5);
    const request: ForecastRequest = { horizon: 7, levels: [80], seasons: [7], xreg: [christmas] };
    const result = eventAdjusted(meanModel).forecast(y, request);
    const cleaned = Float64Array.from(y, (v, t) => (christmas[t] === 1 ? Number.NaN : v)).filter(
      (v) => !Number.isNaN(v),
    );
    const cleanMean = cleaned.reduce((a, b) => a + b, 0) / cleaned.length;
    // The two Christmases are divided by ~0.6: the mean moves towards the event-free mean.
    const plainMean = y.reduce((a, b) => a + b, 0) / y.length;
    expect(Math.abs(result.mean[0] - cleanMean)).toBeLessThan(Math.abs(plainMean - cleanMean) / 2);
    expect(result.upper[0][0] - result.lower[0][0]).toBeCloseTo(4, 10);
  });

  test("forecastOrigins at the end of the series agrees with forecast, and exists only when the model has it", () => {
    const first = Date.UTC(2022, 11, 1);
    const n = (Date.UTC(2025, 11, 19) - first) / DAY_MS;
    const { y, christmas } = christmasSeries(first, n, 14, 0.6, 9);
    const request: ForecastRequest = { horizon: 14, levels: [], seasons: [7], xreg: [christmas] };
    const model = eventAdjusted(seasonalNaive(7));
    // biome-ignore lint/style/noNonNullAssertion: seasonalNaive has the fast path
    const [atEnd] = model.forecastOrigins!(y, [n], request);
    const direct = model.forecast(y, request).mean;
    for (let j = 0; j < 14; j++) expect(atEnd[j]).toBeCloseTo(direct[j], 9);
    expect(eventAdjusted(lastValueRefit).forecastOrigins).toBeUndefined();
  });

  test("in cross-validation (fast path and refits) the fold over Christmas errs far less than the model alone", () => {
    const first = Date.UTC(2022, 11, 1);
    const n = (Date.UTC(2026, 0, 2) - first) / DAY_MS;
    const { y, christmas } = christmasSeries(first, n, 7, 0.6, 13);
    const options = { horizon: 7, windows: 2, step: 7, levels: [], seasons: [7], xreg: [christmas] };
    const christmasError = (
      folds: readonly { origin: number; actual: Float64Array; mean: Float64Array }[],
    ) => {
      const fold = folds.find((f) => christmas.subarray(f.origin, f.origin + 7).includes(1));
      if (fold === undefined) throw new Error("no fold over Christmas");
      const j = christmas.subarray(fold.origin).indexOf(1);
      return Math.abs(fold.mean[j] / fold.actual[j] - 1);
    };
    const plain = christmasError(crossValidate(y, seasonalNaive(7), options).folds);
    const fast = crossValidate(y, eventAdjusted(seasonalNaive(7)), options);
    const refit = crossValidate(y, eventAdjusted(seasonalNaive(7)), { ...options, refit: true });
    expect(fast.refit).toBe(false);
    expect(plain).toBeGreaterThan(0.4);
    expect(christmasError(fast.folds)).toBeLessThan(0.15);
    expect(christmasError(refit.folds)).toBeLessThan(0.15);
  });

  test("a series with a negative value is forecast as the model alone does", () => {
    const { y, christmas } = christmasSeries(Date.UTC(2022, 11, 1), 800, 7, 0.6, 5);
    y[3] = -1;
    const request: ForecastRequest = { horizon: 7, levels: [80], seasons: [7], xreg: [christmas] };
    const result = eventAdjusted(seasonalNaive(7)).forecast(y, request);
    expect(result.mean).toEqual(seasonalNaive(7).forecast(y, { ...request, xreg: undefined }).mean);
    expect(result.description).toMatch(/x1\.00/);
  });

  test("bad regressors are errors naming the parameter", () => {
    const y = new Float64Array(30).fill(1);
    const model = eventAdjusted(meanModel);
    expect(() =>
      model.forecast(y, { horizon: 3, levels: [], seasons: [], xreg: [new Float64Array(30)] }),
    ).toThrow("xreg[0]: expected a Float64Array of 33 values (30 observations + horizon 3), got 30");
    const gap = new Float64Array(33);
    gap[5] = Number.NaN;
    expect(() => model.forecast(y, { horizon: 3, levels: [], seasons: [], xreg: [gap] })).toThrow(
      "xreg[0][5] is NaN",
    );
  });
});
