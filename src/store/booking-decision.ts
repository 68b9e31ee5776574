/** What a booking command did with a campaign. */
export const BOOKING_ACTIONS = ["add", "update", "import"] as const;
/** One of the booking actions. */
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

/**
 * What the booking guard decided: `accepted` (it fits), `refused` (it does not fit, or could not be checked,
 * and nothing was stored), `forced` (refused but stored with `--force`), `unchecked` (stored without a check:
 * not guaranteed, not enlarged, or a flight that ended before the forecast).
 */
export const BOOKING_OUTCOMES = ["accepted", "refused", "forced", "unchecked"] as const;
/** One of the guard's outcomes. */
export type BookingOutcome = (typeof BOOKING_OUTCOMES)[number];

/** A booking decision to log: the guard's figures (goal, available at the confidence, shortfall...) as JSON. */
export interface BookingDecisionInput {
  campaign_id: string;
  action: BookingAction;
  decision: BookingOutcome;
  figures: Record<string, unknown>;
}

/** A logged booking decision, as `avails campaigns decisions --json` prints it. */
export interface BookingDecision extends BookingDecisionInput {
  /** Position in the log, from 1. */
  seq: number;
  /** When it was decided, ISO 8601 UTC. */
  decided_at: string;
}
