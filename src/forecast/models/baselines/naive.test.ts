import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { naive } from "./naive.js";

const fixture = JSON.parse(readFileSync(new URL("./fixtures/baselines.json", import.meta.url), "utf8"));

describe("naive()", () => {
  test("naive() forecasts the last value at every step", () => {
    const result = naive().forecast(new Float64Array([3, 5, 4]), { horizon: 3, levels: [80], seasons: [] });
    expect([...result.mean]).toEqual([4, 4, 4]);
    expect(result.description).toBe("Naive");
  });

  test("naive() fits each step by the observation before it, NaN first", () => {
    const result = naive().forecast(new Float64Array([3, 5, 4]), { horizon: 1, levels: [], seasons: [] });
    expect([...result.fitted]).toEqual([Number.NaN, 3, 5]);
  });

  test("naive() matches R's naive() on USAccDeaths, intervals widening as sigma * sqrt(h)", () => {
    const y = Float64Array.from(fixture.y);
    const result = naive().forecast(y, { horizon: fixture.horizon, levels: [80, 95], seasons: [12] });
    const expected = fixture.naive;
    for (let h = 0; h < fixture.horizon; h++) {
      expect(result.mean[h]).toBeCloseTo(expected.mean[h], 8);
      expect(result.lower[0][h]).toBeCloseTo(expected.lower80[h], 6);
      expect(result.upper[0][h]).toBeCloseTo(expected.upper80[h], 6);
      expect(result.lower[1][h]).toBeCloseTo(expected.lower95[h], 6);
      expect(result.upper[1][h]).toBeCloseTo(expected.upper95[h], 6);
    }
  });

  test("naive() of a single observation forecasts it with NaN bounds (no residual to size them)", () => {
    const result = naive().forecast(new Float64Array([7]), { horizon: 2, levels: [95], seasons: [] });
    expect([...result.mean]).toEqual([7, 7]);
    expect(result.lower[0][0]).toBeNaN();
    expect(result.upper[0][1]).toBeNaN();
  });

  test("naive().forecastOrigins forecasts the observation before each origin", () => {
    const y = new Float64Array([1, 2, 3, 4, 5]);
    const forecasts = naive().forecastOrigins?.(y, [1, 3, 5], { horizon: 2, levels: [], seasons: [] });
    expect(forecasts?.map((f) => [...f])).toEqual([
      [1, 1],
      [3, 3],
      [5, 5],
    ]);
  });
});
