import { zonedDayStart } from "../series/zoned-time.js";
import { type Campaign, PRIORITIES } from "../store/campaign.js";
import type { AllocationCampaign } from "./allocate.js";
import { type LeafSet, targetedLeaves } from "./leaf-set.js";
import { type HourGrid, hourIndex } from "./period-bounds.js";

/**
 * The stored campaigns as allocate() takes them: targeting resolved to leaves, flight days (inclusive, in
 * the campaign's own time zone; `timeZone`, the reporting one, only for a record without one) to grid hours,
 * priority to its class (guaranteed 0, standard 1, house 2), the goal to what is left, frontloaded pacing to
 * even (the allocation spreads a flight's goal in proportion to supply; a frontloaded plan moves part of it
 * to the flight's first days, which shifts contention between days, not the flight's total). Daily caps
 * are not applied here (the booking guard applies them). Campaigns whose flight ended before the grid are
 * left out. `delivered` gives impressions delivered
 * so far per campaign id; a campaign already running without a figure there is taken to have delivered its
 * goal's share of the flight hours gone (even delivery so far).
 *
 * @example
 * const campaigns = allocationCampaigns(await store.listCampaigns(), leafSet, grid, config.timeZone);
 * const allocation = allocate({ supply, leafCount, hours: grid.hours, campaigns });
 */
export function allocationCampaigns(
  campaigns: readonly Campaign[],
  leafSet: LeafSet,
  grid: HourGrid,
  timeZone: string,
  delivered: ReadonlyMap<string, number> = new Map(),
): AllocationCampaign[] {
  const out: AllocationCampaign[] = [];
  for (const c of campaigns) {
    const zone = c.time_zone || timeZone;
    const start = hourIndex(grid, zonedDayStart(c.start, zone));
    const end = hourIndex(grid, zonedDayStart(nextDay(c.end), zone));
    if (end <= 0) continue;
    const done = delivered.get(c.id);
    const goal =
      done !== undefined
        ? Math.max(0, c.goal_impressions - done)
        : start < 0
          ? (c.goal_impressions * end) / (end - start)
          : c.goal_impressions;
    let leaves: Int32Array;
    try {
      leaves = targetedLeaves(leafSet, c.targeting);
    } catch (error) {
      throw new Error(`campaign ${c.id}: ${(error as Error).message}`);
    }
    out.push({
      id: c.id,
      leaves,
      start,
      end,
      goal,
      priority: PRIORITIES.indexOf(c.priority),
      pacing: c.pacing === "asap" ? "asap" : "even",
    });
  }
  return out;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
