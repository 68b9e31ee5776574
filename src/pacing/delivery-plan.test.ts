import { describe, expect, it } from "vitest";
import { reportingDays } from "../series/reporting-days.js";
import { type PlanInput, planDelivery } from "./delivery-plan.js";

/** A diurnal supply over `days` days of 24 hours: low at night, high in the evening. */
function diurnal(days: number, scale = 1000): Float64Array {
  const out = new Float64Array(days * 24);
  for (let h = 0; h < out.length; h++) out[h] = scale * (1.2 + Math.sin((2 * Math.PI * ((h % 24) - 9)) / 24));
  return out;
}

function days24(hours: number): Int32Array {
  const out = new Int32Array(hours);
  for (let h = 0; h < hours; h++) out[h] = Math.floor(h / 24);
  return out;
}

function sum(xs: ArrayLike<number>, from = 0, to = xs.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i];
  return s;
}

function daySums(target: Float64Array, day: Int32Array): number[] {
  const out: number[] = [];
  for (let h = 0; h < target.length; h++) out[day[h]] = (out[day[h]] ?? 0) + target[h];
  return out;
}

describe("planDelivery", () => {
  it("planDelivery(even) sums to the goal and follows the shape of matched traffic", () => {
    const matched = diurnal(7);
    const plan = planDelivery({ goal: 50_000, matched, day: days24(matched.length), mode: "even" });
    expect(plan.feasible).toBe(true);
    expect(plan.shortfall).toBe(0);
    expect(sum(plan.target)).toBeCloseTo(50_000, 6);
    const rate = plan.target[0] / matched[0];
    for (let h = 0; h < matched.length; h++) expect(plan.target[h] / matched[h]).toBeCloseTo(rate, 12);
  });

  it("planDelivery(frontloaded) runs p% faster than even at the start and p% slower at the end", () => {
    const matched = new Float64Array(240).fill(100);
    const plan = planDelivery({
      goal: 12_000,
      matched,
      day: days24(240),
      mode: "frontloaded",
      frontloadPercent: 25,
    });
    expect(plan.feasible).toBe(true);
    expect(sum(plan.target)).toBeCloseTo(12_000, 6);
    const even = 12_000 / 240;
    expect(plan.target[0] / even).toBeCloseTo(1.25, 2);
    expect(plan.target[239] / even).toBeCloseTo(0.75, 2);
    // By the middle of the flight: 1/2 + p/4 of the goal.
    expect(sum(plan.target, 0, 120) / 12_000).toBeCloseTo(0.5625, 6);
    for (let h = 1; h < 240; h++) expect(plan.target[h]).toBeLessThan(plan.target[h - 1]);
  });

  it("planDelivery(frontloaded) with 0% is the even plan", () => {
    const matched = diurnal(3);
    const day = days24(matched.length);
    const even = planDelivery({ goal: 20_000, matched, day, mode: "even" });
    const flat = planDelivery({ goal: 20_000, matched, day, mode: "frontloaded", frontloadPercent: 0 });
    for (let h = 0; h < matched.length; h++) expect(flat.target[h]).toBeCloseTo(even.target[h], 9);
  });

  it("planDelivery(frontloaded) never plans an hour above its supply, moving the rest later", () => {
    const matched = new Float64Array(48).fill(100);
    const plan = planDelivery({
      goal: 4500,
      matched,
      day: days24(48),
      mode: "frontloaded",
      frontloadPercent: 50,
    });
    expect(plan.feasible).toBe(true);
    expect(sum(plan.target)).toBeCloseTo(4500, 6);
    for (let h = 0; h < 48; h++) expect(plan.target[h]).toBeLessThanOrEqual(100 + 1e-9);
    expect(plan.target[0]).toBeCloseTo(100, 9);
  });

  it("planDelivery(asap) takes all the supply from the start until the goal is met", () => {
    const matched = Float64Array.of(10, 20, 30, 40, 50);
    const plan = planDelivery({ goal: 45, matched, day: new Int32Array(5), mode: "asap" });
    expect(Array.from(plan.target)).toEqual([10, 20, 15, 0, 0]);
    expect(plan.feasible).toBe(true);
  });

  it("planDelivery(asap) respects the daily cap and resumes the next day", () => {
    const matched = new Float64Array(48).fill(100);
    const plan = planDelivery({ goal: 900, matched, day: days24(48), mode: "asap", dailyCap: 500 });
    expect(daySums(plan.target, days24(48))).toEqual([500, 400]);
    expect(plan.target[5]).toBe(0);
    expect(plan.target[24]).toBe(100);
    expect(plan.feasible).toBe(true);
  });

  it("planDelivery(even) respects the daily cap and moves the excess to the other days", () => {
    // Day 1 has three times the traffic: an even plan would give it 60% of the goal.
    const matched = new Float64Array(72).fill(100);
    for (let h = 24; h < 48; h++) matched[h] = 300;
    const day = days24(72);
    const plan = planDelivery({ goal: 5000, matched, day, mode: "even", dailyCap: 2000 });
    expect(plan.feasible).toBe(true);
    expect(sum(plan.target)).toBeCloseTo(5000, 6);
    const sums = daySums(plan.target, day);
    expect(sums[1]).toBeCloseTo(2000, 6);
    expect(sums[0]).toBeCloseTo(1500, 6);
    expect(sums[2]).toBeCloseTo(1500, 6);
    // Inside the capped day the shape of traffic still holds.
    for (let h = 25; h < 48; h++) expect(plan.target[h]).toBeCloseTo(plan.target[24], 9);
  });

  it("planDelivery flags a goal that caps x days cannot carry, before the flight starts", () => {
    const matched = diurnal(5);
    const day = days24(matched.length);
    const plan = planDelivery({ goal: 12_000, matched, day, mode: "even", dailyCap: 2000 });
    expect(plan.feasible).toBe(false);
    expect(plan.shortfall).toBeCloseTo(2000, 6);
    for (const total of daySums(plan.target, day)) expect(total).toBeCloseTo(2000, 6);
  });

  it("planDelivery flags a goal the expected supply cannot carry, placing all of it", () => {
    const matched = Float64Array.of(10, 20, 30);
    for (const mode of ["even", "frontloaded", "asap"] as const) {
      const plan = planDelivery({ goal: 100, matched, day: new Int32Array(3), mode });
      expect(plan.feasible).toBe(false);
      expect(plan.shortfall).toBeCloseTo(40, 9);
      expect(Array.from(plan.target)).toEqual([10, 20, 30]);
    }
  });

  it("planDelivery of a zero goal is all zeros and feasible; zero supply makes any goal infeasible", () => {
    const zero = planDelivery({ goal: 0, matched: diurnal(1), day: days24(24), mode: "even" });
    expect(sum(zero.target)).toBe(0);
    expect(zero.feasible).toBe(true);
    const dry = planDelivery({ goal: 10, matched: new Float64Array(24), day: days24(24), mode: "even" });
    expect(dry.feasible).toBe(false);
    expect(dry.shortfall).toBe(10);
  });

  it("planDelivery caps the 23- and 25-hour days of a Europe/Stockholm flight over both DST changes", () => {
    // Two flights, each over a change: 2026-03-29 has 23 hours, 2026-10-25 has 25.
    for (const [start, change] of [
      [Date.UTC(2026, 2, 26, 23), "2026-03-29"],
      [Date.UTC(2026, 9, 22, 22), "2026-10-25"],
    ] as const) {
      const days = reportingDays(start, 6 * 24, "Europe/Stockholm");
      const index = days.days.indexOf(change);
      expect(days.dayHours[index]).toBe(change === "2026-03-29" ? 23 : 25);
      const matched = new Float64Array(days.dayOfHour.length).fill(100);
      const plan = planDelivery({ goal: 13_000, matched, day: days.dayOfHour, mode: "even", dailyCap: 2200 });
      expect(plan.feasible).toBe(true);
      expect(sum(plan.target)).toBeCloseTo(13_000, 6);
      const sums = daySums(plan.target, days.dayOfHour);
      for (const total of sums) expect(total).toBeLessThanOrEqual(2200 + 1e-6);
      // Even follows the hours: the short day gets less than a 24-hour day, the long day hits the cap.
      if (change === "2026-03-29") expect(sums[index]).toBeLessThan(sums[index + 1]);
      else expect(sums[index]).toBeCloseTo(2200, 6);
    }
  });

  it("planDelivery fills a missing forecast hour (NaN) from its neighbours", () => {
    const matched = Float64Array.of(100, Number.NaN, 300, Number.NaN);
    const plan = planDelivery({ goal: 400, matched, day: new Int32Array(4), mode: "even" });
    expect(plan.feasible).toBe(true);
    // Filled in as 100, 200 (between 100 and 300), 300, 300 (the last known hour).
    const filled = [100, 200, 300, 300];
    for (let h = 0; h < 4; h++) expect(plan.target[h]).toBeCloseTo((400 * filled[h]) / 900, 9);
  });

  it("planDelivery rejects bad input naming the field", () => {
    const base: PlanInput = {
      goal: 10,
      matched: Float64Array.of(1, 2),
      day: Int32Array.of(0, 0),
      mode: "even",
    };
    expect(() => planDelivery({ ...base, goal: -1 })).toThrow(/goal/);
    expect(() => planDelivery({ ...base, goal: Number.NaN })).toThrow(/goal/);
    expect(() => planDelivery({ ...base, matched: Float64Array.of(1, -2) })).toThrow(/matched\[1\]/);
    expect(() => planDelivery({ ...base, matched: Float64Array.of(Number.POSITIVE_INFINITY, 2) })).toThrow(
      /matched\[0\]/,
    );
    expect(() => planDelivery({ ...base, day: Int32Array.of(0) })).toThrow(/day/);
    expect(() => planDelivery({ ...base, day: Int32Array.of(1, 0) })).toThrow(/day\[1\]/);
    expect(() => planDelivery({ ...base, dailyCap: -5 })).toThrow(/dailyCap/);
    expect(() => planDelivery({ ...base, mode: "frontloaded", frontloadPercent: 120 })).toThrow(
      /frontloadPercent/,
    );
    expect(() => planDelivery({ ...base, mode: "fast" as never })).toThrow(/mode/);
  });
});
