import { describe, expect, it } from "vitest";
import type { ArrivalDelays } from "../store/store.js";
import { arrivalCompleteness } from "./arrival-completeness.js";

function delays(units: number[], beyond = 0): ArrivalDelays {
  return { units: Float64Array.from(units), bucketHours: 1, beyond, lastIngestion: 0, watermark: 0 };
}

describe("arrivalCompleteness(delays, lateness)", () => {
  it("mixes P(U + D <= age) over the delay buckets, U uniform in the hour and D in its bucket", () => {
    // Every event within its first hour of delay (buckets of an hour): P(U1 + U2 <= a), two uniforms.
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

describe("arrivalCompleteness with 5-minute buckets", () => {
  it("reads a delay of 20 minutes as 20 minutes: an hour is whole 80 minutes after it began", () => {
    const units = new Float64Array(24);
    units[4] = 1; // 20-25 minutes
    const c = arrivalCompleteness(
      { units, bucketHours: 1 / 12, beyond: 0, lastIngestion: 0, watermark: 0 },
      72,
    );
    expect(c.shareAt(20 / 60)).toBe(0);
    expect(c.shareAt(1 + 25 / 60)).toBeCloseTo(1, 12);
    // Half an hour in, the first 8-10 minutes of the hour are in: about a seventh.
    expect(c.shareAt(0.5)).toBeGreaterThan(0.12);
    expect(c.shareAt(0.5)).toBeLessThan(0.17);
    expect(c.medianDelayHours).toBeCloseTo(22.5 / 60, 12);
  });
});
