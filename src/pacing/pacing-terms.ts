import type { Campaign } from "../store/campaign.js";
import type { PacingMode } from "./delivery-plan.js";

/** What pacing needs of a campaign: its goal, flight days and zone, mode and cap. */
export interface PacingTerms {
  goal: number;
  start: string;
  end: string;
  timeZone: string;
  mode: PacingMode;
  frontloadPercent?: number;
  dailyCap: number | null;
}

/**
 * A campaign's pacing terms: its goal in impressions (derived from the budget when booked by budget), its
 * flight days in its own time zone (the reporting one when it has none), its mode, frontload percentage and
 * daily cap.
 *
 * @example
 * pacingTerms(campaign, config.timeZone); // { goal: 10000, mode: "even", timeZone: "Europe/Stockholm", ... }
 */
export function pacingTerms(campaign: Campaign, reportingTimeZone: string): PacingTerms {
  return {
    goal: campaign.goal_impressions,
    start: campaign.start,
    end: campaign.end,
    timeZone: campaign.time_zone || reportingTimeZone,
    mode: campaign.pacing,
    frontloadPercent: campaign.frontload_percent ?? undefined,
    dailyCap: campaign.daily_cap,
  };
}
