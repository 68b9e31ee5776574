import { describe, expect, test } from "vitest";
import { EtsObjective } from "./ets-objective.js";
import { fitEts } from "./fit-ets.js";

const y = Float64Array.from(
  { length: 48 },
  (_, t) => 100 + 0.8 * t + 12 * Math.sin((2 * Math.PI * t) / 12) + 4 * Math.cos(t * 1.3),
);
const form = { error: "M", trend: "A", damped: true, season: "A", period: 12 } as const;

describe("new EtsObjective(y, form)", () => {
  test("evaluate gives -2 log likelihood: the fit's at the fit's point, as fitAt reports it", () => {
    const fit = fitEts(y, form);
    if (fit === null) throw new Error("ETS(M,Ad,A) did not fit");
    const objective = new EtsObjective(y, form);
    const value = objective.evaluate(fit.point);
    expect(value).toBeCloseTo(-2 * fit.logLikelihood, 6);
    expect(objective.fitAt(fit.point, 0).aicc).toBeCloseTo(fit.aicc, 6);
    expect(value + objective.aiccPenalty).toBeCloseTo(fit.aicc, 6);
  });

  test("evaluate is Infinity where a multiplicative season would turn negative", () => {
    const objective = new EtsObjective(y, { ...form, error: "A", season: "M" });
    const point = Float64Array.from(objective.layout.start);
    expect(Number.isFinite(objective.evaluate(point))).toBe(true);
    point[objective.layout.seasonIndex] = -1;
    expect(objective.evaluate(point)).toBe(Number.POSITIVE_INFINITY);
  });

  test("counts the variance as a parameter of AICc, as R does", () => {
    const objective = new EtsObjective(y, { error: "A", trend: "N", damped: false, season: "N", period: 1 });
    // alpha and the level, plus the variance: k = 3.
    expect(objective.estimated).toBe(2);
    expect(objective.aiccPenalty).toBeCloseTo(6 + 24 / (48 - 4), 12);
  });
});
