import { describe, expect, test } from "vitest";
import { assertOrigins, assertRequest, assertSeries } from "./validate-input.js";

describe("input validation", () => {
  test("assertSeries names the first non-finite value and rejects empty or untyped series", () => {
    expect(() => assertSeries(new Float64Array([1, Number.NaN]))).toThrow(/y\[1\] is NaN/);
    expect(() => assertSeries(new Float64Array([Number.POSITIVE_INFINITY]))).toThrow(/y\[0\] is Infinity/);
    expect(() => assertSeries(new Float64Array(0))).toThrow(/y must hold at least one observation/);
    expect(() => assertSeries([1, 2] as unknown as Float64Array)).toThrow(/y must be a Float64Array/);
    expect(() => assertSeries(new Float64Array([1, 2]))).not.toThrow();
  });

  test("assertRequest names the horizon, levels or seasons that are wrong", () => {
    const good = { horizon: 3, levels: [80, 95], seasons: [24, 168] };
    expect(() => assertRequest(good)).not.toThrow();
    expect(() => assertRequest({ ...good, horizon: 0 })).toThrow(/request.horizon must be an integer >= 1/);
    expect(() => assertRequest({ ...good, horizon: 1.5 })).toThrow(/request.horizon/);
    expect(() => assertRequest({ ...good, levels: [100] })).toThrow(/request.levels/);
    expect(() => assertRequest({ ...good, levels: [Number.NaN] })).toThrow(/request.levels/);
    expect(() => assertRequest({ ...good, seasons: [0] })).toThrow(/request.seasons/);
    expect(() => assertRequest({ ...good, seasons: [7.5] })).toThrow(/request.seasons/);
  });

  test("assertOrigins wants ascending integers between 1 and the series length", () => {
    expect(() => assertOrigins([1, 5, 5, 10], 10)).not.toThrow();
    expect(() => assertOrigins([0], 10)).toThrow(/origins\[0\] = 0/);
    expect(() => assertOrigins([5, 4], 10)).toThrow(/origins\[1\] = 4/);
    expect(() => assertOrigins([11], 10)).toThrow(/\[1, 10\]/);
    expect(() => assertOrigins([2.5], 10)).toThrow(/origins/);
  });
});
