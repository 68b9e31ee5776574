import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { AutoForecaster } from "../auto-forecaster.js";
import { forecastSeries } from "../forecast-series.js";
import { seasonalStrength } from "./arima/seasonal-strength.js";
import { MODEL_NAMES, resolveModel, WEAK_SEASON_STRENGTH } from "./registry.js";

function hourlyPattern(days: number): Float64Array {
  const y = new Float64Array(days * 24);
  for (let t = 0; t < y.length; t++) {
    const weekend = Math.floor(t / 24) % 7 >= 5 ? 0.6 : 1;
    y[t] = Math.round(100 * weekend * (1.5 + Math.sin((2 * Math.PI * t) / 24)) + 5 * Math.sin(t * 7.31));
  }
  return y;
}

describe("resolveModel(name)", () => {
  test("knows every model named on the command line, auto first", () => {
    expect(MODEL_NAMES[0]).toBe("auto");
    const intermittent = ["croston", "croston_optimized", "sba", "tsb", "adida", "imapa"];
    for (const name of [
      "ets",
      "theta",
      "mstl",
      "mstl_ets",
      "snaive",
      "naive",
      "ensemble",
      "dotm",
      "ewma",
      "arima",
      ...intermittent,
    ]) {
      expect(MODEL_NAMES).toContain(name);
      expect(resolveModel(name).name).toBe(name);
    }
  });

  test("refuses an unknown name, listing the known ones", () => {
    expect(() => resolveModel("prophet")).toThrow('model: "prophet" is not one of auto, ets, theta');
  });

  test("resolveModel(median(a, b, c)) forecasts the middle of its members' forecasts, step by step", () => {
    const y = hourlyPattern(21);
    const request = { horizon: 48, levels: [80], seasons: [24, 168] };
    const model = resolveModel("median( naive,snaive, window_average )");
    expect(model.name).toBe("median(naive, snaive, window_average)");
    const combined = model.forecast(y, request);
    const members = ["naive", "snaive", "window_average"].map((name) =>
      resolveModel(name).forecast(y, request),
    );
    for (let h = 0; h < request.horizon; h++) {
      const values = members.map((m) => m.mean[h]).sort((a, b) => a - b);
      expect(combined.mean[h]).toBe(values[1]);
      const lowers = members.map((m) => m.lower[0][h]).sort((a, b) => a - b);
      expect(combined.lower[0][h]).toBe(lowers[1]);
    }
    // Its members all have the cross-validation fast path, so the ensemble has it too.
    expect(model.forecastOrigins).toBeDefined();
  });

  test("resolveModel(mean(a, b)) averages its members; a bad ensemble is refused saying why", () => {
    const y = hourlyPattern(21);
    const request = { horizon: 24, levels: [95], seasons: [24] };
    const mean = resolveModel("mean(naive, snaive)").forecast(y, request).mean;
    const naive = resolveModel("naive").forecast(y, request).mean;
    const snaive = resolveModel("snaive").forecast(y, request).mean;
    for (let h = 0; h < 24; h++) expect(mean[h]).toBeCloseTo((naive[h] + snaive[h]) / 2, 10);
    expect(() => resolveModel("mean(naive)")).toThrow("an ensemble needs at least two models");
    expect(() => resolveModel("median(naive, prophet)")).toThrow('"prophet" is not one of auto,');
  });

  test("snaive repeats the longest season", () => {
    const y = hourlyPattern(21);
    const result = resolveModel("snaive").forecast(y, { horizon: 168, levels: [80], seasons: [24, 168] });
    expect(result.description).toBe("SeasonalNaive(168)");
    expect(Array.from(result.mean)).toEqual(Array.from(y.subarray(y.length - 168)));
  });

  test("auto chooses among MSTL and Theta with several seasons, ETS among them with one", () => {
    const y = hourlyPattern(28);
    const auto = resolveModel("auto");
    const hourly = forecastSeries(y, { model: auto, horizon: 48, levels: [80, 95], seasons: [24, 168] });
    expect(hourly.description).toMatch(/^auto: /);
    expect(hourly.description).not.toMatch(/ets/);
    expect(hourly.intervals).toBe("conformal");
    const daily = new Float64Array(120);
    for (let t = 0; t < daily.length; t++)
      daily[t] = 50 + 10 * ((t % 7) - 3) + 0.2 * t + 3 * Math.sin(t * 3.7);
    const report = forecastSeries(daily, { model: auto, horizon: 14, levels: [80, 95], seasons: [7] });
    expect(report.description).toMatch(/^auto: /);
    for (let h = 0; h < 14; h++) {
      expect(report.result.lower[1][h]).toBeLessThanOrEqual(report.result.mean[h]);
      expect(report.result.upper[1][h]).toBeGreaterThanOrEqual(report.result.mean[h]);
    }
  });

  test("auto lets Theta and MSTL compete without a single season weaker than WEAK_SEASON_STRENGTH, and not without a strong one", () => {
    const auto = resolveModel("auto") as AutoForecaster;
    const request = { horizon: 14, levels: [80, 95], seasons: [7] };
    const seasonless = ["theta (no season)", "mstl (no season)"];
    // Noise and a trend with a weekly ripple a tenth of the noise: seasonal strength near 0.
    const weak = new Float64Array(150);
    for (let t = 0; t < weak.length; t++)
      weak[t] = 100 + 0.3 * t + 8 * Math.sin(t * 7.31) + 6 * Math.sin(t * 2.9) + 0.5 * ((t % 7) - 3);
    expect(seasonalStrength(weak, 7)).toBeLessThan(WEAK_SEASON_STRENGTH);
    const labels = auto.forecastWithReport(weak, request).selection.scores.map((s) => s.label);
    for (const name of ["ets", "theta", "mstl", ...seasonless]) expect(labels).toContain(name);
    // The seasonless candidates are the models asked without a season.
    const fold = { horizon: 14, levels: [80], seasons: [7] };
    expect(Array.from(resolveModel("mstl").forecast(weak, { ...fold, seasons: [] }).mean)).not.toEqual(
      Array.from(resolveModel("mstl").forecast(weak, fold).mean),
    );

    const strong = new Float64Array(150);
    for (let t = 0; t < strong.length; t++)
      strong[t] = 50 + 10 * ((t % 7) - 3) + 0.2 * t + 3 * Math.sin(t * 3.7);
    expect(seasonalStrength(strong, 7)).toBeGreaterThan(WEAK_SEASON_STRENGTH);
    const kept = auto.forecastWithReport(strong, request);
    const strongLabels = kept.selection.scores.map((s) => s.label);
    for (const name of seasonless) expect(strongLabels).not.toContain(name);
    expect(strongLabels).toContain("mstl");
    // The weekly pattern is forecast: a week ahead repeats this week's shape.
    expect(Math.abs(kept.result.mean[0] - kept.result.mean[7])).toBeLessThan(5);
    expect(Math.abs(kept.result.mean[0] - kept.result.mean[3])).toBeGreaterThan(15);
  });

  test("auto lets Theta and MSTL compete on the log scale for a series above 0 with one season, not with a zero or several seasons", () => {
    const auto = resolveModel("auto") as AutoForecaster;
    const request = { horizon: 12, levels: [80, 95], seasons: [12] };
    const twins = ["theta (log)", "mstl (log)"];
    // Growth by a rate with a seasonal swing in proportion to the level, as AirPassengers.
    const growing = new Float64Array(144);
    for (let t = 0; t < growing.length; t++)
      growing[t] =
        100 * Math.exp(0.01 * t) * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 12) + 0.03 * Math.sin(t * 7.31));
    const report = auto.forecastWithReport(growing, request);
    const labels = report.selection.scores.map((s) => s.label);
    for (const name of ["ets", "theta", "mstl", ...twins]) expect(labels).toContain(name);
    // On growth by a rate the log-scale Theta forecasts better than Theta on the values in cross-validation.
    const mase = (label: string) =>
      report.selection.scores.find((s) => s.label === label)?.mase ?? Number.NaN;
    expect(mase("theta (log)")).toBeLessThan(mase("theta"));

    const withZero = growing.slice();
    withZero[70] = 0;
    const zeroLabels = auto.forecastWithReport(withZero, request).selection.scores.map((s) => s.label);
    for (const name of twins) expect(zeroLabels).not.toContain(name);
    const hourly = hourlyPattern(21).map((v) => v + 1);
    const hourlyLabels = auto
      .forecastWithReport(hourly, { horizon: 24, levels: [80], seasons: [24, 168] })
      .selection.scores.map((s) => s.label);
    for (const name of twins) expect(hourlyLabels).not.toContain(name);
  });

  test("auto lets the seasonal window median compete on daily series (one season of 7) only", () => {
    const auto = resolveModel("auto") as AutoForecaster;
    // A weekly profile around a steady level, with holidays that drop to a third.
    const daily = new Float64Array(7 * 30);
    for (let t = 0; t < daily.length; t++)
      daily[t] =
        (t % 61 === 40 ? 0.3 : 1) * (200 + 40 * Math.sin((2 * Math.PI * t) / 7) + 9 * Math.sin(t * 7.31));
    const scores = auto.forecastWithReport(daily, { horizon: 14, levels: [80], seasons: [7] }).selection
      .scores;
    expect(scores.map((s) => s.label)).toContain("seasonal_window_median");
    // A holiday in every window of 61 days pulls the smoothing models; the median of the weekday does not move.
    const score = (label: string) => scores.find((s) => s.label === label)?.mase ?? Number.NaN;
    expect(score("seasonal_window_median")).toBeLessThan(score("theta"));
    for (const seasons of [[12], [24, 168], []]) {
      const labels = auto
        .forecastWithReport(daily, { horizon: 14, levels: [80], seasons })
        .selection.scores.map((s) => s.label);
      expect(labels).not.toContain("seasonal_window_median");
    }
    expect(
      resolveModel("seasonal_window_median").forecast(daily, { horizon: 7, levels: [], seasons: [7] })
        .description,
    ).toBe("SeasonalWindowMedian(7 x 8)");
  });

  test("auto lets the intermittent models compete on a sparse series, and not on a dense one", () => {
    const auto = resolveModel("auto") as AutoForecaster;
    const request = { horizon: 24, levels: [80], seasons: [24] };
    const sparse = new Float64Array(24 * 21);
    for (let t = 0; t < sparse.length; t++) sparse[t] = (t * 7919) % 13 < 3 ? 1 + ((t * 31) % 4) : 0;
    const labels = auto.forecastWithReport(sparse, request).selection.scores.map((s) => s.label);
    for (const name of ["tsb", "sba", "croston_optimized", "imapa", "ets", "theta", "mstl"]) {
      expect(labels).toContain(name);
    }
    const dense = hourlyPattern(21);
    const denseLabels = auto.forecastWithReport(dense, request).selection.scores.map((s) => s.label);
    expect(denseLabels).not.toContain("tsb");
  });

  test("auto still picks a seasonal model for a daily pattern with zero nights, intermittent as it is", () => {
    const y = new Float64Array(24 * 7 * 6);
    for (let t = 0; t < y.length; t++) {
      const hour = t % 24;
      y[t] =
        hour < 8
          ? 0
          : Math.round(20 * (1 + Math.sin((2 * Math.PI * (hour - 8)) / 32)) + 3 * Math.sin(t * 7.31));
    }
    const report = forecastSeries(y, {
      model: resolveModel("auto"),
      horizon: 48,
      levels: [80],
      seasons: [24, 168],
    });
    expect(report.description).toMatch(/theta|mstl/);
    expect(report.description).not.toMatch(/tsb|sba|croston|imapa/);
  });
});

describe("forecastSeries(y, { model: every registry model })", () => {
  // The seasons of each frequency with a horizon, and series a user can hand the CLI: noise, counts, sparse counts,
  // constants, exact patterns, steps, spikes, negative and tiny values, with gaps; short and long enough to select.
  const requests = [
    { seasons: [7], horizon: 7 },
    { seasons: [12], horizon: 6 },
    { seasons: [4], horizon: 4 },
    { seasons: [52], horizon: 5 },
    { seasons: [], horizon: 3 },
  ];
  const shapes: Record<string, (t: number, m: number, u: number) => number> = {
    noise: (t, m, u) => 100 + 10 * Math.sin((2 * Math.PI * t) / m) + 5 * u,
    counts: (t, m, u) => Math.round(Math.max(0, 3 + 2 * Math.sin((2 * Math.PI * t) / m) + 3 * u)),
    sparse: (_, __, u) => (u > 0.4 ? Math.ceil(10 * (u - 0.4)) : 0),
    constant: () => 7,
    pattern: (t, m) => 10 + (t % m),
    line: (t) => 3 * t + 1,
    step: (t, _, u) => (t < 30 ? 10 : 1000 + u),
    spike: (t, m, u) => (u > 0.48 ? 1e6 : 10 + Math.sin((2 * Math.PI * t) / m)),
    negative: (t, m, u) => -50 + 10 * Math.sin((2 * Math.PI * t) / m) + u,
    tiny: (t, m, u) => 1e-12 * (2 + Math.sin((2 * Math.PI * t) / m) + u),
  };
  const COUNTS_ONLY = /intermittent demand models take counts/;

  test.each(MODEL_NAMES.map((name) => [name]))(
    "%s gives finite forecasts with ordered, nested bounds, never below zero for a series that never is",
    (name) => {
      const model = resolveModel(name);
      for (const { seasons, horizon } of requests) {
        for (const [shape, value] of Object.entries(shapes)) {
          fc.assert(
            fc.property(
              fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 70 }),
              fc.array(fc.nat(69), { maxLength: 6 }),
              (noise, gaps) => {
                const y = Float64Array.from(noise, (u, t) => value(t, seasons[0] ?? 5, u));
                for (const t of gaps) if (t < y.length) y[t] = Number.NaN;
                if (y.every(Number.isNaN)) return;
                let result: ReturnType<typeof forecastSeries>["result"];
                try {
                  result = forecastSeries(y, { model, horizon, levels: [80, 95], seasons }).result;
                } catch (error) {
                  // The intermittent models refuse negative values, by name; nothing else may throw.
                  expect(shape === "negative" && COUNTS_ONLY.test((error as Error).message)).toBe(true);
                  return;
                }
                const floor = y.every((v) => Number.isNaN(v) || v >= 0) ? 0 : Number.NEGATIVE_INFINITY;
                for (let h = 0; h < horizon; h++) {
                  const slack = 1e-9 * Math.max(1, Math.abs(result.mean[h]));
                  expect(Number.isFinite(result.mean[h])).toBe(true);
                  expect(result.lower[1][h]).toBeLessThanOrEqual(result.lower[0][h] + slack);
                  expect(result.lower[0][h]).toBeLessThanOrEqual(result.mean[h] + slack);
                  expect(result.mean[h]).toBeLessThanOrEqual(result.upper[0][h] + slack);
                  expect(result.upper[0][h]).toBeLessThanOrEqual(result.upper[1][h] + slack);
                  expect(result.lower[1][h]).toBeGreaterThanOrEqual(floor);
                }
              },
            ),
            // Two series per shape and request, the first always of the longest length, so that every model
            // selects, searches and calibrates on each shape at least once.
            {
              numRuns: 2,
              seed: 20261127,
              examples: [[Array.from({ length: 70 }, (_, t) => ((t * 37) % 11) / 22 - 0.25), []]],
            },
          );
        }
      }
    },
    120_000,
  );
});
