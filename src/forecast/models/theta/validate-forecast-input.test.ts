import { describe, expect, test } from "vitest";
import { validateForecastInput, validateOrigins } from "./validate-forecast-input.js";

const request = { horizon: 3, levels: [80, 95], seasons: [7] };
const y = new Float64Array([1, 2, 3]);

describe("validateForecastInput(y, request)", () => {
  test("accepts a finite series and a sound request", () => {
    expect(() => validateForecastInput(y, request)).not.toThrow();
    expect(() => validateForecastInput(y, { horizon: 1, levels: [], seasons: [] })).not.toThrow();
  });

  test("rejects an empty series or a non-Float64Array", () => {
    expect(() => validateForecastInput(new Float64Array(0), request)).toThrow("y must not be empty");
    expect(() => validateForecastInput([1, 2] as unknown as Float64Array, request)).toThrow(
      "y must be a Float64Array",
    );
  });

  test("names the first non-finite value", () => {
    expect(() => validateForecastInput(new Float64Array([1, Number.NaN, 3]), request)).toThrow(
      "y[1] must be finite, got NaN",
    );
    expect(() => validateForecastInput(new Float64Array([1, 2, Number.NEGATIVE_INFINITY]), request)).toThrow(
      "y[2] must be finite, got -Infinity",
    );
  });

  test("rejects a horizon that is not a whole number >= 1", () => {
    for (const horizon of [0, -1, 1.5, Number.NaN]) {
      expect(() => validateForecastInput(y, { ...request, horizon })).toThrow(/request\.horizon/);
    }
  });

  test("rejects levels outside (0, 100)", () => {
    for (const level of [0, 100, -5, 120, Number.NaN]) {
      expect(() => validateForecastInput(y, { ...request, levels: [80, level] })).toThrow(
        /request\.levels\[1\]/,
      );
    }
  });

  test("rejects seasons that are not whole numbers >= 1", () => {
    for (const season of [0, 2.5, -7]) {
      expect(() => validateForecastInput(y, { ...request, seasons: [season] })).toThrow(
        /request\.seasons\[0\]/,
      );
    }
  });
});

describe("validateOrigins(origins, length)", () => {
  test("accepts ascending whole origins within [1, length], repeats and none at all", () => {
    expect(() => validateOrigins([1, 5, 5, 10], 10)).not.toThrow();
    expect(() => validateOrigins([], 10)).not.toThrow();
  });

  test("rejects origins out of range, fractional or descending", () => {
    expect(() => validateOrigins([0], 10)).toThrow("origins[0] must be a whole number in [1, 10], got 0");
    expect(() => validateOrigins([3, 11], 10)).toThrow(/origins\[1\]/);
    expect(() => validateOrigins([2.5], 10)).toThrow(/origins\[0\]/);
    expect(() => validateOrigins([5, 4], 10)).toThrow("origins must be ascending");
  });
});
