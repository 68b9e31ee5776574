import { planDelivery } from "../delivery-plan.js";
import type { CampaignRun } from "./run-simulation.js";

/** E|X - mean| = sqrt(2/pi) sd for a normal X: the squared factor. */
const NOISE_SCALE = 2 / Math.PI;

/** How one campaign came out under one pacer: the `--json` row of `avails simulate`. */
export interface CampaignOutcome {
  id: string;
  goal: number;
  delivered: number;
  /** Whether the goal could have been met with hindsight (see campaignOutcome). */
  feasible: boolean;
  /** Mean absolute deviation of hourly delivery from the hindsight plan, relative to the plan (see campaignOutcome). */
  tracking_mad: number;
  /**
   * The tracking_mad that the binomial draws alone would give a pacer hitting the hindsight plan in
   * expectation every hour (normal approximation): the floor no pacer can go below on this traffic.
   */
  noise_mad: number;
  /** Flight hours, before the goal was met, the pacer set the throttle to 0. */
  hours_at_zero: number;
  /** Flight hours, before the goal was met, the pacer set the throttle to 1. */
  hours_at_one: number;
}

/**
 * Scores one campaign's run against what was possible, measured with hindsight on the requests that were
 * actually left for it after higher priorities (`run.matched`), so every pacer is judged on its own run:
 *
 * - feasible: the goal fits in that supply under the daily cap, sum over flight days of
 *   min(cap, matched that day) >= goal;
 * - tracking_mad: the hindsight plan p is planDelivery on that matched supply (the campaign's goal, mode,
 *   frontload and cap: for even pacing, the goal spread in proportion to the traffic it could win); with d
 *   the hourly delivery, tracking_mad = sum_h |d_h - p_h| / sum_h p_h over the flight hours (the mean absolute
 *   deviation over the mean hourly target; 0 when the plan is empty);
 * - noise_mad: sum_h sqrt(2/pi · p_h (1 - p_h / m_h)) / sum_h p_h, the expected absolute deviation of a
 *   Binomial(m_h, p_h / m_h) draw from its mean p_h (normal approximation) over the plan: the tracking error
 *   that sampling alone causes, which no pacer avoids;
 * - hours_at_zero / hours_at_one: flight hours in which the goal was not yet met and the throttle was
 *   exactly 0 / exactly 1.
 *
 * @example
 * campaignOutcome(runs[0].campaigns[0]); // { id, goal, delivered, feasible, tracking_mad, hours_at_zero, hours_at_one }
 */
export function campaignOutcome(run: CampaignRun): CampaignOutcome {
  const { campaign, delivered, matched, throttle } = run;
  const hours = delivered.length;
  const dayTotals = new Map<number, number>();
  for (let h = 0; h < hours; h++)
    dayTotals.set(campaign.day[h], (dayTotals.get(campaign.day[h]) ?? 0) + matched[h]);
  let carry = 0;
  for (const total of dayTotals.values())
    carry += campaign.dailyCap === null ? total : Math.min(campaign.dailyCap, total);
  const plan = planDelivery({
    goal: campaign.goal,
    matched,
    day: campaign.day,
    mode: campaign.mode,
    frontloadPercent: campaign.frontloadPercent,
    dailyCap: campaign.dailyCap,
  }).target;
  let deviation = 0;
  let noise = 0;
  let planned = 0;
  let total = 0;
  let atZero = 0;
  let atOne = 0;
  for (let h = 0; h < hours; h++) {
    deviation += Math.abs(delivered[h] - plan[h]);
    planned += plan[h];
    if (plan[h] > 0 && matched[h] > 0)
      noise += Math.sqrt(NOISE_SCALE * plan[h] * Math.max(0, 1 - plan[h] / matched[h]));
    if (total < campaign.goal) {
      if (throttle[h] === 0) atZero++;
      else if (throttle[h] === 1) atOne++;
    }
    total += delivered[h];
  }
  return {
    id: campaign.id,
    goal: campaign.goal,
    delivered: total,
    feasible: carry >= campaign.goal,
    tracking_mad: planned > 0 ? deviation / planned : 0,
    noise_mad: planned > 0 ? noise / planned : 0,
    hours_at_zero: atZero,
    hours_at_one: atOne,
  };
}
