import { describe, expect, test } from "vitest";
import { sesSse } from "../baselines/ses-alpha.js";
import { croston } from "./croston.js";
import { crostonOptimized } from "./croston-optimized.js";
import { crostonRates } from "./croston-rates.js";
import { demandParts } from "./demand-parts.js";

function weightsOf(description: string): [number, number] {
  const match = /size=([\d.e-]+), interval=([\d.e-]+)/.exec(description);
  return [Number(match?.[1]), Number(match?.[2])];
}

const request = { horizon: 2, levels: [], seasons: [] };
/** Demand every third period at first, then at growing intervals with steady sizes. */
const y = new Float64Array(90);
for (let t = 0, gap = 2; t < 90; t += gap, gap = Math.min(gap + 1, 7)) y[t] = 4 + ((t * 7) % 5);

describe("crostonOptimized()", () => {
  test("crostonOptimized() weighs sizes and intervals by the least squared errors within [0.1, 0.3]", () => {
    const { sizes, intervals } = demandParts(y, y.length);
    const [size, interval] = weightsOf(crostonOptimized().forecast(y, request).description);
    for (let i = 0; i <= 200; i++) {
      const alpha = 0.1 + (0.2 * i) / 200;
      const slack = 1 + 1e-3;
      expect(sesSse(sizes, sizes.length, size)).toBeLessThanOrEqual(
        sesSse(sizes, sizes.length, alpha) * slack + 1e-9,
      );
      expect(sesSse(intervals, intervals.length, interval)).toBeLessThanOrEqual(
        sesSse(intervals, intervals.length, alpha) * slack + 1e-9,
      );
    }
    // Rising intervals call for the fastest interval weight.
    expect(interval).toBeCloseTo(0.3, 3);
  });

  test("crostonOptimized() forecasts as Croston's filter with its weights", () => {
    const result = crostonOptimized().forecast(y, request);
    const [size, interval] = weightsOf(result.description);
    const rates = new Float64Array(y.length + 1);
    crostonRates(y, size, interval, 1, rates);
    expect(result.mean[0]).toBeCloseTo(rates[y.length], 3);
  });

  test("crostonOptimized() of two demands keeps the lower weight, as Croston at 0.1", () => {
    const short = new Float64Array([0, 0, 5, 0, 3, 0]);
    expect(crostonOptimized().forecast(short, request).mean[0]).toBeCloseTo(
      croston(0.1).forecast(short, request).mean[0],
      12,
    );
  });

  test("crostonOptimized().forecastOrigins keeps the weights of the first origin", () => {
    const forecasts = crostonOptimized().forecastOrigins?.(y, [45, 90], request) ?? [];
    const first = crostonOptimized().forecast(y.subarray(0, 45), request);
    expect(forecasts[0][0]).toBeCloseTo(first.mean[0], 12);
    const [size, interval] = weightsOf(first.description);
    const rates = new Float64Array(y.length + 1);
    crostonRates(y, size, interval, 1, rates);
    expect(forecasts[1][0]).toBeCloseTo(rates[90], 3);
  });
});
