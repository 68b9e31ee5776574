import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { croston } from "./croston.js";

interface ReferenceSeries {
  readonly name: string;
  readonly y: number[];
  readonly mean: number[];
  readonly fitted: (number | null)[];
}
const fixture: { horizon: number; alpha: number; series: ReferenceSeries[] } = JSON.parse(
  readFileSync(new URL("./fixtures/croston.json", import.meta.url), "utf8"),
);
const request = { horizon: 3, levels: [], seasons: [] };

describe("croston(alpha)", () => {
  test("croston(0.1) smooths sizes and intervals at each demand, step by step", () => {
    // Demands 3 at t = 1 (interval 2), 6 at t = 4 (interval 3), 1 at t = 5 (interval 1).
    const y = new Float64Array([0, 3, 0, 0, 6, 1, 0]);
    const result = croston(0.1).forecast(y, request);
    // After t = 4: size 3 + 0.1 (6 - 3) = 3.3, interval 2 + 0.1 (3 - 2) = 2.1.
    // After t = 5: size 3.3 + 0.1 (1 - 3.3) = 3.07, interval 2.1 + 0.1 (1 - 2.1) = 1.99.
    for (let h = 0; h < 3; h++) expect(result.mean[h]).toBeCloseTo(3.07 / 1.99, 12);
    const fitted = [Number.NaN, 0, 3 / 2, 3 / 2, 3 / 2, 3.3 / 2.1, 3.07 / 1.99];
    for (let t = 1; t < 7; t++) expect(result.fitted[t]).toBeCloseTo(fitted[t], 12);
    expect(result.fitted[0]).toBeNaN();
    expect(result.description).toBe("Croston(alpha=0.1)");
  });

  test("croston() reproduces R's forecast::croston(y, h, alpha = 0.1) forecasts and fitted values", () => {
    expect(fixture.series.length).toBeGreaterThanOrEqual(5);
    for (const reference of fixture.series) {
      const y = Float64Array.from(reference.y);
      const result = croston().forecast(y, { horizon: fixture.horizon, levels: [80], seasons: [] });
      for (let h = 0; h < fixture.horizon; h++) expect(result.mean[h]).toBeCloseTo(reference.mean[h], 10);
      reference.fitted.forEach((value, t) => {
        if (value === null) expect(result.fitted[t]).toBeNaN();
        else expect(result.fitted[t]).toBeCloseTo(value, 10);
      });
    }
  });

  test("croston() of the first demand alone forecasts its size over its position", () => {
    const result = croston().forecast(new Float64Array([0, 0, 0, 8, 0]), request);
    expect([...result.mean]).toEqual([2, 2, 2]);
  });

  test("croston().forecastOrigins gives the forecast of each prefix", () => {
    const y = Float64Array.from(fixture.series[1].y);
    const origins = [30, 31, 60, 119, 120];
    const forecasts = croston().forecastOrigins?.(y, origins, request) ?? [];
    origins.forEach((origin, i) => {
      expect([...forecasts[i]]).toEqual([...croston().forecast(y.subarray(0, origin), request).mean]);
    });
  });

  test("croston(alpha) rejects a weight outside (0, 1] and a negative value, naming them", () => {
    expect(() => croston(0)).toThrow(/alpha must lie in \(0, 1\], got 0/);
    expect(() => croston(1.01)).toThrow(/alpha/);
    expect(() => croston(Number.NaN)).toThrow(/alpha/);
    expect(() => croston().forecast(new Float64Array([1, 0, -2]), request)).toThrow(/y\[2\] is -2/);
    expect(() => croston().forecastOrigins?.(new Float64Array([1, -1, 0]), [1], request)).toThrow(
      /y\[1\] is -1/,
    );
  });
});
