import { describe, expect, it } from "vitest";
import { calibratedGrowth } from "./calibrated-growth.js";

describe("calibratedGrowth(poolErrors, lower, upper, level, season, phase)", () => {
  it("divides each hour's interval width by the central range of the pool errors of its phase", () => {
    // Season 2: phase 0 rows hold -1..1 (80% range 1.6 under type 7 on 0.1..0.9), phase 1 rows -2..2.
    const pool = new Float64Array(22);
    for (let i = 0; i < 11; i++) {
      pool[2 * i] = -1 + i * 0.2;
      pool[2 * i + 1] = -2 + i * 0.4;
    }
    const lower = Float64Array.of(-1, -1, -2, -2);
    const upper = Float64Array.of(1, 1, 2, 2);
    // Phase 1: hour 0 reads phase-1 rows (range 3.2), hour 1 phase-0 rows (range 1.6).
    const growth = calibratedGrowth(pool, lower, upper, 0.8, 2, 1);
    expect(growth[0]).toBeCloseTo(2 / 3.2, 12);
    expect(growth[1]).toBeCloseTo(2 / 1.6, 12);
    expect(growth[2]).toBeCloseTo(4 / 3.2, 12);
    expect(growth[3]).toBeCloseTo(4 / 1.6, 12);
  });

  it("keeps 1 where the pool has no spread, and rejects bad input naming the parameter", () => {
    const flat = new Float64Array(6);
    expect([...calibratedGrowth(flat, Float64Array.of(0), Float64Array.of(3), 0.8, 2, 0)]).toEqual([1]);
    expect(() => calibratedGrowth(flat, Float64Array.of(0), Float64Array.of(1, 2), 0.8, 2, 0)).toThrow(
      /upper: length/,
    );
    expect(() => calibratedGrowth(flat, Float64Array.of(2), Float64Array.of(1), 0.8, 2, 0)).toThrow(
      /upper: hour 0/,
    );
    expect(() => calibratedGrowth(flat, Float64Array.of(0), Float64Array.of(1), 1, 2, 0)).toThrow(/level: 1/);
    expect(() => calibratedGrowth(flat, Float64Array.of(0), Float64Array.of(1), 0.8, 0, 0)).toThrow(
      /season: 0/,
    );
    expect(() =>
      calibratedGrowth(new Float64Array(1), Float64Array.of(0), Float64Array.of(1), 0.8, 2, 0),
    ).toThrow(/poolErrors: 1 rows/);
  });
});
