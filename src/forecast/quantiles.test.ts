import { describe, expect, test } from "vitest";
import type { ForecastResult } from "./forecaster.js";
import { quantileLevels, quantiles } from "./quantiles.js";

const result: ForecastResult = {
  mean: Float64Array.of(10, 11),
  lower: [Float64Array.of(8, 8.5), Float64Array.of(6, 6)],
  upper: [Float64Array.of(12, 13.5), Float64Array.of(14, 16)],
  fitted: new Float64Array(0),
  description: "M",
};

describe("quantileLevels(probs)", () => {
  test("gives the central intervals whose bounds are the quantiles", () => {
    expect(quantileLevels([0.1, 0.5, 0.9])).toEqual([80]);
    expect(quantileLevels([0.975, 0.1, 0.025, 0.9])).toEqual([80, 95]);
    expect(quantileLevels([0.05, 0.3])).toEqual([40, 90]);
  });

  test("rejects probabilities outside (0, 1)", () => {
    expect(() => quantileLevels([0])).toThrow("probs: 0 is not strictly between 0 and 1");
    expect(() => quantileLevels([1.5])).toThrow("probs: 1.5");
  });
});

describe("quantiles(result, levels, probs)", () => {
  test("reads P10, P50 and P90 off the 80% interval and the point forecast", () => {
    const [p10, p50, p90, p975] = quantiles(result, [80, 95], [0.1, 0.5, 0.9, 0.975]);
    expect(Array.from(p10)).toEqual([8, 8.5]);
    expect(Array.from(p50)).toEqual([10, 11]);
    expect(Array.from(p90)).toEqual([12, 13.5]);
    expect(Array.from(p975)).toEqual([14, 16]);
  });

  test("returns copies, not the forecast's arrays", () => {
    const [p50] = quantiles(result, [80, 95], [0.5]);
    p50[0] = -1;
    expect(result.mean[0]).toBe(10);
  });

  test("throws for a probability whose interval the forecast lacks, naming it", () => {
    expect(() => quantiles(result, [80, 95], [0.3])).toThrow(
      "probs: 0.3 needs the 40% interval, which the forecast does not have (levels 80, 95)",
    );
    expect(() => quantiles(result, [80], [0.1])).toThrow(
      "levels: 1 levels given for a forecast with 2 intervals",
    );
  });
});
