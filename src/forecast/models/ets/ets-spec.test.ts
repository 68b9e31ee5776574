import { describe, expect, test } from "vitest";
import { parseEtsSpec } from "./ets-spec.js";
import { etsPeriod } from "./seasonal-period.js";

describe("parseEtsSpec(spec)", () => {
  test("unfolds Z into R's search and a fixed form into itself", () => {
    expect(parseEtsSpec().space).toEqual({
      errors: ["A", "M"],
      trends: ["N", "A"],
      damping: [true, false],
      seasons: ["N", "A", "M"],
    });
    expect(parseEtsSpec({ error: "M", trend: "Ad", season: "M" }).space).toEqual({
      errors: ["M"],
      trends: ["A"],
      damping: [true],
      seasons: ["M"],
    });
    expect(parseEtsSpec({ trend: "Md" }).space.trends).toEqual(["M"]);
    expect(parseEtsSpec({ allowMultiplicativeTrend: true }).space.trends).toEqual(["N", "A", "M"]);
  });

  test("throws on a bad component or parameter, naming it", () => {
    expect(() => parseEtsSpec({ error: "X" as "A" })).toThrow(/spec\.error/);
    expect(() => parseEtsSpec({ trend: "D" as "A" })).toThrow(/spec\.trend/);
    expect(() => parseEtsSpec({ season: "Q" as "A" })).toThrow(/spec\.season/);
    expect(() => parseEtsSpec({ alpha: 1.5 })).toThrow(/spec\.alpha/);
    expect(() => parseEtsSpec({ alpha: Number.NaN })).toThrow(/spec\.alpha/);
    expect(() => parseEtsSpec({ beta: 0 })).toThrow(/spec\.beta/);
    expect(() => parseEtsSpec({ gamma: -0.1 })).toThrow(/spec\.gamma/);
    expect(() => parseEtsSpec({ phi: 1.2 })).toThrow(/spec\.phi/);
    expect(() => parseEtsSpec({ alpha: 0.2, beta: 0.3 })).toThrow(/spec\.beta/);
    expect(() => parseEtsSpec({ alpha: 0.6, gamma: 0.5 })).toThrow(/spec\.gamma/);
    expect(() => parseEtsSpec({ paths: 5 })).toThrow(/spec\.paths/);
    expect(() => parseEtsSpec({ seed: Number.POSITIVE_INFINITY })).toThrow(/spec\.seed/);
  });
});

describe("etsPeriod(seasons, n)", () => {
  test("takes the smallest whole period from 2 to 24 that the data covers twice", () => {
    expect(etsPeriod([24, 168], 2000)).toBe(24);
    expect(etsPeriod([7], 14)).toBe(7);
    expect(etsPeriod([7], 13)).toBe(1);
    expect(etsPeriod([], 100)).toBe(1);
    expect(etsPeriod([1, 4], 100)).toBe(4);
    expect(etsPeriod([2.5, 12], 100)).toBe(12);
    expect(etsPeriod([52], 520)).toBe(1);
  });
});
