import type { PacingMode } from "./delivery-plan.js";
import { initialThrottleState, nextThrottle, type ThrottleState } from "./throttle.js";

/** A flight's plan and delivery so far, for the throttle of its next hour. */
export interface ReplayInput {
  goal: number;
  /** Plan targets per flight hour. */
  target: Float64Array;
  /** Matched supply after higher priorities per flight hour (NaN: unknown). */
  matched: Float64Array;
  /** Flight-local day of each hour. */
  day: Int32Array;
  /** Impressions delivered per past flight hour; NaN for an hour with no data. */
  delivered: Float64Array;
  /** Flight hours past. */
  elapsed: number;
  dailyCap?: number | null;
  /** The campaign's pacing (asap paces without a rate to track). */
  mode?: PacingMode;
}

/** The throttle for the flight's next hour (null once the flight is over) and the controller state behind it. */
export interface ReplayedThrottle {
  throttle: number | null;
  state: ThrottleState;
}

/**
 * The throttle for the hour after `elapsed`, with the controller state rebuilt by running nextThrottle over
 * every past flight hour in order, on the plan and the delivery the store has: a stateless caller (the CLI,
 * an API request) gets the throttle an hourly pacer would set, rate limit and integral included. Hours with
 * no data count on neither side of the error.
 *
 * @example
 * const { throttle } = replayThrottle({ goal, target, matched, day, delivered, elapsed: 30 });
 */
export function replayThrottle(input: ReplayInput): ReplayedThrottle {
  const { goal, target, matched, day, delivered, elapsed } = input;
  const cap = input.dailyCap ?? Number.POSITIVE_INFINITY;
  const hours = target.length;
  let remaining = 0;
  for (let h = 0; h < hours; h++) if (!Number.isNaN(matched[h])) remaining += matched[h];
  let state = initialThrottleState();
  let deliveredToDate = 0;
  let plannedToDate = 0;
  let today = 0;
  for (let h = 0; h <= Math.min(elapsed, hours - 1); h++) {
    if (h > 0 && day[h] !== day[h - 1]) today = 0;
    const decision = nextThrottle(
      {
        goal,
        deliveredToDate,
        plannedToDate,
        nextPlanned: target[h],
        nextMatched: matched[h],
        remainingMatched: Math.max(0, remaining),
        capLeftToday: Math.max(0, cap - today),
        mode: input.mode,
      },
      state,
    );
    if (h === elapsed) return { throttle: decision.throttle, state: decision.state };
    state = decision.state;
    if (!Number.isNaN(matched[h])) remaining -= matched[h];
    const value = delivered[h];
    if (Number.isNaN(value)) continue;
    deliveredToDate += value;
    plannedToDate += target[h];
    today += value;
  }
  return { throttle: null, state };
}
