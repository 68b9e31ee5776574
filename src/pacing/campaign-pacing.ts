import type { Config } from "../config/schema.js";
import type { PublishedForecast } from "../run/published-forecast.js";
import { HOUR_MS } from "../series/civil-date.js";
import { type Campaign, PRIORITIES } from "../store/campaign.js";
import type { Store } from "../store/store.js";
import type { AvailsContext } from "./avails.js";
import { planDelivery } from "./delivery-plan.js";
import { flightGrid } from "./flight-grid.js";
import { flightSupply } from "./flight-supply.js";
import { targetedLeaves } from "./leaf-set.js";
import { type PacingState, pacingStatus } from "./pacing-status.js";
import { pacingTerms } from "./pacing-terms.js";
import { reachableSupply } from "./reachable-supply.js";
import { replayThrottle } from "./replay-throttle.js";

/** One campaign's pacing at a moment, as `avails pace --json` prints it (see docs/pacing.md). */
export interface CampaignPacing {
  campaign_id: string;
  name: string;
  priority: string;
  pacing: string;
  goal: number;
  flight: { start: string; end: string; time_zone: string; hours: number; elapsed_hours: number };
  state: PacingState;
  delivered_to_date: number;
  planned_to_date: number;
  pacing_index: number | null;
  projected: { mean: number; p10: number; p90: number };
  under_delivery_probability: number;
  plan: { feasible: boolean; shortfall: number };
  /** Pass-through probability for the next hour; null once the flight is over. */
  throttle: number | null;
  /** Start of the hour the throttle is for (ISO); null once the flight is over. */
  next_hour: string | null;
  missing_hours: number;
  burst: {
    window_minutes: number;
    peak: number;
    window_start: string | null;
    expected: number;
    ratio: number | null;
  } | null;
  /** Flight hours whose supply came from the forecast, the store's actuals, and the forecast repeated. */
  supply: { forecast_hours: number; actual_hours: number; extended_hours: number };
}

/** What campaignPacing() reads beside the campaign. */
export interface PacingSources {
  store: Store;
  config: Config;
  forecast: PublishedForecast;
  /** The run's allocation of every booked campaign (availsContext). */
  context: AvailsContext;
  /** Sliding window of the burst check, in minutes. */
  windowMinutes?: number;
}

/**
 * A campaign's pacing at `at` (epoch ms; the hour holding it is the next hour): the plan over its flight
 * (matched supply after higher priorities: store actuals before the forecast, the forecast on it), the
 * delivery so far from the store's campaign level, the status with its projection along the forecast's
 * sample paths, the throttle for the next hour (controller state replayed over the past hours) and the
 * busiest window of its delivery.
 *
 * @example
 * const pacing = await campaignPacing({ store, config, forecast, context }, campaign, forecast.manifest.start);
 * pacing.throttle; // 0.42
 */
export async function campaignPacing(
  sources: PacingSources,
  campaign: Campaign,
  at: number,
): Promise<CampaignPacing> {
  const { store, config, forecast, context } = sources;
  const terms = pacingTerms(campaign, config.timeZone);
  const flight = flightGrid(terms.start, terms.end, terms.timeZone);
  const H = flight.hours;
  const flightEnd = flight.start + H * HOUR_MS;
  const elapsed = Math.min(H, Math.max(0, Math.floor((at - flight.start) / HOUR_MS)));
  const pastEnd = flight.start + elapsed * HOUR_MS;
  const leaves = targetedLeaves(context.leafSet, campaign.targeting);
  const priorityClass = PRIORITIES.indexOf(campaign.priority);
  const levels = storeLevels(config, context.leafSet.dimensions);

  // Hours the store has data for, the campaign's delivery, and the targeted leaves' actual opportunities.
  const hasData = new Uint8Array(H);
  const delivered = new Float64Array(H);
  const actual = new Float64Array(H).fill(Number.NaN);
  if (elapsed > 0 || flight.start < context.grid.start) {
    const dataEnd = Math.max(pastEnd, Math.min(flightEnd, context.grid.start));
    const presence = await store.cube({
      level: levels.presence,
      measure: "opportunities",
      start: flight.start,
      end: dataEnd,
    });
    for (let i = 0; i < presence.hour.length; i++) hasData[hourOf(presence.hour[i], flight.start)] = 1;
    const wanted = new Set(Array.from(leaves, (leaf) => context.leafSet.keys[leaf]));
    const opportunities = await store.cube({
      level: levels.leaf,
      measure: "opportunities",
      start: flight.start,
      end: dataEnd,
    });
    for (let h = 0; h < H; h++) if (hasData[h]) actual[h] = 0;
    for (let i = 0; i < opportunities.hour.length; i++) {
      if (wanted.has(opportunities.keys[opportunities.keyIndex[i]])) {
        actual[hourOf(opportunities.hour[i], flight.start)] += opportunities.value[i];
      }
    }
    if (elapsed > 0) {
      const impressions = await store.cube({
        level: levels.campaign,
        measure: "impressions",
        start: flight.start,
        end: pastEnd,
      });
      const key = impressions.keys.indexOf(`campaign=${campaign.id}`);
      for (let i = 0; i < impressions.hour.length; i++) {
        if (impressions.keyIndex[i] === key)
          delivered[hourOf(impressions.hour[i], flight.start)] += impressions.value[i];
      }
      for (let h = 0; h < elapsed; h++) if (!hasData[h]) delivered[h] = Number.NaN;
    }
  }

  const supply = flightSupply({
    index: context.index,
    grid: context.grid,
    leaves,
    priorityClass,
    flightStart: flight.start,
    hours: H,
    actual,
  });
  const plan = planDelivery({
    goal: terms.goal,
    matched: supply.matched,
    day: flight.day,
    mode: terms.mode,
    frontloadPercent: terms.frontloadPercent,
    dailyCap: terms.dailyCap,
  });
  const days = flight.dates.length;
  const capLeft = new Float64Array(days).fill(terms.dailyCap ?? Number.POSITIVE_INFINITY);
  for (let h = 0; h < elapsed; h++) if (!Number.isNaN(delivered[h])) capLeft[flight.day[h]] -= delivered[h];
  for (let d = 0; d < days; d++) capLeft[d] = Math.max(0, capLeft[d]);
  const reachable = reachableSupply({
    paths: forecast.paths,
    index: context.index,
    leaves,
    priorityClass,
    offset: Math.round((flight.start - context.grid.start) / HOUR_MS),
    day: flight.day,
    from: elapsed,
    matched: supply.matched,
    capLeft,
  });
  const status = pacingStatus({
    goal: terms.goal,
    target: plan.target,
    feasible: plan.feasible,
    elapsed,
    delivered,
    reachable: elapsed < H ? reachable : new Float64Array(0),
  });
  const next = replayThrottle({
    goal: terms.goal,
    target: plan.target,
    matched: supply.matched,
    day: flight.day,
    delivered,
    elapsed,
    dailyCap: terms.dailyCap,
    mode: terms.mode,
  });
  const peak =
    elapsed > 0
      ? await store.deliveryPeak({
          campaignId: campaign.id,
          start: flight.start,
          end: pastEnd,
          windowMinutes: sources.windowMinutes,
        })
      : null;
  return {
    campaign_id: campaign.id,
    name: campaign.name,
    priority: campaign.priority,
    pacing: terms.mode,
    goal: terms.goal,
    flight: {
      start: terms.start,
      end: terms.end,
      time_zone: terms.timeZone,
      hours: H,
      elapsed_hours: elapsed,
    },
    state: status.state,
    delivered_to_date: status.deliveredToDate,
    planned_to_date: status.plannedToDate,
    pacing_index: status.pacingIndex,
    projected: status.projected,
    under_delivery_probability: status.underDeliveryProbability,
    plan: { feasible: plan.feasible, shortfall: plan.shortfall },
    throttle: next.throttle,
    next_hour: next.throttle === null ? null : new Date(pastEnd).toISOString(),
    missing_hours: status.missingHours,
    burst:
      peak === null
        ? null
        : {
            window_minutes: peak.windowMinutes,
            peak: peak.peak,
            window_start: peak.windowStart === null ? null : new Date(peak.windowStart).toISOString(),
            expected: peak.expected,
            ratio: peak.ratio,
          },
    supply: {
      forecast_hours: supply.forecastHours,
      actual_hours: supply.actualHours,
      extended_hours: supply.extendedHours,
    },
  };
}

/** The flight hour holding an instant. */
function hourOf(instant: number, flightStart: number): number {
  return Math.floor((instant - flightStart) / HOUR_MS);
}

/** The store levels pacing reads: the campaign level, the leaf level, and the one that tells data is there. */
function storeLevels(config: Config, leafDimensions: readonly string[]) {
  const same = (dims: readonly string[], wanted: readonly string[]) =>
    dims.length === wanted.length && wanted.every((d) => dims.includes(d));
  const campaign = config.levels.find((l) => same(l.dimensions, ["campaign"]));
  const leaf = config.levels.find((l) => same(l.dimensions, leafDimensions));
  if (campaign === undefined)
    throw new Error("config: no level has the campaign dimension alone: pacing needs one");
  if (leaf === undefined)
    throw new Error(`config: no level has the forecast's leaf dimensions (${leafDimensions.join(", ")})`);
  const total = config.levels.find((l) => l.dimensions.length === 0);
  return { campaign: campaign.name, leaf: leaf.name, presence: (total ?? leaf).name };
}
