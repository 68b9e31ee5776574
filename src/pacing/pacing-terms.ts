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

/** Campaign fields that not every stored campaign has. */
type OptionalFields = Partial<{
  time_zone: string | null;
  frontload_percent: number | null;
  daily_cap: number | null;
}>;

/**
 * A campaign's pacing terms: its own time zone when it has one, else the reporting time zone; its pacing
 * mode and frontload percentage; its daily cap.
 *
 * @example
 * pacingTerms(campaign, config.timeZone); // { goal: 10000, mode: "even", timeZone: "Europe/Stockholm", ... }
 */
export function pacingTerms(campaign: Campaign, reportingTimeZone: string): PacingTerms {
  const extra = campaign as Campaign & OptionalFields;
  const mode = campaign.pacing as string;
  if (mode !== "even" && mode !== "frontloaded" && mode !== "asap") {
    throw new Error(`campaign ${campaign.id}: pacing "${mode}" is not even, frontloaded or asap`);
  }
  return {
    goal: campaign.goal_impressions,
    start: campaign.start,
    end: campaign.end,
    timeZone: extra.time_zone ?? reportingTimeZone,
    mode,
    frontloadPercent: extra.frontload_percent ?? undefined,
    dailyCap: extra.daily_cap ?? null,
  };
}
