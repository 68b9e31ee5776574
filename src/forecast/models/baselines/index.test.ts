import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Forecaster } from "../../forecaster.js";
import { ewma, naive, rollingMean, seasonalNaive, seasonalWindowAverage, windowAverage } from "./index.js";

const baselines: Forecaster[] = [
  naive(),
  seasonalNaive(),
  windowAverage(),
  windowAverage(3),
  seasonalWindowAverage(2),
  rollingMean(3),
  ewma(0.3),
];

const series = fc
  .array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 50 })
  .map((values) => Float64Array.from(values));
const seasons = fc.constantFrom<number[]>([], [3], [4, 12]);

describe("every baseline", () => {
  test.each(baselines.map((model) => [model.name, model] as const))(
    "%s: forecastOrigins gives the forecast of each prefix",
    (_, model) => {
      fc.assert(
        fc.property(series, seasons, fc.integer({ min: 1, max: 30 }), (y, s, horizon) => {
          const origins = [1, Math.ceil(y.length / 3), Math.ceil(y.length / 2), y.length].sort(
            (a, b) => a - b,
          );
          const request = { horizon, levels: [], seasons: s };
          const forecasts = model.forecastOrigins?.(y, origins, request) ?? [];
          expect(forecasts).toHaveLength(origins.length);
          origins.forEach((origin, i) => {
            const expected = model.forecast(y.subarray(0, origin), request).mean;
            for (let h = 0; h < horizon; h++) expect(forecasts[i][h]).toBeCloseTo(expected[h], 6);
          });
        }),
        { numRuns: 60 },
      );
    },
  );

  test.each(baselines.map((model) => [model.name, model] as const))(
    "%s: intervals nest around the mean and every array has its length",
    (_, model) => {
      fc.assert(
        fc.property(series, seasons, fc.integer({ min: 1, max: 30 }), (y, s, horizon) => {
          const result = model.forecast(y, { horizon, levels: [80, 95], seasons: s });
          expect(result.mean).toHaveLength(horizon);
          expect(result.fitted).toHaveLength(y.length);
          expect(result.lower).toHaveLength(2);
          for (let h = 0; h < horizon; h++) {
            expect(Number.isFinite(result.mean[h])).toBe(true);
            if (Number.isNaN(result.lower[0][h])) continue;
            const slack = 1e-9 * (1 + Math.abs(result.mean[h]));
            expect(result.lower[1][h]).toBeLessThanOrEqual(result.lower[0][h] + slack);
            expect(result.lower[0][h]).toBeLessThanOrEqual(result.mean[h] + slack);
            expect(result.upper[0][h]).toBeGreaterThanOrEqual(result.mean[h] - slack);
            expect(result.upper[1][h]).toBeGreaterThanOrEqual(result.upper[0][h] - slack);
          }
        }),
        { numRuns: 60 },
      );
    },
  );

  test.each(baselines.map((model) => [model.name, model] as const))(
    "%s: rejects bad input, naming the parameter",
    (_, model) => {
      const y = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]);
      const request = { horizon: 2, levels: [80], seasons: [4] };
      expect(() => model.forecast(new Float64Array([1, Number.NaN]), request)).toThrow(/y\[1\]/);
      expect(() => model.forecast(new Float64Array(0), request)).toThrow(/y must hold/);
      expect(() => model.forecast(y, { ...request, horizon: 0 })).toThrow(/request.horizon/);
      expect(() => model.forecast(y, { ...request, levels: [0] })).toThrow(/request.levels/);
      expect(() => model.forecast(y, { ...request, seasons: [-4] })).toThrow(/request.seasons/);
      expect(() => model.forecastOrigins?.(y, [0], request)).toThrow(/origins/);
      expect(() => model.forecastOrigins?.(y, [6, 3], request)).toThrow(/origins/);
      expect(() => model.forecastOrigins?.(y, [9], request)).toThrow(/origins/);
    },
  );
});
