import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Forecaster, ForecastRequest } from "../../forecaster.js";
import { fitTheta } from "./fit-theta.js";
import { dynamicOptimizedTheta, optimizedTheta, standardTheta, theta } from "./theta.js";

const family: readonly Forecaster[] = [theta, standardTheta, optimizedTheta, dynamicOptimizedTheta];
const plain: ForecastRequest = { horizon: 6, levels: [80, 95], seasons: [] };

function noisy(n: number, seed: number): Float64Array {
  let state = seed;
  return Float64Array.from({ length: n }, (_, t) => {
    state = (state * 16807) % 2147483647;
    return 50 + 0.3 * t + 10 * (state / 2147483647 - 0.5);
  });
}

const weeklyDaily = Float64Array.from(
  noisy(84, 7),
  (value, t) => value * [1.3, 1.1, 1, 1, 0.9, 0.8, 0.9][t % 7],
);

describe("the Theta forecasters", () => {
  test("carry their names and describe what they fitted", () => {
    expect(family.map((f) => f.name)).toEqual(["theta", "stm", "otm", "dotm"]);
    const y = noisy(40, 3);
    expect(standardTheta.forecast(y, plain).description).toBe("Theta(STM)");
    expect(optimizedTheta.forecast(y, plain).description).toBe("Theta(OTM)");
    expect(dynamicOptimizedTheta.forecast(y, plain).description).toBe("Theta(DOTM)");
    const weekly = { ...plain, seasons: [7] };
    expect(dynamicOptimizedTheta.forecast(weeklyDaily, weekly).description).toBe("Theta(DOTM, seasonal 7)");
  });

  test("return arrays of the contracted lengths", () => {
    const y = noisy(30, 5);
    for (const forecaster of family) {
      const result = forecaster.forecast(y, plain);
      expect(result.mean.length).toBe(6);
      expect(result.lower.map((b) => b.length)).toEqual([6, 6]);
      expect(result.upper.map((b) => b.length)).toEqual([6, 6]);
      expect(result.fitted.length).toBe(30);
    }
  });

  test("theta(y) is the member with the smallest in-sample MSE", () => {
    for (const seed of [1, 2, 3, 4]) {
      const y = noisy(60, seed);
      const fits = (["stm", "otm", "dotm"] as const).map((kind) => fitTheta(y, 60, kind));
      const best = fits.reduce((a, b) => (b.mse < a.mse * (1 - 1e-9) ? b : a));
      const result = theta.forecast(y, plain);
      expect(result.description).toBe(`Theta(${best.kind.toUpperCase()})`);
      const member = family.find((f) => f.name === best.kind) as Forecaster;
      expect([...result.mean]).toEqual([...member.forecast(y, plain).mean]);
    }
  });

  test("theta(y) on a straight line forecasts the line; the standard method half its slope", () => {
    const line = Float64Array.from({ length: 30 }, (_, t) => 5 + 2 * t);
    const auto = theta.forecast(line, plain);
    for (let h = 1; h <= 6; h++) expect(auto.mean[h - 1]).toBeCloseTo(5 + 2 * (29 + h), 6);
    const standard = standardTheta.forecast(line, plain);
    for (let h = 1; h <= 6; h++) expect(standard.mean[h - 1]).toBeCloseTo(63 + h, 2);
  });

  test("reseasonalise a multiplicative weekly pattern on a trend", () => {
    const pattern = [1.3, 1.1, 1, 1, 0.9, 0.8, 0.9];
    const y = Float64Array.from({ length: 70 }, (_, t) => (100 + t) * pattern[t % 7]);
    const result = optimizedTheta.forecast(y, { horizon: 7, levels: [95], seasons: [7] });
    expect(result.description).toBe("Theta(OTM, seasonal 7)");
    for (let h = 0; h < 7; h++) {
      const expected = (100 + 70 + h) * pattern[(70 + h) % 7];
      expect(Math.abs(result.mean[h] - expected) / expected).toBeLessThan(0.01);
    }
  });

  test("deseasonalise additively when the data has values <= 0", () => {
    const y = Float64Array.from(weeklyDaily, (value) => value - 60);
    const result = theta.forecast(y, { ...plain, seasons: [7] });
    expect(result.description).toMatch(/^Theta\((STM|OTM|DOTM), seasonal 7, additive\)$/);
    expect(result.mean.every(Number.isFinite)).toBe(true);
  });

  test("use the smallest season the data supports and leave short series non-seasonal", () => {
    const hourlyish = { ...plain, seasons: [7, 28] };
    expect(theta.forecast(weeklyDaily, hourlyish).description).toMatch(/seasonal 7\)$/);
    expect(theta.forecast(weeklyDaily.subarray(0, 13), { ...plain, seasons: [7] }).description).not.toMatch(
      /seasonal/,
    );
  });

  test("a constant series gives a flat forecast with zero-width intervals", () => {
    for (const value of [0, 4.5, -3]) {
      for (const forecaster of family) {
        const result = forecaster.forecast(new Float64Array(20).fill(value), { ...plain, seasons: [4] });
        for (let h = 0; h < 6; h++) {
          expect(result.mean[h]).toBeCloseTo(value, 8);
          expect(result.upper[1][h] - result.lower[1][h]).toBeCloseTo(0, 8);
        }
        expect(result.description).not.toMatch(/seasonal/);
      }
    }
  });

  test("are equivariant to the scale of the data, even near the limits of double precision", () => {
    for (const factor of [1e200, 1e-200, 3]) {
      for (const forecaster of family) {
        const base = forecaster.forecast(weeklyDaily, { ...plain, seasons: [7] });
        const scaled = forecaster.forecast(
          Float64Array.from(weeklyDaily, (v) => v * factor),
          { ...plain, seasons: [7] },
        );
        for (let h = 0; h < 6; h++) {
          expect(scaled.mean[h] / factor).toBeCloseTo(base.mean[h], 6);
          const width = (r: typeof base) => Math.abs(r.upper[1][h] - r.lower[1][h]);
          expect(width(scaled) / Math.abs(factor)).toBeCloseTo(width(base), 6);
        }
      }
    }
  });

  test("series of 1 to 3 points get the naive forecast, 4 points a Theta model", () => {
    for (const n of [1, 2, 3]) {
      const result = theta.forecast(noisy(n, 9), plain);
      expect(result.description).toBe("Naive");
      expect(result.mean.every((v) => v === result.mean[0])).toBe(true);
    }
    const four = theta.forecast(new Float64Array([3, 5, 4, 6]), plain);
    expect(four.description).toMatch(/^Theta\(/);
    expect(four.mean.every(Number.isFinite)).toBe(true);
  });

  test("throw a clear error on empty or non-finite input", () => {
    for (const forecaster of family) {
      expect(() => forecaster.forecast(new Float64Array(0), plain)).toThrow("y must not be empty");
      expect(() => forecaster.forecast(new Float64Array([1, 2, Number.NaN, 4, 5]), plain)).toThrow("y[2]");
      expect(() => forecaster.forecastOrigins?.(new Float64Array(0), [1], plain)).toThrow(
        "y must not be empty",
      );
    }
  });

  test("intervals are finite, nested and contain the mean, for any series", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom<number[]>([], [4], [7], [3, 12]),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom(...family),
        (values, seasons, horizon, forecaster) => {
          const result = forecaster.forecast(Float64Array.from(values), {
            horizon,
            levels: [80, 95],
            seasons,
          });
          for (let h = 0; h < horizon; h++) {
            const row = [
              result.lower[1][h],
              result.lower[0][h],
              result.mean[h],
              result.upper[0][h],
              result.upper[1][h],
            ];
            expect(row.every(Number.isFinite)).toBe(true);
            for (let i = 1; i < 5; i++) expect(row[i]).toBeGreaterThanOrEqual(row[i - 1]);
          }
          for (let t = 1; t < values.length; t++) expect(Number.isFinite(result.fitted[t])).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("non-seasonal intervals widen with the horizon", () => {
    for (const forecaster of family) {
      const result = forecaster.forecast(noisy(50, 11), { ...plain, horizon: 12 });
      for (let h = 1; h < 12; h++) {
        expect(result.upper[1][h] - result.lower[1][h]).toBeGreaterThanOrEqual(
          result.upper[1][h - 1] - result.lower[1][h - 1] - 1e-9,
        );
      }
    }
  });
});

describe("forecastOrigins(y, origins, request)", () => {
  const weekly = { ...plain, seasons: [7] };

  test("from the first origin it equals forecast() on the data before it", () => {
    for (const forecaster of family) {
      for (const request of [plain, weekly]) {
        const [first] = forecaster.forecastOrigins?.(weeklyDaily, [60, 70], request) ?? [];
        expect([...first]).toEqual([...forecaster.forecast(weeklyDaily.subarray(0, 60), request).mean]);
        const [whole] = forecaster.forecastOrigins?.(weeklyDaily, [84], request) ?? [];
        expect([...whole]).toEqual([...forecaster.forecast(weeklyDaily, request).mean]);
      }
    }
  });

  test("with fits, each run of origins is forecast by a fit on the data before its first origin", () => {
    const origins = [50, 54, 58, 62, 66, 70];
    for (const forecaster of family) {
      const three = forecaster.forecastOrigins?.(weeklyDaily, origins, weekly, 3) ?? [];
      const runs = [origins.slice(0, 2), origins.slice(2, 4), origins.slice(4)].flatMap(
        (run) => forecaster.forecastOrigins?.(weeklyDaily, run, weekly) ?? [],
      );
      expect(three.map((f) => [...f])).toEqual(runs.map((f) => [...f]));
    }
  });

  test("a forecast uses no data from its origin on", () => {
    const changed = Float64Array.from(weeklyDaily);
    for (let t = 75; t < changed.length; t++) changed[t] *= 3;
    for (const forecaster of family) {
      const origins = [50, 60, 75];
      const before = forecaster.forecastOrigins?.(weeklyDaily, origins, weekly) ?? [];
      const after = forecaster.forecastOrigins?.(changed, origins, weekly) ?? [];
      for (let i = 0; i < 3; i++) expect([...after[i]]).toEqual([...before[i]]);
      const later = forecaster.forecastOrigins?.(changed, [50, 80], weekly) ?? [];
      expect([...later[1]]).not.toEqual([
        ...(forecaster.forecastOrigins?.(weeklyDaily, [50, 80], weekly) ?? [])[1],
      ]);
    }
  });

  test("keeps the parameters of the first origin: later origins differ from a refit", () => {
    const fixed = optimizedTheta.forecastOrigins?.(weeklyDaily, [40, 84], plain) ?? [];
    const refit = optimizedTheta.forecast(weeklyDaily, plain).mean;
    expect([...fixed[1]]).not.toEqual([...refit]);
    expect(fixed[1].every(Number.isFinite)).toBe(true);
  });

  test("short training data gives naive forecasts; no origins give none", () => {
    const forecasts = theta.forecastOrigins?.(weeklyDaily, [3, 10], plain) ?? [];
    expect([...forecasts[0]]).toEqual(new Array(6).fill(weeklyDaily[2]));
    expect([...forecasts[1]]).toEqual(new Array(6).fill(weeklyDaily[9]));
    expect(theta.forecastOrigins?.(weeklyDaily, [], plain)).toEqual([]);
  });

  test("rejects origins out of order or out of range", () => {
    expect(() => theta.forecastOrigins?.(weeklyDaily, [50, 40], plain)).toThrow("origins must be ascending");
    expect(() => theta.forecastOrigins?.(weeklyDaily, [0], plain)).toThrow(/origins\[0\]/);
    expect(() => theta.forecastOrigins?.(weeklyDaily, [85], plain)).toThrow(/origins\[0\]/);
  });
});
