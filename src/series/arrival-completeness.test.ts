import { describe, expect, it } from "vitest";
import type { ArrivalDelays } from "../store/store.js";
import { arrivalCompleteness } from "./arrival-completeness.js";

function delays(units: number[], beyond = 0): ArrivalDelays {
  return { units: Float64Array.from(units), beyond, lastIngestion: 0, watermark: 0 };
}

describe("arrivalCompleteness(delays, lateness)", () => {
  it("mixes the sum-of-two-uniforms distribution over the delay buckets", () => {
    // Every event within its first hour of delay: at age a the share is P(U1 + U2 <= a).
    const instant = arrivalCompleteness(delays([10, 0, 0]), 72);
    expect(instant.informative).toBe(true);
    expect(instant.shareAt(0)).toBe(0);
    expect(instant.shareAt(0.5)).toBeCloseTo(0.125, 12);
    expect(instant.shareAt(1)).toBeCloseTo(0.5, 12);
    expect(instant.shareAt(1.5)).toBeCloseTo(0.875, 12);
    expect(instant.shareAt(2)).toBe(1);
    // Half the events a further 2-3 hours late: at age 2 only the prompt half is in.
    const split = arrivalCompleteness(delays([5, 0, 5]), 72);
    expect(split.shareAt(2)).toBeCloseTo(0.5, 12);
    expect(split.shareAt(3)).toBeCloseTo(0.75, 12);
    expect(split.shareAt(4)).toBe(1);
    expect(split.medianDelayHours).toBe(0.5);
  });

  it("is nondecreasing in the age", () => {
    const c = arrivalCompleteness(delays([3, 7, 1, 0, 4, 2]), 72);
    let previous = 0;
    for (let age = 0; age <= 8; age += 0.25) {
      expect(c.shareAt(age)).toBeGreaterThanOrEqual(previous);
      previous = c.shareAt(age);
    }
    expect(previous).toBe(1);
  });

  it("says nothing (share 1) without closed hours or for a bulk load of history", () => {
    const empty = arrivalCompleteness(delays([0, 0, 0]), 72);
    expect(empty.informative).toBe(false);
    expect(empty.shareAt(0)).toBe(1);
    expect(empty.medianDelayHours).toBeNaN();
    // Most units arrived past the histogram: ingestion times are load times.
    const bulk = arrivalCompleteness(delays([1, 0, 0], 10), 72);
    expect(bulk.informative).toBe(false);
    expect(bulk.medianDelayHours).toBe(Number.POSITIVE_INFINITY);
    expect(bulk.shareAt(0.5)).toBe(1);
    // A median delay over the allowed lateness is not a live feed either.
    expect(arrivalCompleteness(delays([1, 0, 0, 9]), 2).informative).toBe(false);
  });
});
