import type { PacingMode } from "./delivery-plan.js";

/** Where a campaign stands before the next hour, and what the forecast expects of it. */
export interface ThrottleInput {
  goal: number;
  deliveredToDate: number;
  plannedToDate: number;
  /** Plan target for the next hour. */
  nextPlanned: number;
  /** Forecast matched supply this campaign can win next hour. NaN: the forecast misses that hour. */
  nextMatched: number;
  /** Forecast matched supply over the rest of the flight, next hour included. */
  remainingMatched: number;
  /** Impressions still allowed today under the daily cap (Infinity when none). */
  capLeftToday?: number;
  /** The campaign's pacing; `asap` passes every request until the goal or the cap is reached. Default even. */
  mode?: PacingMode;
}

/**
 * What the controller carries from hour to hour: the integral of the normalised cumulative error, and the
 * smoothed rate of the last hour before the hard limits (goal and cap left) cut it; NaN before the first hour.
 */
export interface ThrottleState {
  integral: number;
  previous: number;
}

/** The pass-through probability for next hour and the state to pass to the hour after. */
export interface ThrottleDecision {
  throttle: number;
  state: ThrottleState;
}

/** Proportional gain on the normalised cumulative error. */
export const THROTTLE_KP = 0.6;
/** Integral gain per hour. */
export const THROTTLE_KI = 0.04;
/** The feedback correction multiplies the plan-based rate by 1 + c, |c| <= this. */
export const MAX_CORRECTION = 0.6;
/** The integral is kept within +-this (so that Ki x integral alone stays within MAX_CORRECTION). */
const MAX_INTEGRAL = MAX_CORRECTION / THROTTLE_KI;
/** Hour-to-hour rate limit: the smoothed rate moves by at most max(this, relative step x previous). */
export const MAX_ABSOLUTE_STEP = 0.05;
export const MAX_RELATIVE_STEP = 0.25;
/** The cumulative error is normalised by max(planned to date, this share of the goal): early hours are noisy. */
const MIN_NORMALISER_SHARE = 0.05;

/**
 * The controller state before a campaign's first hour.
 *
 * @example
 * nextThrottle(input, initialThrottleState());
 */
export function initialThrottleState(): ThrottleState {
  return { integral: 0, previous: Number.NaN };
}

function checkAmount(name: string, value: number): void {
  if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
    throw new RangeError(`nextThrottle: ${name} must be a finite number >= 0, got ${value}`);
  }
}

/**
 * Pass-through probability in [0, 1] for matching requests next hour. Pure.
 *
 * Feedforward (plan-based): the plan's next target rescaled to what is left of the goal, over the forecast
 * supply, base = nextPlanned x (goal - delivered) / (goal - planned) / nextMatched, so a deficit or surplus
 * is spread over the rest of the flight in the plan's shape; when the plan has nothing left
 * (goal - planned <= 0) or the forecast misses the hour, base = (goal - delivered) / remainingMatched.
 *
 * Feedback: a PI controller (Åström and Murray, "Feedback Systems", 2008, ch. 10; Åström and Hägglund,
 * "Advanced PID Control", 2006, sec. 3.5 for anti-windup) on the normalised cumulative error
 * e = (planned - delivered) / max(planned, 5% of goal), clipped to [-1, 1]; correction c = Kp e + Ki I, with
 * I the sum of past errors, bounded to |c| <= MAX_CORRECTION; the rate is base x (1 + c). The integral learns
 * a lasting bias of the supply forecast (one running 15% hot leaves e near 0.13 until I makes up for it).
 * Anti-windup by conditional integration: I does not grow while the output sits at a bound (0, 1, or the rate
 * limit) in the direction the error pushes, and stays within +-MAX_CORRECTION / Ki.
 *
 * `asap` campaigns skip all of this: the throttle is 1 up to the hard limits. An hour with no forecast supply
 * (nextMatched = 0) leaves the state as it was.
 *
 * Smoothing: the rate moves from the previous hour's by at most max(MAX_ABSOLUTE_STEP, MAX_RELATIVE_STEP x
 * previous) (a slew-rate limit). Then hard limits, which smoothing never delays: at most
 * (goal - delivered) / nextMatched and capLeftToday / nextMatched, and never above 1. A goal already met
 * gives 0.
 *
 * @example
 * const { throttle, state } = nextThrottle(
 *   { goal: 1000, deliveredToDate: 400, plannedToDate: 500, nextPlanned: 50, nextMatched: 200, remainingMatched: 2000 },
 *   initialThrottleState(),
 * );
 * throttle; // 0.338: behind plan, above the plan's 50 / 200
 */
export function nextThrottle(input: ThrottleInput, state: ThrottleState): ThrottleDecision {
  const { goal, deliveredToDate, plannedToDate, nextPlanned, nextMatched, remainingMatched } = input;
  const capLeftToday = input.capLeftToday ?? Number.POSITIVE_INFINITY;
  checkAmount("goal", goal);
  checkAmount("deliveredToDate", deliveredToDate);
  checkAmount("plannedToDate", plannedToDate);
  checkAmount("nextPlanned", nextPlanned);
  checkAmount("remainingMatched", remainingMatched);
  if (!Number.isNaN(nextMatched)) checkAmount("nextMatched", nextMatched);
  if (!(capLeftToday >= 0)) {
    throw new RangeError(`nextThrottle: capLeftToday must be a number >= 0, got ${capLeftToday}`);
  }
  if (!Number.isFinite(state.integral)) {
    throw new RangeError(`nextThrottle: state.integral must be finite, got ${state.integral}`);
  }
  const goalLeft = goal - deliveredToDate;
  if (goalLeft <= 0) return { throttle: 0, state: { integral: 0, previous: 0 } };
  if (input.mode === "asap") {
    // As soon as possible is no rate to track: everything the goal and today's cap allow, without smoothing
    // (a rate limit would hold back delivery that is already late).
    const limit = nextMatched > 0 ? Math.min(goalLeft, capLeftToday) / nextMatched : capLeftToday > 0 ? 1 : 0;
    return { throttle: clamp(limit, 0, 1), state: { integral: 0, previous: Number.NaN } };
  }

  const supplyKnown = nextMatched > 0;
  const planLeft = goal - plannedToDate;
  let base: number;
  if (supplyKnown && planLeft > 0) base = (nextPlanned * (goalLeft / planLeft)) / nextMatched;
  else if (remainingMatched > 0) base = goalLeft / remainingMatched;
  else base = 1;

  const normaliser = Math.max(plannedToDate, MIN_NORMALISER_SHARE * goal);
  const error = clamp((plannedToDate - deliveredToDate) / normaliser, -1, 1);
  const correctionOf = (integral: number): number =>
    clamp(THROTTLE_KP * error + THROTTLE_KI * integral, -MAX_CORRECTION, MAX_CORRECTION);

  const tentativeIntegral = clamp(state.integral + error, -MAX_INTEGRAL, MAX_INTEGRAL);
  const wanted = clamp(base * (1 + correctionOf(tentativeIntegral)), 0, 1);
  const smoothed = rateLimit(wanted, state.previous);
  // Conditional integration: keep the new error out of the integral when the output cannot follow it.
  const saturatedUp = error > 0 && (smoothed >= 1 || smoothed < wanted);
  const saturatedDown = error < 0 && (smoothed <= 0 || smoothed > wanted);
  const integral = saturatedUp || saturatedDown ? state.integral : tentativeIntegral;

  let throttle = smoothed;
  if (supplyKnown) throttle = Math.min(throttle, goalLeft / nextMatched, capLeftToday / nextMatched);
  else if (capLeftToday <= 0) throttle = 0;
  // An hour the forecast expects no supply in says nothing about the rate: the next hour with supply starts
  // from the last rate that had some, instead of one the rate limit walked down through empty hours.
  if (nextMatched === 0) return { throttle: clamp(throttle, 0, 1), state };
  return { throttle: clamp(throttle, 0, 1), state: { integral, previous: smoothed } };
}

/** The slew-rate limit around the previous hour's rate (none before the first hour). */
function rateLimit(wanted: number, previous: number): number {
  if (Number.isNaN(previous)) return wanted;
  const step = Math.max(MAX_ABSOLUTE_STEP, MAX_RELATIVE_STEP * previous);
  return clamp(wanted, previous - step, previous + step);
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}
