import { parseIsoDate } from "../series/civil-date.js";
import { zonedDayStart } from "../series/zoned-time.js";
import { type Campaign, PRIORITIES } from "../store/campaign.js";

/**
 * What an update makes a campaign ask more of inventory for, in words: a larger goal, a flight starting
 * earlier or ending later (compared as instants, so a new time zone counts where it moves a day's edge), a
 * wider targeting (a dimension no longer restricted, or a value added), a higher priority. Empty when it
 * asks no more (then the booking guard has nothing to check).
 *
 * @example
 * bookingEnlargement(stored, { ...stored, goal_impressions: stored.goal_impressions + 1 }); // ["goal 50,000 → 50,001"]
 */
export function bookingEnlargement(before: Campaign, after: Campaign): string[] {
  const out: string[] = [];
  if (after.goal_impressions > before.goal_impressions) {
    out.push(`goal ${format(before.goal_impressions)} → ${format(after.goal_impressions)}`);
  }
  const startOf = (c: Campaign) => zonedDayStart(c.start, c.time_zone);
  const endOf = (c: Campaign) => zonedDayStart(nextDay(c.end), c.time_zone);
  if (startOf(after) < startOf(before) || endOf(after) > endOf(before)) {
    out.push(
      `flight ${before.start}..${before.end} (${before.time_zone}) → ${after.start}..${after.end} (${after.time_zone})`,
    );
  }
  const wider = Object.entries(before.targeting).filter(([dimension, values]) => {
    const now = after.targeting[dimension];
    return now === undefined || now.some((v) => !values.includes(v));
  });
  if (wider.length > 0) out.push(`targeting wider on ${wider.map(([d]) => d).join(", ")}`);
  if (PRIORITIES.indexOf(after.priority) < PRIORITIES.indexOf(before.priority)) {
    out.push(`priority ${before.priority} → ${after.priority}`);
  }
  return out;
}

function nextDay(date: string): string {
  return new Date((parseIsoDate(date) + 1) * 86_400_000).toISOString().slice(0, 10);
}

function format(n: number): string {
  return n.toLocaleString("en-US");
}
