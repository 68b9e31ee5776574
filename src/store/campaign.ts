/** Delivery priorities, highest first: guaranteed is served before standard before house. */
export const PRIORITIES = ["guaranteed", "standard", "house"] as const;
/** One of the delivery priorities. */
export type Priority = (typeof PRIORITIES)[number];

/**
 * Pacing modes: `even` spreads the goal over the flight in proportion to traffic, `frontloaded` delivers
 * `frontload_percent` more than even at the start of the flight, `asap` delivers as fast as traffic allows.
 */
export const PACINGS = ["even", "frontloaded", "asap"] as const;
/** One of the pacing modes. */
export type Pacing = (typeof PACINGS)[number];

/**
 * Allowed values per configured dimension, case-normalised; a dimension left out means every value
 * (`{}` targets all inventory).
 */
export type Targeting = Record<string, string[]>;

/**
 * A booked campaign (line item), as stored and as `campaigns.json` writes it. Flight days are inclusive and
 * read in the campaign's own time zone. The goal is always in impressions: a campaign booked by budget keeps
 * its budget and CPM too, and its goal is floor(budget_micros × 1000 / cpm_micros).
 */
export interface Campaign {
  id: string;
  name: string;
  advertiser: string | null;
  targeting: Targeting;
  /** First flight day, `YYYY-MM-DD`, in `time_zone`. */
  start: string;
  /** Last flight day, `YYYY-MM-DD`, inclusive, in `time_zone`. */
  end: string;
  /** IANA time zone of the flight days (`Europe/Stockholm`); defaults to the reporting time zone. */
  time_zone: string;
  priority: Priority;
  pacing: Pacing;
  /** Frontloaded pacing only: how many percent above even the start of the flight runs (1-100). */
  frontload_percent: number | null;
  /** Impressions to deliver; derived from the budget when the campaign was booked by budget. */
  goal_impressions: number;
  /** Spend to deliver in micros, when booked by budget (then `cpm_micros` is set and > 0). */
  budget_micros: number | null;
  /** Price per thousand impressions in micros, when known. */
  cpm_micros: number | null;
  /** At most this many impressions per flight day (in `time_zone`), when set. */
  daily_cap: number | null;
}
