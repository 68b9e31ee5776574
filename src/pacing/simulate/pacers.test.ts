import { describe, expect, it } from "vitest";
import { asapPacer } from "./asap-pacer.js";
import { availsPacer } from "./avails-pacer.js";
import { flatPacer } from "./flat-pacer.js";
import type { PacingView } from "./pacer.js";
import type { SimCampaign } from "./sim-campaign.js";

const campaign: SimCampaign = {
  id: "c",
  priority: 0,
  leaves: Int32Array.of(0),
  targeting: {},
  start: 0,
  end: 4,
  goal: 200,
  mode: "even",
  dailyCap: null,
  timeZone: "UTC",
  day: Int32Array.of(0, 0, 1, 1),
};

function view(hour: number, deliveredToDate: number, winnable: number[]): PacingView {
  return {
    campaign,
    hour,
    delivered: new Float64Array(4),
    deliveredToDate,
    deliveredToday: 0,
    winnable: Float64Array.from(winnable),
  };
}

describe("the naive pacers", () => {
  it("flat: throttle = (goal / flight hours) / expected matched, never above 1", () => {
    const pacer = flatPacer.start(campaign);
    expect(pacer.throttle(view(0, 0, [100, 25, 50, 400]))).toBe(0.5);
    expect(pacer.throttle(view(1, 0, [100, 25, 50, 400]))).toBe(1);
    expect(pacer.throttle(view(3, 0, [100, 25, 50, 400]))).toBe(0.125);
    expect(pacer.throttle(view(0, 0, [0, 0, 0, 0]))).toBe(1);
    expect([...pacer.replan(view(1, 50, [100, 25, 50, 400]))]).toEqual([0, 25, 50, 50]);
  });

  it("asap: throttle 1 until the goal is delivered, then 0", () => {
    const pacer = asapPacer.start(campaign);
    expect(pacer.throttle(view(0, 0, [100, 100, 100, 100]))).toBe(1);
    expect(pacer.throttle(view(2, 200, [100, 100, 100, 100]))).toBe(0);
    expect([...pacer.replan(view(1, 50, [100, 100, 100, 100]))]).toEqual([0, 100, 50, 0]);
  });
});

describe("availsPacer", () => {
  it("throttles to the plan's share of the forecast when on plan, within [0, 1]", () => {
    const pacer = availsPacer.start(campaign);
    const v = view(0, 0, [100, 300, 100, 300]);
    const expected = pacer.replan(v);
    // Even plan: 200 over 800 matched = 1/4 of each hour.
    expect([...expected]).toEqual([25, 75, 25, 75]);
    expect(pacer.throttle(v)).toBeCloseTo(0.25, 12);
  });

  it("throttles up when behind plan and to 0 once the goal is met", () => {
    const pacer = availsPacer.start(campaign);
    pacer.replan(view(0, 0, [100, 300, 100, 300]));
    pacer.throttle(view(0, 0, [100, 300, 100, 300]));
    const behind = view(1, 5, [100, 300, 100, 300]);
    expect(pacer.throttle(behind)).toBeGreaterThan(0.25);
    expect(pacer.throttle(view(2, 200, [100, 300, 100, 300]))).toBe(0);
  });
});
