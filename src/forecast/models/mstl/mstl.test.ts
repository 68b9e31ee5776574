import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Forecaster } from "../../forecaster.js";
import { ewma } from "../baselines/ewma.js";
import { naive } from "../baselines/naive.js";
import { ets } from "../ets/ets.js";
import { mstl } from "./mstl.js";
import { mstlDecompose } from "./mstl-decompose.js";

const fixture = JSON.parse(readFileSync(new URL("./fixtures/stl.json", import.meta.url), "utf8"));

/** Hourly data with a daily and a weekly cycle, a slow trend and a little deterministic wiggle. */
function hourly(n: number): Float64Array {
  return Float64Array.from(
    { length: n },
    (_, t) =>
      100 +
      0.01 * t +
      10 * Math.sin((2 * Math.PI * t) / 24) +
      4 * Math.cos((2 * Math.PI * t) / 168) +
      Math.sin(t * 7.1),
  );
}

describe("mstl(options?)", () => {
  test("mstl({ trend: naive() }) matches R's stlf(method = 'naive') on hourly demand, fits included", () => {
    const y = Float64Array.from(fixture.mstl.y);
    const expected = fixture.stlfNaive;
    const result = mstl({ trend: naive() }).forecast(y, {
      horizon: expected.horizon,
      levels: [80, 95],
      seasons: [24, 168],
    });
    for (let h = 0; h < expected.horizon; h++) {
      expect(result.mean[h]).toBeCloseTo(expected.mean[h], 6);
      expect(result.lower[0][h]).toBeCloseTo(expected.lower80[h], 6);
      expect(result.upper[0][h]).toBeCloseTo(expected.upper80[h], 6);
      expect(result.lower[1][h]).toBeCloseTo(expected.lower95[h], 6);
      expect(result.upper[1][h]).toBeCloseTo(expected.upper95[h], 6);
    }
    expect(result.fitted[0]).toBeNaN();
    for (let t = 1; t < y.length; t++) expect(result.fitted[t]).toBeCloseTo(expected.fitted[t], 6);
    expect(result.description).toBe("MSTL(24, 168) + Naive");
  });

  test("mstl({ trend: ets({ season: 'N' }) }) matches R's stlf(method = 'ets') on hourly demand, form included", () => {
    const y = Float64Array.from(fixture.mstl.y);
    const expected = fixture.stlfEts;
    const result = mstl({ trend: ets({ season: "N" }) }).forecast(y, {
      horizon: expected.horizon,
      levels: [80, 95],
      seasons: [24, 168],
    });
    expect(result.description).toBe(`MSTL(24, 168) + ${expected.method}`);
    const bounds = [
      [result.mean, expected.mean],
      [result.lower[0], expected.lower80],
      [result.upper[0], expected.upper80],
      [result.lower[1], expected.lower95],
      [result.upper[1], expected.upper95],
    ] as const;
    // Relative: the two optimisers stop within 1e-7 of each other's parameters.
    for (const [ours, r] of bounds)
      for (let h = 0; h < expected.horizon; h++) expect(Math.abs(ours[h] / r[h] - 1)).toBeLessThan(1e-6);
  });

  test("mstl() continues a daily and weekly pattern", () => {
    const series = hourly(24 * 7 * 8 + 48);
    const y = series.subarray(0, 24 * 7 * 8);
    const result = mstl().forecast(y, { horizon: 48, levels: [95], seasons: [24, 168] });
    let covered = 0;
    for (let h = 0; h < 48; h++) {
      const actual = series[y.length + h];
      expect(Math.abs(result.mean[h] - actual)).toBeLessThan(3);
      if (result.lower[0][h] <= actual && actual <= result.upper[0][h]) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(43);
    expect(result.description).toMatch(/^MSTL\(24, 168\) \+ EWMA\(alpha=/);
  });

  test("mstl() takes its intervals from the trend model on the seasonally adjusted series", () => {
    const y = hourly(600);
    const request = { horizon: 30, levels: [80, 95], seasons: [24, 168] };
    const result = mstl({ trend: ewma(0.3) }).forecast(y, request);
    const { seasonals } = mstlDecompose(y, [24, 168]);
    const adjusted = Float64Array.from(y, (value, t) => value - seasonals[0][t] - seasonals[1][t]);
    const inner = ewma(0.3).forecast(adjusted, { ...request, seasons: [] });
    for (let h = 0; h < 30; h++) {
      const seasonal = seasonals[0][576 + (h % 24)] + seasonals[1][432 + (h % 168)];
      expect(result.mean[h]).toBeCloseTo(inner.mean[h] + seasonal, 9);
      expect(result.upper[1][h] - result.lower[1][h]).toBeCloseTo(inner.upper[1][h] - inner.lower[1][h], 9);
    }
  });

  test("mstl() leaves out the seasons the data cannot support", () => {
    const y = hourly(200);
    const result = mstl({ trend: naive() }).forecast(y, { horizon: 3, levels: [], seasons: [24, 168] });
    expect(result.description).toBe("MSTL(24) + Naive");
    const bare = mstl({ trend: naive() }).forecast(y.subarray(0, 40), {
      horizon: 3,
      levels: [],
      seasons: [24],
    });
    expect(bare.description).toBe("MSTL(no season) + Naive");
    expect([...bare.mean]).toEqual([y[39], y[39], y[39]]);
  });

  test("mstl().forecastOrigins decomposes at the first origin and keeps that seasonal profile", () => {
    const y = hourly(24 * 7 * 4 + 100);
    const request = { horizon: 24, levels: [], seasons: [24, 168] };
    const origins = [24 * 7 * 4, 24 * 7 * 4 + 50, 24 * 7 * 4 + 100];
    const model = mstl({ trend: ewma(0.4) });
    const forecasts = model.forecastOrigins?.(y, origins, request) ?? [];
    const first = model.forecast(y.subarray(0, origins[0]), request).mean;
    for (let h = 0; h < 24; h++) expect(forecasts[0][h]).toBeCloseTo(first[h], 9);
    // Later origins: the level runs on over y less the first origin's repeated seasonal profile.
    const { seasonals } = mstlDecompose(y.subarray(0, origins[0]), [24, 168]);
    const end = origins[0];
    const profile = (t: number) =>
      t < end
        ? seasonals[0][t] + seasonals[1][t]
        : seasonals[0][end - 24 + ((t - end) % 24)] + seasonals[1][end - 168 + ((t - end) % 168)];
    const adjusted = Float64Array.from(y, (value, t) => value - profile(t));
    const level = ewma(0.4).forecast(adjusted.subarray(0, origins[2]), { ...request, seasons: [] }).mean[0];
    for (let h = 0; h < 24; h++) expect(forecasts[2][h]).toBeCloseTo(level + profile(origins[2] + h), 9);
  });

  test("mstl().forecastOrigins with fits decomposes again at the first origin of each run", () => {
    const y = hourly(24 * 7 * 4 + 120);
    const request = { horizon: 24, levels: [], seasons: [24, 168] };
    const start = 24 * 7 * 4;
    const origins = [start, start + 30, start + 60, start + 90];
    const model = mstl({ trend: ewma(0.4) });
    const two = model.forecastOrigins?.(y, origins, request, 2) ?? [];
    const runs = [origins.slice(0, 2), origins.slice(2)].flatMap(
      (run) => model.forecastOrigins?.(y, run, request) ?? [],
    );
    expect(two.map((f) => [...f])).toEqual(runs.map((f) => [...f]));
    expect(() => model.forecastOrigins?.(y, origins, request, 0)).toThrow(/fits/);
  });

  test("mstl().forecastOrigins refits a trend model that has no forecastOrigins of its own", () => {
    const y = hourly(500);
    const request = { horizon: 5, levels: [], seasons: [24] };
    const refitting: Forecaster = { name: "plain-naive", forecast: naive().forecast };
    const withPath = mstl({ trend: naive() }).forecastOrigins?.(y, [300, 400, 500], request) ?? [];
    const withRefits = mstl({ trend: refitting }).forecastOrigins?.(y, [300, 400, 500], request) ?? [];
    expect(withRefits.map((f) => [...f])).toEqual(withPath.map((f) => [...f]));
  });

  test("mstl() rejects bad input and options, naming them", () => {
    const y = hourly(100);
    const request = { horizon: 2, levels: [80], seasons: [24] };
    expect(() => mstl({ iterations: 0 })).toThrow(/iterations/);
    expect(() => mstl({ seasonalWindows: [1] })).toThrow(/seasonalWindows/);
    expect(() => mstl({ trend: {} as Forecaster })).toThrow(/trend must be a Forecaster/);
    expect(() => mstl().forecast(new Float64Array([1, Number.NaN]), request)).toThrow(/y\[1\]/);
    expect(() => mstl().forecast(y, { ...request, horizon: -1 })).toThrow(/request.horizon/);
    expect(() => mstl().forecast(y, { ...request, seasons: [2.5] })).toThrow(/request.seasons/);
    expect(() => mstl().forecastOrigins?.(y, [50, 20], request)).toThrow(/origins/);
    expect(mstl().forecastOrigins?.(y, [], request)).toEqual([]);
  });
});
