import { isoDate } from "./civil-date.js";
import { DEVICES } from "./devices.js";
import { MARKETS } from "./markets.js";
import type { Random } from "./random.js";

/** Delivery priority, served in this order: guaranteed before standard before house. */
export type CampaignPriority = "guaranteed" | "standard" | "house";

/** A booked campaign (line item), as written to campaigns.json. */
export interface DemoCampaign {
  /** `c01`, `c02`, ... */
  id: string;
  name: string;
  advertiser: string;
  /** Absent lists mean "all". */
  targeting: { geo?: string[]; device?: string[] };
  /** First flight day, `YYYY-MM-DD` (UTC), inclusive. */
  start: string;
  /** Last flight day, `YYYY-MM-DD` (UTC), inclusive. */
  end: string;
  /** The flight days' time zone: the demo books in UTC whatever the reporting time zone. */
  time_zone: "UTC";
  priority: CampaignPriority;
  pacing: "even" | "asap";
  goal_impressions: number;
  /** Price per thousand impressions in micros; each impression costs cpm_micros / 1000. */
  cpm_micros: number;
}

/** A campaign before its goal is sized, with its flight as day numbers. */
export interface CampaignDraft extends Omit<DemoCampaign, "goal_impressions" | "time_zone"> {
  startDay: number;
  endDay: number;
  /**
   * Paying campaigns: relative appetite, the goal is appetite x matching flight traffic x a factor common to
   * all of them. House campaigns: the share of the opportunities left unsold that they take.
   */
  appetite: number;
}

const ADVERTISERS = [
  "Northwind Outfitters",
  "Blue Harbor Bank",
  "Cedar & Pine Coffee",
  "Velo Motors",
  "Lumen Streaming",
  "Orbit Telecom",
  "Kestrel Airlines",
  "Maple Grocers",
  "Quanta Phones",
  "Solace Insurance",
  "Tidewater Travel",
  "Brightside Energy",
];
const THEMES = [
  "Spring Launch",
  "Summer Sale",
  "Back to School",
  "Brand Awareness",
  "Holiday Push",
  "New Arrivals",
  "Loyalty Drive",
  "Weekend Deals",
  "Product Teaser",
  "Always On",
];

/** A random non-empty proper subset of `items`, kept in list order. */
function subset(rng: Random, items: readonly string[], max: number): string[] {
  const size = 1 + rng.int(max);
  const chosen = new Set<string>();
  while (chosen.size < size) chosen.add(rng.pick(items));
  return items.filter((x) => chosen.has(x));
}

function priceMicros(rng: Random, lo: number, hi: number): number {
  // Whole cents of CPM: cpm_micros / 1000 stays an integer.
  return Math.round(rng.uniform(lo, hi) * 100) * 10_000;
}

/**
 * Drafts the demo campaigns (36 for histories up to 120 days, one more per 5 days beyond): flights spread
 * from 30 days before the history to 30 days after it (some ended, some live, some booked for the future),
 * 7-60 days long, with random targeting, priority, pacing and price. House campaigns run back to back over
 * the whole span, untargeted: the remnant floor every publisher has. Goals are sized later against the
 * traffic (see planDelivery). Ids follow the start dates.
 *
 * @example
 * const drafts = draftCampaigns(new Random(42, 1), historyStartDay, 120);
 */
export function draftCampaigns(rng: Random, historyStartDay: number, days: number): CampaignDraft[] {
  const geos = MARKETS.map((m) => m.geo);
  const devices = DEVICES.map((d) => d.name);
  const spanStart = historyStartDay - 30;
  const span = days + 60;
  const count = Math.max(36, Math.ceil(span / 5));
  const houseCount = Math.ceil(span / 50);
  const drafts: CampaignDraft[] = [];
  for (let i = 0; i < houseCount; i++) {
    const startDay = spanStart + Math.floor((i * span) / houseCount);
    const endDay = spanStart + Math.floor(((i + 1) * span) / houseCount) - 1;
    drafts.push({
      id: "",
      name: `House Publisher Promo ${i + 1}`,
      advertiser: "House",
      targeting: {},
      start: isoDate(startDay),
      end: isoDate(endDay),
      priority: "house",
      pacing: "even",
      cpm_micros: priceMicros(rng, 0.2, 1),
      startDay,
      endDay,
      appetite: rng.uniform(0.3, 0.42),
    });
  }
  const others = count - houseCount;
  for (let i = 0; i < others; i++) {
    const priority: CampaignPriority = rng.next() < 0.45 ? "guaranteed" : "standard";
    const targeting: DemoCampaign["targeting"] = {};
    if (rng.next() < 0.55) targeting.geo = subset(rng, geos, 3);
    if (rng.next() < 0.4) targeting.device = subset(rng, devices, 3);
    const startDay = spanStart + Math.floor((i * span) / others) + rng.int(7) - 3;
    const endDay = startDay + 6 + rng.int(54);
    const advertiser = rng.pick(ADVERTISERS);
    const theme = rng.pick(THEMES);
    const where = targeting.geo ? ` ${targeting.geo.join("/")}` : "";
    const what = targeting.device ? ` (${targeting.device.join(", ")})` : "";
    const guaranteed = priority === "guaranteed";
    drafts.push({
      id: "",
      name: `${advertiser} ${theme}${where}${what}`,
      advertiser,
      targeting,
      start: isoDate(startDay),
      end: isoDate(endDay),
      priority,
      pacing: rng.next() < (guaranteed ? 0.8 : 0.5) ? "even" : "asap",
      cpm_micros: guaranteed ? priceMicros(rng, 8, 25) : priceMicros(rng, 2.5, 9),
      startDay,
      endDay,
      appetite: guaranteed ? rng.uniform(0.2, 0.45) : rng.uniform(0.1, 0.35),
    });
  }
  drafts.sort((a, b) => a.startDay - b.startDay || a.endDay - b.endDay);
  drafts.forEach((d, i) => {
    d.id = `c${String(i + 1).padStart(2, "0")}`;
  });
  return drafts;
}
