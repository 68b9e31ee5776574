import { describe, expect, test } from "vitest";
import { autoArima } from "./auto-arima.js";
import { loadCases, xregOf } from "./fixtures/r-fixture.js";
import { forecastArima } from "./forecast-arima.js";

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

// R 4.2.2, forecast 8.20: auto.arima on each series, then forecast(fit, h = 4)$mean.
describe("autoArima(y) on a series its differences make constant, as R's auto.arima", () => {
  test("a seasonal pattern shifted by one each year: (0,0,0)(0,1,0)[4] with a drift of 1 / 4", () => {
    const y = Float64Array.of(10, 11, 10, 9, 11, 12, 11, 10, 12);
    const { fit, d, D, candidates } = autoArima(y, 4);
    expect([d, D]).toEqual([0, 1]);
    expect(fit.description).toBe("ARIMA(0,0,0)(0,1,0)[4] with drift");
    expect(fit.coef[0]).toBeCloseTo(0.25, 12);
    expect(candidates).toEqual([]);
    expect([...forecastArima(fit, y.length, 4, [95]).mean]).toEqual(
      [13, 12, 11, 13].map((v) => expect.closeTo(v, 9)),
    );
  });

  test("a pattern repeated exactly: a drift of 0 and intervals next to nothing wide", () => {
    const y = Float64Array.of(10, 11, 10, 9, 10, 11, 10, 9, 10);
    const { fit } = autoArima(y, 4);
    expect(fit.description).toBe("ARIMA(0,0,0)(0,1,0)[4] with drift");
    const { mean, lower, upper } = forecastArima(fit, y.length, 4, [95]);
    expect([...mean]).toEqual([11, 10, 9, 10].map((v) => expect.closeTo(v, 9)));
    for (let h = 0; h < 4; h++) expect(upper[0][h] - lower[0][h]).toBeLessThan(0.1);
  });

  test("a straight line: (0,1,0) with its slope as the drift", () => {
    const y = Float64Array.from({ length: 10 }, (_, t) => t + 1);
    const { fit } = autoArima(y, 1);
    expect(fit.description).toBe("ARIMA(0,1,0) with drift");
    expect([...forecastArima(fit, y.length, 4, [95]).mean]).toEqual(
      [11, 12, 13, 14].map((v) => expect.closeTo(v, 9)),
    );
  });

  test("a parabola: two differences and no constant, the line through its last two points", () => {
    const y = Float64Array.from({ length: 11 }, (_, t) => (t + 1) ** 2);
    const { fit } = autoArima(y, 1);
    expect(fit.description).toBe("ARIMA(0,2,0)");
    expect(fit.sigma2).toBeCloseTo(4, 4);
    expect([...forecastArima(fit, y.length, 4, [95]).mean]).toEqual(
      [142, 163, 184, 205].map((v) => expect.closeTo(v, 9)),
    );
  });

  test("a series that is not exact is searched as before", () => {
    const y = Float64Array.of(10, 11, 10.1, 9, 11, 12, 11, 10, 12, 13, 12.2, 11);
    expect(autoArima(y, 4).candidates.length).toBeGreaterThan(0);
  });
});

test("autoArima(y, m, [], { allowDrift: false }) fits a straight line without the drift it refuses", () => {
  const y = Float64Array.from({ length: 10 }, (_, t) => t + 1);
  const { fit } = autoArima(y, 1, [], { allowDrift: false });
  expect(fit.description).toBe("ARIMA(0,1,0)");
  expect([...forecastArima(fit, y.length, 2, [95]).mean]).toEqual([10, 10].map((v) => expect.closeTo(v, 9)));
});
