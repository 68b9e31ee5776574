import type { CampaignDraft, DemoCampaign } from "./campaigns.js";
import { CELLS } from "./cells.js";
import type { TrafficModel } from "./traffic.js";

/** Share of impressions that get a click. */
export const CLICK_THROUGH_RATE = 0.01;
/** Share of history opportunities sold to paying (guaranteed and standard) campaigns. */
const PAID_SHARE = 0.3;
/**
 * No paying campaign takes more than this share of the opportunities still unsold when it is served:
 * frequency caps and creative rules keep even an ASAP line item from winning everything.
 */
const MAX_SELL_PROBABILITY = { even: 0.6, asap: 0.3 } as const;
const PRIORITY_RANK = { guaranteed: 0, standard: 1, house: 2 } as const;

/** Campaigns with sized goals and their daily sell probabilities over the history. */
export interface DeliveryPlan {
  campaigns: DemoCampaign[];
  /** Campaign indexes in serving order (priority, then id). */
  order: Int32Array;
  /** 1 where campaign j targets cell c, at [j * CELLS.length + c]. */
  match: Uint8Array;
  /** Probability that campaign j takes an opportunity still unsold when it is served, at [j * days + day]. */
  sell: Float64Array;
  /** Expected share of history opportunities sold. */
  soldShare: number;
  /** Expected opportunities per unit of the traffic model's relative shape. */
  unit: number;
}

/** Rounds to three significant digits, as a planner would book a goal. */
function roundGoal(x: number): number {
  if (x < 1) return 1;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 2);
  return Math.max(1, Math.round(x / step) * step);
}

/**
 * Sizes the campaign goals and derives, for every history day, the probability with which each campaign
 * takes an opportunity still unsold when its turn comes (priority order). Works on expected traffic, day by
 * day over the span of all flights:
 * - paying campaigns: even pacing aims each day at the remaining goal x that day's share of the remaining
 *   flight traffic (so it catches up after a shortfall), ASAP at the whole remaining goal, both capped.
 *   Goals are one factor x each campaign's appetite x its matching flight traffic, the factor found by
 *   bisection so that paying campaigns sell PAID_SHARE of the history's opportunities;
 * - house campaigns take a steady share (about 30-42%) of what paying campaigns left, as remnant demand
 *   does, and their goal is what that delivers over the flight.
 * The unit then scales the traffic so that opportunities + impressions + clicks average `scale` a day.
 *
 * @example
 * const plan = planDelivery(drafts, model, historyOffset, 120, 25_000);
 * plan.soldShare; // ~0.55
 */
export function planDelivery(
  drafts: readonly CampaignDraft[],
  model: TrafficModel,
  historyOffset: number,
  days: number,
  scale: number,
): DeliveryPlan {
  const nCells = CELLS.length;
  const nCampaigns = drafts.length;
  const windowDays = model.clock.hours / 24;
  const shape = new Float64Array(windowDays * nCells);
  const scratch = new Float64Array(nCells);
  for (let d = 0; d < windowDays; d++)
    model.dayShape(d, shape.subarray(d * nCells, (d + 1) * nCells), scratch);

  const match = new Uint8Array(nCampaigns * nCells);
  const house = new Uint8Array(nCampaigns);
  const first = new Int32Array(nCampaigns);
  const last = new Int32Array(nCampaigns);
  const matchTraffic = new Float64Array(nCampaigns * windowDays);
  const flightTraffic = new Float64Array(nCampaigns);
  for (let j = 0; j < nCampaigns; j++) {
    const { targeting } = drafts[j];
    for (let c = 0; c < nCells; c++) {
      const ok =
        (!targeting.geo || targeting.geo.includes(CELLS[c].geo)) &&
        (!targeting.device || targeting.device.includes(CELLS[c].deviceName));
      match[j * nCells + c] = ok ? 1 : 0;
    }
    house[j] = drafts[j].priority === "house" ? 1 : 0;
    first[j] = Math.max(0, drafts[j].startDay - model.clock.startDay);
    last[j] = Math.min(windowDays - 1, drafts[j].endDay - model.clock.startDay);
    for (let d = first[j]; d <= last[j]; d++) {
      let t = 0;
      for (let c = 0; c < nCells; c++) if (match[j * nCells + c]) t += shape[d * nCells + c];
      matchTraffic[j * windowDays + d] = t;
      flightTraffic[j] += t;
    }
  }
  const order = Int32Array.from(
    drafts
      .map((_, j) => j)
      .sort((a, b) => PRIORITY_RANK[drafts[a].priority] - PRIORITY_RANK[drafts[b].priority] || a - b),
  );

  const remaining = new Float64Array(nCells);
  const goalLeft = new Float64Array(nCampaigns);
  const flightLeft = new Float64Array(nCampaigns);
  const delivered = new Float64Array(nCampaigns);
  /**
   * Serves days [0, until) of the window with the paying campaigns' goals (house campaigns only when
   * `withHouse`); records delivery and the history's sell probabilities; returns the history's sold share.
   */
  const simulate = (
    goals: Float64Array,
    withHouse: boolean,
    until: number,
    sell: Float64Array | null,
  ): number => {
    goalLeft.set(goals);
    flightLeft.set(flightTraffic);
    delivered.fill(0);
    let sold = 0;
    let total = 0;
    for (let d = 0; d < until; d++) {
      const row = d * nCells;
      remaining.fill(1);
      for (let k = 0; k < nCampaigns; k++) {
        const j = order[k];
        if (d < first[j] || d > last[j] || (house[j] && !withHouse)) continue;
        const today = matchTraffic[j * windowDays + d];
        let available = 0;
        for (let c = 0; c < nCells; c++)
          if (match[j * nCells + c]) available += shape[row + c] * remaining[c];
        let p = 0;
        if (house[j]) {
          // Remnant: a steady share of whatever paying campaigns left.
          p = drafts[j].appetite;
        } else {
          const target =
            drafts[j].pacing === "asap"
              ? goalLeft[j]
              : flightLeft[j] > 0
                ? (goalLeft[j] * today) / flightLeft[j]
                : 0;
          flightLeft[j] -= today;
          if (available > 0 && target > 0)
            p = Math.min(MAX_SELL_PROBABILITY[drafts[j].pacing], target / available);
          goalLeft[j] -= p * available;
        }
        delivered[j] += p * available;
        if (p > 0) for (let c = 0; c < nCells; c++) if (match[j * nCells + c]) remaining[c] *= 1 - p;
        const h = d - historyOffset;
        if (sell && h >= 0 && h < days) sell[j * days + h] = p;
      }
      if (d >= historyOffset && d < historyOffset + days) {
        for (let c = 0; c < nCells; c++) {
          total += shape[row + c];
          sold += shape[row + c] * (1 - remaining[c]);
        }
      }
    }
    return total > 0 ? sold / total : 0;
  };

  // Days after the history cannot change it: pacing only looks at what is left of goals and flights.
  const historyEnd = historyOffset + days;
  const goals = new Float64Array(nCampaigns);
  const paidShareAt = (factor: number): number => {
    for (let j = 0; j < nCampaigns; j++)
      goals[j] = house[j] ? 0 : factor * drafts[j].appetite * flightTraffic[j];
    return simulate(goals, false, historyEnd, null);
  };
  let lo = 0;
  let hi = 1;
  while (paidShareAt(hi) < PAID_SHARE && hi < 64) hi *= 2;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (paidShareAt(mid) < PAID_SHARE) lo = mid;
    else hi = mid;
  }
  paidShareAt(hi);
  // The whole window, so house goals count their flights' days after the history too.
  const expectedShare = simulate(goals, true, windowDays, null);
  for (let j = 0; j < nCampaigns; j++) if (house[j]) goals[j] = delivered[j];

  let historyShape = 0;
  for (let i = historyOffset * nCells; i < historyEnd * nCells; i++) historyShape += shape[i];
  const unit = (scale * days) / (historyShape * (1 + expectedShare * (1 + CLICK_THROUGH_RATE)));

  const campaigns: DemoCampaign[] = drafts.map((draft, j) => ({
    id: draft.id,
    name: draft.name,
    advertiser: draft.advertiser,
    targeting: draft.targeting,
    start: draft.start,
    end: draft.end,
    time_zone: "UTC",
    priority: draft.priority,
    pacing: draft.pacing,
    goal_impressions: roundGoal(goals[j] * unit),
    cpm_micros: draft.cpm_micros,
  }));
  // Plan again with the booked (rounded) goals: these are the probabilities the generator uses.
  for (let j = 0; j < nCampaigns; j++) goals[j] = campaigns[j].goal_impressions / unit;
  const sell = new Float64Array(nCampaigns * days);
  const soldShare = simulate(goals, true, historyEnd, sell);
  return { campaigns, order, match, sell, soldShare, unit };
}
