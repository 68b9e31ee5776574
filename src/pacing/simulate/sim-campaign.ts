/** How a campaign spreads its goal: as the pacing contract of issue 6 names the modes. */
export type SimPacingMode = "even" | "frontloaded" | "asap";

/** The priority classes, served in this order. */
export const SIM_PRIORITIES = ["guaranteed", "standard", "house"] as const;

/** A campaign as the simulator runs it: targeting resolved to leaves, its flight to stretch hours. */
export interface SimCampaign {
  id: string;
  /** Index into SIM_PRIORITIES: 0 guaranteed (served first), 1 standard, 2 house. */
  priority: number;
  /** Leaf indices its targeting matches, ascending. */
  leaves: Int32Array;
  /** Targeting as given (for the report), `{}` for everything. */
  targeting: Record<string, string[]>;
  /** First flight hour and the hour after the last, as indices of the stretch (0 = its first hour). */
  start: number;
  end: number;
  /** Impressions to deliver within the flight (whole, >= 0). */
  goal: number;
  mode: SimPacingMode;
  /** frontloaded only: how much faster than even the early flight runs, in percent. */
  frontloadPercent?: number;
  /** Impressions per flight day at most, or null. */
  dailyCap: number | null;
  /** IANA time zone of its flight days. */
  timeZone: string;
  /** Flight-local day (0-based) of each flight hour, length end - start (see flightDays). */
  day: Int32Array;
}

/**
 * The order competing campaigns are served in: priority first; within a priority the more specific
 * targeting (fewer leaves) first, then the shorter flight, then the id, as allocate() orders them.
 *
 * @example
 * servingOrder(campaigns).map((c) => c.id); // guaranteed ones first
 */
export function servingOrder(campaigns: readonly SimCampaign[]): SimCampaign[] {
  return [...campaigns].sort(
    (a, b) =>
      a.priority - b.priority ||
      a.leaves.length - b.leaves.length ||
      a.end - a.start - (b.end - b.start) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
