import { planDelivery } from "../delivery-plan.js";
import { initialThrottleState, nextThrottle, type ThrottleState } from "../throttle.js";
import type { CampaignPacer, Pacer, PacingView } from "./pacer.js";
import type { SimCampaign } from "./sim-campaign.js";

/**
 * avails' own pacer: at each re-forecast the delivery plan over the whole flight (planDelivery on the
 * matched supply the campaign saw so far and the forecast of the rest), and every hour the throttle of
 * nextThrottle (plan-based rate with its PI correction on the cumulative error against that plan, the
 * daily cap left and the goal left as hard limits).
 *
 * @example
 * const pacer = availsPacer.start(campaign);
 * pacer.replan(view);
 * pacer.throttle(view); // in [0, 1]
 */
export const availsPacer: Pacer = {
  name: "avails",
  start(campaign: SimCampaign): CampaignPacer {
    const hours = campaign.end - campaign.start;
    let target: Float64Array = new Float64Array(hours);
    let state: ThrottleState = initialThrottleState();
    const plannedBefore = (hour: number): number => {
      let sum = 0;
      for (let h = 0; h < hour; h++) sum += target[h];
      return sum;
    };
    return {
      replan(view: PacingView): Float64Array {
        target = planDelivery({
          goal: campaign.goal,
          matched: view.winnable,
          day: campaign.day,
          mode: campaign.mode,
          frontloadPercent: campaign.frontloadPercent,
          dailyCap: campaign.dailyCap,
        }).target;
        // What it expects to take from here: the plan's rest, scaled to the goal actually left.
        const planLeft = campaign.goal - plannedBefore(view.hour);
        const goalLeft = campaign.goal - view.deliveredToDate;
        const scale = planLeft > 0 ? Math.max(0, goalLeft) / planLeft : 0;
        const expected = new Float64Array(hours);
        for (let h = view.hour; h < hours; h++) expected[h] = Math.min(view.winnable[h], target[h] * scale);
        return expected;
      },
      throttle(view: PacingView): number {
        const h = view.hour;
        let remainingMatched = 0;
        for (let k = h; k < hours; k++) remainingMatched += view.winnable[k];
        const decision = nextThrottle(
          {
            goal: campaign.goal,
            deliveredToDate: view.deliveredToDate,
            plannedToDate: plannedBefore(h),
            nextPlanned: target[h],
            nextMatched: view.winnable[h],
            remainingMatched,
            capLeftToday:
              campaign.dailyCap === null
                ? Number.POSITIVE_INFINITY
                : Math.max(0, campaign.dailyCap - view.deliveredToday),
            mode: campaign.mode,
          },
          state,
        );
        state = decision.state;
        return decision.throttle;
      },
    };
  },
};
