import type { CampaignPacer, Pacer, PacingView } from "./pacer.js";
import type { SimCampaign } from "./sim-campaign.js";

/**
 * The naive asap pacer: throttle 1 until the goal is delivered, then 0.
 *
 * @example
 * asapPacer.start(campaign).throttle(view); // 1 while view.deliveredToDate < goal
 */
export const asapPacer: Pacer = {
  name: "asap",
  start(campaign: SimCampaign): CampaignPacer {
    const hours = campaign.end - campaign.start;
    return {
      replan(view: PacingView): Float64Array {
        const expected = new Float64Array(hours);
        let left = campaign.goal - view.deliveredToDate;
        for (let h = view.hour; h < hours && left > 0; h++) {
          expected[h] = Math.min(left, view.winnable[h]);
          left -= expected[h];
        }
        return expected;
      },
      throttle(view: PacingView): number {
        return view.deliveredToDate < campaign.goal ? 1 : 0;
      },
    };
  },
};
