import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ewma } from "./ewma.js";
import { naive } from "./naive.js";
import { sesSse } from "./ses-alpha.js";

/** A reproducible uniform generator (mulberry32), so the statistical tests are fixed data. */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function alphaOf(description: string): number {
  return Number(/alpha=([\d.e-]+)/.exec(description)?.[1]);
}

describe("ewma(alpha?)", () => {
  test("ewma(0.5) smooths the level from the first observation", () => {
    const result = ewma(0.5).forecast(new Float64Array([0, 4, 8]), { horizon: 2, levels: [], seasons: [] });
    expect([...result.mean]).toEqual([5, 5]);
    expect([...result.fitted]).toEqual([Number.NaN, 0, 2]);
    expect(result.description).toBe("EWMA(alpha=0.5)");
  });

  test("ewma(1) forecasts as the naive method, intervals included", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => Math.sin(t / 2) * 4 + t);
    const request = { horizon: 5, levels: [80, 95], seasons: [] };
    const smoothed = ewma(1).forecast(y, request);
    const reference = naive().forecast(y, request);
    expect([...smoothed.mean]).toEqual([...reference.mean]);
    for (let h = 0; h < 5; h++) expect(smoothed.lower[1][h]).toBeCloseTo(reference.lower[1][h], 10);
  });

  test("ewma(alpha) intervals widen as sigma * sqrt(1 + alpha^2 (h - 1))", () => {
    const y = new Float64Array([3, 1, 4, 1, 5, 9, 2, 6]);
    const result = ewma(0.4).forecast(y, { horizon: 4, levels: [95], seasons: [] });
    const base = result.upper[0][0] - result.mean[0];
    for (let h = 0; h < 4; h++) {
      expect(result.upper[0][h] - result.mean[h]).toBeCloseTo(base * Math.sqrt(1 + 0.16 * h), 10);
    }
  });

  test("ewma() weighs a random walk near 1 and noise around a level near 0", () => {
    const random = uniform(7);
    const walk = new Float64Array(400);
    const noise = new Float64Array(400);
    for (let t = 0; t < 400; t++) {
      walk[t] = (t > 0 ? walk[t - 1] : 0) + random() - 0.5;
      noise[t] = 10 + random() - 0.5;
    }
    const request = { horizon: 1, levels: [], seasons: [] };
    expect(alphaOf(ewma().forecast(walk, request).description)).toBeGreaterThan(0.8);
    expect(alphaOf(ewma().forecast(noise, request).description)).toBeLessThan(0.1);
  });

  test("ewma() finds a weight no point of a fine grid beats", () => {
    const finite = fc.double({ min: -1000, max: 1000, noNaN: true });
    fc.assert(
      fc.property(fc.array(finite, { minLength: 3, maxLength: 60 }), (values) => {
        const y = Float64Array.from(values);
        const alpha = alphaOf(ewma().forecast(y, { horizon: 1, levels: [], seasons: [] }).description);
        const sse = sesSse(y, y.length, alpha);
        for (let i = 1; i <= 200; i++) {
          expect(sse).toBeLessThanOrEqual(sesSse(y, y.length, i / 200) * (1 + 1e-3) + 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });

  test("ewma().forecastOrigins fits the weight at the first origin and keeps it", () => {
    const random = uniform(11);
    const y = Float64Array.from({ length: 120 }, (_, t) => 50 + t / 10 + random() * 5);
    const request = { horizon: 3, levels: [], seasons: [] };
    const forecasts = ewma().forecastOrigins?.(y, [60, 90, 120], request) ?? [];
    const atFirst = ewma().forecast(y.subarray(0, 60), request);
    expect([...forecasts[0]]).toEqual([...atFirst.mean]);
    const alpha = alphaOf(atFirst.description);
    const atLast = ewma(alpha).forecast(y, request).mean[0];
    expect(forecasts[2][0]).toBeCloseTo(atLast, 2);
  });

  test("ewma(alpha) rejects a weight outside (0, 1]", () => {
    expect(() => ewma(0)).toThrow(/alpha must lie in \(0, 1\]/);
    expect(() => ewma(1.5)).toThrow(/alpha/);
    expect(() => ewma(Number.NaN)).toThrow(/alpha/);
  });
});
