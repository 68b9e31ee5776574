/**
 * Why a row was quarantined. `missing_field:<name>` names the field; the others name the rule broken.
 * `too_late` is decided by the store (it depends on the watermark), every other reason by validation.
 */
export type RejectionReason =
  | "malformed"
  | `missing_field:${string}`
  | "bad_type"
  | "bad_value"
  | "bad_time"
  | "unknown_event_type"
  | "negative_cost"
  | "future_time"
  | "too_late";

/** A row that broke the event contract: the reason, and a human detail naming the field and value. */
export interface Rejection {
  reason: RejectionReason;
  detail: string;
}
