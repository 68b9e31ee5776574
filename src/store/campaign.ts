/** Delivery priorities, highest first: guaranteed is served before standard before house. */
export const PRIORITIES = ["guaranteed", "standard", "house"] as const;
/** One of the delivery priorities. */
export type Priority = (typeof PRIORITIES)[number];

/** Pacing modes: `even` spreads the goal over the flight in proportion to traffic, `asap` delivers first. */
export const PACINGS = ["even", "asap"] as const;
/** One of the pacing modes. */
export type Pacing = (typeof PACINGS)[number];

/**
 * Allowed values per configured dimension, case-normalised; a dimension left out means every value
 * (`{}` targets all inventory).
 */
export type Targeting = Record<string, string[]>;

/**
 * A booked campaign (line item), as stored and as `campaigns.json` writes it. Flight days are inclusive and
 * read in the reporting time zone.
 */
export interface Campaign {
  id: string;
  name: string;
  advertiser: string | null;
  targeting: Targeting;
  /** First flight day, `YYYY-MM-DD`. */
  start: string;
  /** Last flight day, `YYYY-MM-DD`, inclusive. */
  end: string;
  priority: Priority;
  pacing: Pacing;
  goal_impressions: number;
  /** Price per thousand impressions in micros, when known. */
  cpm_micros: number | null;
}
