import { describe, expect, it } from "vitest";
import { campaignOutcome } from "./campaign-outcome.js";
import type { CampaignRun } from "./run-simulation.js";
import type { SimCampaign } from "./sim-campaign.js";

function run(
  goal: number,
  matched: number[],
  delivered: number[],
  throttle: number[],
  extra: Partial<SimCampaign> = {},
): CampaignRun {
  const hours = matched.length;
  return {
    campaign: {
      id: "c",
      priority: 0,
      leaves: Int32Array.of(0),
      targeting: {},
      start: 0,
      end: hours,
      goal,
      mode: "even",
      dailyCap: null,
      timeZone: "UTC",
      day: Int32Array.from({ length: hours }, (_, h) => Math.floor(h / 2)),
      ...extra,
    },
    matched: Float64Array.from(matched),
    delivered: Float64Array.from(delivered),
    throttle: Float64Array.from(throttle),
  };
}

describe("campaignOutcome(run)", () => {
  it("measures tracking against the hindsight plan: sum |d - p| over the sum of p", () => {
    // Even plan on matched 100, 300: targets 50, 150 for a goal of 200; delivered 60, 140.
    const outcome = campaignOutcome(run(200, [100, 300], [60, 140], [0.6, 0.5]));
    expect(outcome).toEqual({
      id: "c",
      goal: 200,
      delivered: 200,
      feasible: true,
      tracking_mad: 20 / 200,
      noise_mad: (Math.sqrt((2 / Math.PI) * 50 * 0.5) + Math.sqrt((2 / Math.PI) * 150 * 0.5)) / 200,
      hours_at_zero: 0,
      hours_at_one: 0,
    });
  });

  it("calls a goal feasible when the matched supply under the daily cap carries it, with hindsight", () => {
    // Days of 2 hours: supply 100 + 100 and 50 + 50, cap 80 a day: 80 + 80 = 160 can be delivered.
    const capped = { dailyCap: 80 };
    expect(
      campaignOutcome(run(160, [100, 100, 50, 50], [40, 40, 40, 40], [1, 1, 1, 1], capped)).feasible,
    ).toBe(true);
    expect(
      campaignOutcome(run(161, [100, 100, 50, 50], [40, 40, 40, 40], [1, 1, 1, 1], capped)).feasible,
    ).toBe(false);
    expect(campaignOutcome(run(300, [100, 100, 50, 50], [100, 100, 50, 50], [1, 1, 1, 1])).feasible).toBe(
      true,
    );
    expect(campaignOutcome(run(301, [100, 100, 50, 50], [100, 100, 50, 50], [1, 1, 1, 1])).feasible).toBe(
      false,
    );
  });

  it("counts hours at throttle 0 and 1 only while the goal is not yet met", () => {
    const outcome = campaignOutcome(run(30, [10, 10, 10, 10, 10], [10, 0, 10, 10, 0], [1, 0, 1, 1, 0]));
    expect(outcome.hours_at_one).toBe(3);
    // Hour 1 counts; hour 4 comes after the goal was met.
    expect(outcome.hours_at_zero).toBe(1);
  });

  it("gives a tracking error of 0 when the plan is empty (nothing matched, nothing to deliver)", () => {
    expect(campaignOutcome(run(0, [0, 0], [0, 0], [0, 0])).tracking_mad).toBe(0);
  });
});
