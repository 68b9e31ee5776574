import type { CampaignPacer, Pacer, PacingView } from "./pacer.js";
import type { SimCampaign } from "./sim-campaign.js";

/**
 * The naive flat pacer: an hourly quota of goal / flight hours, whatever the traffic's shape, and the
 * throttle quota / expected matched supply of the hour (1 when none is expected), never above 1.
 *
 * @example
 * const pacer = flatPacer.start(campaign);
 * pacer.throttle(view); // min(1, (goal / flight hours) / view.winnable[view.hour])
 */
export const flatPacer: Pacer = {
  name: "flat",
  start(campaign: SimCampaign): CampaignPacer {
    const hours = campaign.end - campaign.start;
    const quota = hours > 0 ? campaign.goal / hours : 0;
    return {
      replan(view: PacingView): Float64Array {
        const expected = new Float64Array(hours);
        for (let h = view.hour; h < hours; h++) expected[h] = Math.min(quota, view.winnable[h]);
        return expected;
      },
      throttle(view: PacingView): number {
        const matched = view.winnable[view.hour];
        return matched > quota ? quota / matched : 1;
      },
    };
  },
};
