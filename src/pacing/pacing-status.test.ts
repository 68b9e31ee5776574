import { describe, expect, it } from "vitest";
import { planDelivery } from "./delivery-plan.js";
import { type PacingStatusInput, pacingStatus } from "./pacing-status.js";

/** A 4-day flight of flat supply, an even plan of 4800 (50 an hour), 48 hours past. */
function base(overrides: Partial<PacingStatusInput> = {}): PacingStatusInput {
  const matched = new Float64Array(96).fill(200);
  const day = new Int32Array(96);
  for (let h = 0; h < 96; h++) day[h] = Math.floor(h / 24);
  const plan = planDelivery({ goal: 4800, matched, day, mode: "even" });
  return {
    goal: 4800,
    target: plan.target,
    feasible: plan.feasible,
    elapsed: 48,
    delivered: new Float64Array(48).fill(50),
    // Ten paths of 48 hours x 150 to 250 an hour: ample supply for the 2400 left.
    reachable: Float64Array.from({ length: 10 }, (_, p) => 48 * (150 + 10 * p)),
    ...overrides,
  };
}

describe("pacingStatus", () => {
  it("pacingStatus on plan: index 1, on track, projected at the goal, no risk", () => {
    const status = pacingStatus(base());
    expect(status.deliveredToDate).toBe(2400);
    expect(status.plannedToDate).toBeCloseTo(2400, 9);
    expect(status.pacingIndex).toBeCloseTo(1, 12);
    expect(status.state).toBe("on track");
    expect(status.projected).toEqual({ mean: 4800, p10: 4800, p90: 4800 });
    expect(status.underDeliveryProbability).toBe(0);
    expect(status.missingHours).toBe(0);
  });

  it("pacingStatus is behind below planned - 10% and ahead above planned + 10%", () => {
    const behind = pacingStatus(base({ delivered: new Float64Array(48).fill(40) }));
    expect(behind.pacingIndex).toBeCloseTo(0.8, 12);
    expect(behind.state).toBe("behind");
    const ahead = pacingStatus(base({ delivered: new Float64Array(48).fill(60) }));
    expect(ahead.state).toBe("ahead");
    const near = pacingStatus(base({ delivered: new Float64Array(48).fill(46) }));
    expect(near.state).toBe("on track");
  });

  it("pacingStatus projects P10 / P90 from the paths and is at risk when supply runs short", () => {
    // Paths reach 1500..2400 of the 2400 left: nine of ten end short.
    const reachable = Float64Array.from({ length: 10 }, (_, p) => 1500 + 100 * p);
    const status = pacingStatus(base({ reachable }));
    expect(status.underDeliveryProbability).toBeCloseTo(0.9, 12);
    expect(status.state).toBe("at risk");
    expect(status.projected.mean).toBeCloseTo(2400 + 1950, 9);
    expect(status.projected.p10).toBeCloseTo(2400 + 1590, 9);
    expect(status.projected.p90).toBeCloseTo(2400 + 2310, 9);
  });

  it("pacingStatus flags an infeasible plan as at risk before the flight starts", () => {
    const status = pacingStatus(base({ feasible: false, elapsed: 0, delivered: new Float64Array(0) }));
    expect(status.state).toBe("at risk");
    expect(status.pacingIndex).toBeNull();
  });

  it("pacingStatus is done when the goal is delivered or the flight is over", () => {
    const full = pacingStatus(base({ delivered: new Float64Array(48).fill(100) }));
    expect(full.state).toBe("done");
    const over = pacingStatus(base({ elapsed: 96, delivered: new Float64Array(96).fill(45) }));
    expect(over.state).toBe("done");
    expect(over.projected.mean).toBe(4320);
    expect(over.underDeliveryProbability).toBe(1);
  });

  it("pacingStatus survives a missing hour of data: left out of both sides, counted", () => {
    const delivered = new Float64Array(48).fill(50);
    delivered[30] = Number.NaN;
    const status = pacingStatus(base({ delivered }));
    expect(status.missingHours).toBe(1);
    expect(status.deliveredToDate).toBe(2350);
    expect(status.plannedToDate).toBeCloseTo(2350, 9);
    expect(status.state).toBe("on track");
  });

  it("pacingStatus rejects bad input naming the field", () => {
    expect(() => pacingStatus(base({ goal: -1 }))).toThrow(/goal/);
    expect(() => pacingStatus(base({ elapsed: 97 }))).toThrow(/elapsed/);
    expect(() => pacingStatus(base({ elapsed: 1.5 }))).toThrow(/elapsed/);
    expect(() => pacingStatus(base({ delivered: new Float64Array(10) }))).toThrow(/delivered/);
    expect(() => pacingStatus(base({ delivered: new Float64Array(48).fill(-1) }))).toThrow(/delivered\[0\]/);
    expect(() => pacingStatus(base({ reachable: Float64Array.of(Number.NaN) }))).toThrow(/reachable\[0\]/);
  });
});
