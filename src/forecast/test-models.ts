/*
 * Small real models and a seeded generator for the tests of the forecasting engine (cross-validation,
 * conformal intervals, ensembles, selection). Not part of the library's API.
 */
import type { Forecaster, ForecastRequest, ForecastResult } from "./forecaster.js";

function constantBands(mean: Float64Array, width: number, levels: readonly number[]) {
  return {
    lower: levels.map(() => mean.map((m) => m - width)),
    upper: levels.map(() => mean.map((m) => m + width)),
  };
}

function lastValueForecast(y: Float64Array, request: ForecastRequest): ForecastResult {
  const mean = new Float64Array(request.horizon).fill(y[y.length - 1]);
  const fitted = new Float64Array(y.length).fill(Number.NaN);
  for (let t = 1; t < y.length; t++) fitted[t] = y[t - 1];
  return { mean, ...constantBands(mean, 1, request.levels), fitted, description: "LastValue" };
}

/** Last value, with `forecastOrigins`; its intervals are ±1 at every level. */
export const lastValue: Forecaster = {
  name: "last",
  forecast: lastValueForecast,
  forecastOrigins: (y, origins, request) =>
    origins.map((t) => new Float64Array(request.horizon).fill(y[t - 1])),
};

/** Last value without `forecastOrigins`: cross-validation must refit it. */
export const lastValueRefit: Forecaster = { name: "last-refit", forecast: lastValueForecast };

function average(y: Float64Array, end: number): number {
  let sum = 0;
  for (let t = 0; t < end; t++) sum += y[t];
  return sum / end;
}

/** Mean of all observations; its intervals are ±2. With `forecastOrigins` (the mean of `y[0, t)`). */
export const meanModel: Forecaster = {
  name: "mean",
  forecast(y, request) {
    const mean = new Float64Array(request.horizon).fill(average(y, y.length));
    return {
      mean,
      ...constantBands(mean, 2, request.levels),
      fitted: new Float64Array(y.length),
      description: "Mean",
    };
  },
  forecastOrigins: (y, origins, request) =>
    origins.map((t) => new Float64Array(request.horizon).fill(average(y, t))),
};

/** Seasonal naive with the smallest season of the request (naive without); intervals ±1. */
export const seasonalNaive: Forecaster = {
  name: "snaive",
  forecast(y, request) {
    const period = request.seasons[0] ?? 1;
    const mean = new Float64Array(request.horizon);
    for (let j = 0; j < request.horizon; j++) mean[j] = y[y.length - period + (j % period)];
    const fitted = new Float64Array(y.length).fill(Number.NaN);
    for (let t = period; t < y.length; t++) fitted[t] = y[t - period];
    return {
      mean,
      ...constantBands(mean, 1, request.levels),
      fitted,
      description: `SeasonalNaive(${period})`,
    };
  },
  forecastOrigins(y, origins, request) {
    const period = request.seasons[0] ?? 1;
    return origins.map((t) => {
      const mean = new Float64Array(request.horizon);
      for (let j = 0; j < request.horizon; j++) mean[j] = y[t - period + (j % period)];
      return mean;
    });
  },
};

/** A model that returns NaN forecasts, to test that non-finite output is refused. */
export const brokenModel: Forecaster = {
  name: "broken",
  forecast(y, request) {
    const mean = new Float64Array(request.horizon).fill(Number.NaN);
    return {
      mean,
      ...constantBands(mean, 1, request.levels),
      fitted: new Float64Array(y.length),
      description: "Broken",
    };
  },
};

/** A seeded generator (mulberry32, Tommy Ettinger) with standard normal draws by Box-Muller. */
export class TestRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Standard normal. */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
}
