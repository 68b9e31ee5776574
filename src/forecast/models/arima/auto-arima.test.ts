import { describe, expect, test } from "vitest";
import { autoArima } from "./auto-arima.js";
import { loadCases, xregOf } from "./fixtures/r-fixture.js";

// Made by fixtures/make-fixtures.R with R 4.2.2 and forecast 8.20 (CI has no R); d and D are R's own
// ndiffs/nsdiffs choices, passed in here so that the search is tested on its own; the choice of d and D is
// tested against the same cases below.
const cases = loadCases();

describe("autoArima chooses d and D as R's auto.arima", () => {
  test.each(cases.filter((c) => xregOf(c).length === 0).map((c) => [c.id, c] as const))(
    "%s: the same differences by nsdiffs then ndiffs",
    (_, c) => {
      const y = Float64Array.from(c.train);
      const { d, D } = autoArima(y, c.period, [], { maxModels: 1 });
      expect([d, D]).toEqual([c.auto.d, c.auto.D]);
    },
  );
});

describe("autoArima against R's forecast::auto.arima (stepwise, d and D given)", () => {
  test.each(cases.map((c) => [c.id, c] as const))(
    "%s: the same orders, constant and AICc",
    (_, c) => {
      const y = Float64Array.from(c.train);
      const { fit, d, D } = autoArima(y, c.period, xregOf(c), { d: c.auto.d, D: c.auto.D });
      expect([d, D]).toEqual([c.auto.d, c.auto.D]);
      expect(fit.description).toBe(c.auto.description.trim());
      expect(Math.abs(fit.aicc - c.auto.aicc)).toBeLessThan(5e-3);
    },
    60_000,
  );

  test("refuses a bad period or difference order", () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => Math.sin(t));
    expect(() => autoArima(y, 0)).toThrow(/period must be a whole number >= 1/);
    expect(() => autoArima(y, 4, [], { d: 3 })).toThrow(/options\.d must be a whole number in \[0, 2\]/);
    expect(() => autoArima(y, 4, [], { D: -1 })).toThrow(/options\.D/);
  });

  test("uses chooseDifferences when d and D are not given", () => {
    const y = Float64Array.from({ length: 80 }, (_, t) => t + Math.sin(t * 2.1));
    const { d, D } = autoArima(y, 1, [], { chooseDifferences: () => ({ d: 1, D: 0 }) });
    expect([d, D]).toEqual([1, 0]);
  });
});
