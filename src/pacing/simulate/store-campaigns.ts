import { zonedDayStart } from "../../series/zoned-time.js";
import { type Campaign, PRIORITIES } from "../../store/campaign.js";
import { parseLeafSet, targetedLeaves } from "../leaf-set.js";
import { flightWindow } from "./flight-window.js";
import type { LeafTraffic } from "./leaf-traffic.js";
import type { SimCampaign, SimPacingMode } from "./sim-campaign.js";

const HOUR = 3_600_000;
const MODES: readonly string[] = ["even", "frontloaded", "asap"];

/**
 * The store's campaigns whose flights overlap the stretch, laid on its hours: flight days (inclusive) start
 * at local midnight of the campaign's time zone (`time_zone`; the reporting zone when empty), the flight is cut
 * to the stretch and the goal prorated by the share of its flight hours inside the stretch (rounded); the
 * targeting becomes the leaves it matches (a dimension the leaves lack is an error naming the campaign).
 *
 * @example
 * const campaigns = storeCampaigns(await store.listCampaigns(), traffic, config.timeZone);
 */
export function storeCampaigns(
  campaigns: readonly Campaign[],
  traffic: LeafTraffic,
  reportingTimeZone: string,
): SimCampaign[] {
  const stretch = traffic.hours - traffic.stretchStart;
  const t0 = traffic.start + traffic.stretchStart * HOUR;
  const t1 = t0 + stretch * HOUR;
  const leafSet = parseLeafSet(traffic.keys);
  const out: SimCampaign[] = [];
  for (const c of campaigns) {
    const timeZone = c.time_zone || reportingTimeZone;
    const flightStart = zonedDayStart(c.start, timeZone);
    const flightEnd = zonedDayStart(nextDay(c.end), timeZone);
    const from = Math.max(flightStart, t0);
    const to = Math.min(flightEnd, t1);
    const start = Math.ceil((from - t0) / HOUR);
    const end = Math.ceil((to - t0) / HOUR);
    if (end <= start) continue;
    const mode = c.pacing as string;
    if (!MODES.includes(mode))
      throw new Error(`campaign ${c.id}: pacing "${mode}" is not ${MODES.join(", ")}`);
    if (!(Number.isFinite(c.goal_impressions) && c.goal_impressions >= 0)) {
      throw new Error(`campaign ${c.id}: goal_impressions ${c.goal_impressions} is not a number >= 0`);
    }
    let leaves: Int32Array;
    try {
      leaves = targetedLeaves(leafSet, c.targeting);
    } catch (error) {
      throw new Error(`campaign ${c.id}: ${(error as Error).message}`);
    }
    const flightHours = (flightEnd - flightStart) / HOUR;
    const window = flightWindow(t0, start, end, timeZone);
    const campaign: SimCampaign = {
      id: c.id,
      priority: PRIORITIES.indexOf(c.priority),
      leaves,
      targeting: c.targeting,
      start,
      end,
      goal: Math.round((c.goal_impressions * (to - from)) / HOUR / flightHours),
      mode: mode as SimPacingMode,
      dailyCap: c.daily_cap ?? null,
      timeZone,
      day: window.day,
    };
    if (mode === "frontloaded" && c.frontload_percent !== null)
      campaign.frontloadPercent = c.frontload_percent;
    out.push(campaign);
  }
  return out;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
