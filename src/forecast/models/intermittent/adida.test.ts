import { describe, expect, test } from "vitest";
import { sesSse } from "../baselines/ses-alpha.js";
import { adida, aggregationLevel } from "./adida.js";
import { adidaRates, bucketSums } from "./aggregate-rates.js";

const request = { horizon: 3, levels: [], seasons: [] };

function alphaOf(description: string): number {
  return Number(/alpha=([\d.e-]+)/.exec(description)?.[1]);
}

describe("bucketSums(y, end, bucket)", () => {
  test("sums non-overlapping buckets that end at end, dropping the values before the first", () => {
    const y = new Float64Array([9, 1, 0, 2, 3, 0, 0, 4]);
    expect([...bucketSums(y, 8, 3)]).toEqual([5, 4]);
    expect([...bucketSums(y, 7, 3)]).toEqual([3, 3]);
    expect([...bucketSums(y, 8, 1)]).toEqual([...y]);
    expect([...bucketSums(y, 2, 3)]).toEqual([]);
  });
});

describe("aggregationLevel(y, end)", () => {
  test("rounds the mean interval between demands, counted from the start, and is 1 without demand", () => {
    // Demands at 2, 5, 9: intervals 3, 3, 4, mean 10 / 3.
    const y = new Float64Array([0, 0, 1, 0, 0, 2, 0, 0, 0, 1, 0, 0]);
    expect(aggregationLevel(y, 12)).toBe(3);
    expect(aggregationLevel(y, 3)).toBe(3);
    expect(aggregationLevel(new Float64Array(5), 5)).toBe(1);
  });
});

describe("adida()", () => {
  test("adida() smooths the bucket sums and spreads the forecast over the bucket", () => {
    // Demands at 1, 4, 7, 10: intervals 2, 3, 3, 3, mean 11 / 4, so buckets of 3.
    // 12 values: buckets [0, 3), [3, 6), [6, 9), [9, 12) sum to 2, 4, 1, 3.
    const y = new Float64Array([0, 2, 0, 0, 4, 0, 0, 1, 0, 0, 3, 0]);
    const result = adida().forecast(y, request);
    const alpha = alphaOf(result.description);
    expect(result.description).toMatch(/^ADIDA\(bucket=3, alpha=/);
    let level = 2;
    for (const sum of [4, 1, 3]) level += alpha * (sum - level);
    for (let h = 0; h < 3; h++) expect(result.mean[h]).toBeCloseTo(level / 3, 3);
    const sums = Float64Array.of(2, 4, 1, 3);
    for (let i = 0; i <= 100; i++) {
      const other = 0.1 + (0.2 * i) / 100;
      expect(sesSse(sums, 4, alpha)).toBeLessThanOrEqual(sesSse(sums, 4, other) + 1e-6);
    }
  });

  test("adidaRates gives each phase its own smoothed sum, as ADIDA on every prefix", () => {
    const y = new Float64Array([0, 2, 0, 4, 0, 1, 0, 0, 3]);
    const rates = new Float64Array(y.length + 1);
    adidaRates(y, 2, 0.5, rates, new Float64Array(2));
    expect(rates[0]).toBeNaN();
    expect(rates[1]).toBeNaN();
    for (let end = 2; end <= y.length; end++) {
      const sums = bucketSums(y, end, 2);
      let level = sums[0];
      for (let i = 1; i < sums.length; i++) level += 0.5 * (sums[i] - level);
      expect(rates[end]).toBeCloseTo(level / 2, 12);
    }
  });

  test("adida().forecastOrigins keeps the bucket and weight of the first origin", () => {
    const y = new Float64Array(60);
    for (let t = 0; t < 60; t += 3) y[t + 1] = 1 + (t % 4);
    const forecasts = adida().forecastOrigins?.(y, [30, 47, 60], request) ?? [];
    const first = adida().forecast(y.subarray(0, 30), request);
    expect(forecasts[0][0]).toBeCloseTo(first.mean[0], 12);
    const rates = new Float64Array(61);
    adidaRates(y, 3, alphaOf(first.description), rates, new Float64Array(3));
    expect(forecasts[1][0]).toBeCloseTo(rates[47], 3);
    expect(forecasts[2][0]).toBeCloseTo(rates[60], 3);
  });
});
