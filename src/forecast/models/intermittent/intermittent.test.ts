import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Forecaster } from "../../forecaster.js";
import { adida, croston, crostonOptimized, imapa, sba, tsb } from "./index.js";

const models: Forecaster[] = [croston(), crostonOptimized(), sba(), tsb(), tsb(0.2, 0.1), adida(), imapa()];
const cases = models.map((model, i) => [`${model.name}${i === 4 ? "(0.2, 0.1)" : ""}`, model] as const);
/** Models whose parameters do not depend on the data: forecastOrigins must equal forecasts of prefixes. */
const fixed: Forecaster[] = [croston(), sba(), tsb(0.2, 0.1)];

const sparse = fc
  .array(
    fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })),
    {
      minLength: 1,
      maxLength: 80,
    },
  )
  .map((values) => Float64Array.from(values));

describe("every intermittent model", () => {
  test.each(cases)(
    "%s: forecasts a flat, finite, non-negative rate inside non-negative nested intervals",
    (_, model) => {
      fc.assert(
        fc.property(sparse, fc.integer({ min: 1, max: 30 }), (y, horizon) => {
          const result = model.forecast(y, { horizon, levels: [80, 95], seasons: [24] });
          expect(result.mean).toHaveLength(horizon);
          expect(result.fitted).toHaveLength(y.length);
          for (let h = 0; h < horizon; h++) {
            expect(result.mean[h]).toBe(result.mean[0]);
            expect(Number.isFinite(result.mean[h])).toBe(true);
            expect(result.mean[h]).toBeGreaterThanOrEqual(0);
            expect(result.lower[1][h]).toBeGreaterThanOrEqual(0);
            expect(result.lower[1][h]).toBeLessThanOrEqual(result.lower[0][h]);
            expect(result.lower[0][h]).toBeLessThanOrEqual(result.mean[h]);
            expect(result.upper[0][h]).toBeGreaterThanOrEqual(result.mean[h]);
            expect(result.upper[1][h]).toBeGreaterThanOrEqual(result.upper[0][h]);
          }
          for (let t = 0; t < y.length; t++)
            if (!Number.isNaN(result.fitted[t])) expect(result.fitted[t]).toBeGreaterThanOrEqual(0);
        }),
        { numRuns: 80 },
      );
    },
  );

  test.each(cases)("%s: an all-zero series forecasts 0 with zero bounds, no NaN", (_, model) => {
    const result = model.forecast(new Float64Array(30), { horizon: 5, levels: [80, 95], seasons: [] });
    expect([...result.mean]).toEqual([0, 0, 0, 0, 0]);
    for (const bound of [...result.lower, ...result.upper]) expect([...bound]).toEqual([0, 0, 0, 0, 0]);
    for (let t = 1; t < 30; t++) expect(Number.isNaN(result.fitted[t])).toBe(false);
  });

  test.each(cases)("%s: forecastOrigins at the end of the series is the forecast", (_, model) => {
    fc.assert(
      fc.property(sparse, (y) => {
        const request = { horizon: 3, levels: [], seasons: [] };
        const [atEnd] = model.forecastOrigins?.(y, [y.length], request) ?? [];
        expect(atEnd[0]).toBeCloseTo(model.forecast(y, request).mean[0], 10);
      }),
      { numRuns: 50 },
    );
  });

  test.each(fixed.map((model) => [model.name, model] as const))(
    "%s with fixed weights: forecastOrigins gives the forecast of each prefix",
    (_, model) => {
      fc.assert(
        fc.property(sparse, (y) => {
          const origins = [1, Math.ceil(y.length / 3), Math.ceil(y.length / 2), y.length].sort(
            (a, b) => a - b,
          );
          const request = { horizon: 2, levels: [], seasons: [] };
          const forecasts = model.forecastOrigins?.(y, origins, request) ?? [];
          origins.forEach((origin, i) => {
            expect(forecasts[i][1]).toBeCloseTo(model.forecast(y.subarray(0, origin), request).mean[1], 10);
          });
        }),
        { numRuns: 50 },
      );
    },
  );

  test.each(cases)("%s: rejects bad input, naming the parameter", (_, model) => {
    const y = new Float64Array([0, 2, 0, 0, 3, 0, 1, 0]);
    const request = { horizon: 2, levels: [80], seasons: [] };
    expect(() => model.forecast(new Float64Array([1, Number.NaN]), request)).toThrow(/y\[1\] is NaN/);
    expect(() => model.forecast(new Float64Array([1, 0, -0.5]), request)).toThrow(
      /y\[2\] is -0.5.*never negative/,
    );
    expect(() => model.forecast(new Float64Array(0), request)).toThrow(/y must hold/);
    expect(() => model.forecast(y, { ...request, horizon: 0 })).toThrow(/request.horizon/);
    expect(() => model.forecast(y, { ...request, levels: [100] })).toThrow(/request.levels/);
    expect(() => model.forecastOrigins?.(y, [0], request)).toThrow(/origins/);
    expect(() => model.forecastOrigins?.(y, [6, 3], request)).toThrow(/origins/);
    expect(() => model.forecastOrigins?.(y, [9], request)).toThrow(/origins/);
  });
});
