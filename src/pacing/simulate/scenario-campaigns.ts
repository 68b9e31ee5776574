import type { Random } from "../../demo/random.js";
import { parseLeafSet, targetedLeaves } from "../leaf-set.js";
import { flightWindow, localMidnights } from "./flight-window.js";
import type { LeafForecast } from "./forecast-leaves.js";
import type { LeafTraffic } from "./leaf-traffic.js";
import type { SimCampaign, SimPacingMode } from "./sim-campaign.js";

const HOUR = 3_600_000;

/** One campaign of the generated mix, before it is laid on the store's leaves. */
interface Template {
  id: string;
  priority: number;
  /** Targeting by rank: dimension index -> ranks of its values by forecast volume (negative: from the smallest). */
  ranks: [number, number[]][];
  mode: SimPacingMode;
  frontload?: [number, number];
  /** Flight days, or 0 for the whole stretch. */
  days: number;
  /** Goal as a share of the forecast supply left to it, drawn in [lo, hi). */
  share: [number, number];
  /** Daily cap as this multiple of goal / flight days, or none. */
  cap?: [number, number];
}

/**
 * The mix: guaranteed, standard and house; narrow and broad targetings; even, frontloaded and asap; two
 * daily caps; one guaranteed goal well above the supply of its small segment (infeasible on purpose).
 */
const TEMPLATES: readonly Template[] = [
  { id: "g-top-even", priority: 0, ranks: [[0, [0]]], mode: "even", days: 0, share: [0.3, 0.45] },
  {
    id: "g-front",
    priority: 0,
    ranks: [[0, [2]]],
    mode: "frontloaded",
    frontload: [20, 40],
    days: 7,
    share: [0.35, 0.5],
  },
  {
    id: "g-pair-capped",
    priority: 0,
    ranks: [[0, [1, 3]]],
    mode: "even",
    days: 10,
    share: [0.3, 0.4],
    cap: [1.2, 1.4],
  },
  { id: "g-small-infeasible", priority: 0, ranks: [[0, [-1]]], mode: "even", days: 7, share: [1.4, 1.7] },
  { id: "s-second-even", priority: 1, ranks: [[1, [1]]], mode: "even", days: 0, share: [0.25, 0.35] },
  { id: "s-asap", priority: 1, ranks: [[0, [4]]], mode: "asap", days: 5, share: [0.3, 0.5] },
  {
    id: "s-front-capped",
    priority: 1,
    ranks: [
      [0, [5, 6]],
      [1, [0]],
    ],
    mode: "frontloaded",
    frontload: [20, 35],
    days: 9,
    share: [0.3, 0.4],
    cap: [1.2, 1.35],
  },
  { id: "h-all", priority: 2, ranks: [], mode: "even", days: 0, share: [0.08, 0.15] },
];

/** What the generated mix is laid on. */
export interface ScenarioInput {
  traffic: LeafTraffic;
  /** The leaf forecast made at the stretch's start: goals are shares of it, never of the real traffic. */
  forecast: LeafForecast;
  rng: Random;
  /** The time zone of a campaign's flight days from its targeting (a market's zone for one geo). */
  timeZoneOf: (targeting: Record<string, string[]>) => string;
}

/**
 * A realistic set of campaigns over the stretch, for a store that has none there (see TEMPLATES): targeting
 * picks the store's leaf dimension values by forecast volume, flights start and end at local midnights of
 * their time zone, and each goal is a drawn share of the forecast supply left to it after the campaigns served
 * before it (taken as spread evenly) over its flight. Templates whose targeting the leaves cannot express (a
 * second dimension a store lacks) are left out, as are duplicates of an earlier targeting.
 *
 * @example
 * const campaigns = scenarioCampaigns({ traffic, forecast, rng: new Random(42, 5), timeZoneOf: () => "UTC" });
 */
export function scenarioCampaigns(input: ScenarioInput): SimCampaign[] {
  const { traffic, forecast, rng, timeZoneOf } = input;
  const stretch = traffic.hours - traffic.stretchStart;
  const t0 = traffic.start + traffic.stretchStart * HOUR;
  const leafSet = parseLeafSet(traffic.keys);
  const { horizon, mean } = forecast;
  // Values of each dimension, largest forecast volume first.
  const ranked = leafSet.dimensions.map((dimension) => {
    const values = [...(leafSet.byValue.get(dimension) as Map<string, number[]>).entries()].map(
      ([value, leaves]) => {
        let volume = 0;
        for (const leaf of leaves) for (let t = 0; t < horizon; t++) volume += mean[leaf * horizon + t];
        return { value, volume };
      },
    );
    values.sort((a, b) => b.volume - a.volume || (a.value < b.value ? -1 : 1));
    return values.map((v) => v.value);
  });
  const free = new Float64Array(traffic.keys.length * horizon).fill(1);
  const seen = new Set<string>();
  const out: SimCampaign[] = [];
  for (const template of TEMPLATES) {
    const targeting: Record<string, string[]> = {};
    let expressible = true;
    for (const [dimension, ranks] of template.ranks) {
      const values = ranked[dimension];
      if (values === undefined || values.length < 2) {
        expressible = false;
        break;
      }
      const picked = ranks.map(
        (r) => values[r >= 0 ? r % values.length : values.length + (r % values.length)],
      );
      targeting[leafSet.dimensions[dimension]] = [...new Set(picked)];
    }
    const signature = JSON.stringify(targeting);
    if (!expressible || seen.has(signature)) continue;
    seen.add(signature);
    const leaves = targetedLeaves(leafSet, targeting);
    const timeZone = timeZoneOf(targeting);
    const midnights = localMidnights(t0, t0 + stretch * HOUR, timeZone);
    let start = 0;
    let end = stretch;
    if (template.days > 0 && midnights.length >= 2) {
      const days = Math.min(template.days, midnights.length - 1);
      const first = rng.int(midnights.length - days);
      start = midnights[first];
      end = Math.min(stretch, midnights[first + days]);
    }
    const share = rng.uniform(template.share[0], template.share[1]);
    let supply = 0;
    for (let h = start; h < end; h++) {
      for (const leaf of leaves) supply += mean[leaf * horizon + h] * free[leaf * horizon + h];
    }
    const taken = Math.min(1, share);
    for (let h = start; h < end; h++) for (const leaf of leaves) free[leaf * horizon + h] *= 1 - taken;
    const goal = Math.round(share * supply);
    const window = flightWindow(t0, start, end, timeZone);
    const flightDaysCount = window.day[window.day.length - 1] + 1;
    const campaign: SimCampaign = {
      id: template.id,
      priority: template.priority,
      leaves,
      targeting,
      start,
      end,
      goal,
      mode: template.mode,
      dailyCap:
        template.cap === undefined
          ? null
          : Math.max(1, Math.round((rng.uniform(template.cap[0], template.cap[1]) * goal) / flightDaysCount)),
      timeZone,
      day: window.day,
    };
    if (template.frontload !== undefined) {
      campaign.frontloadPercent = Math.round(rng.uniform(template.frontload[0], template.frontload[1]));
    }
    out.push(campaign);
  }
  return out;
}
