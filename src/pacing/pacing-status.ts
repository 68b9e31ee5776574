import { quantilesInPlace } from "../forecast/reconcile/quantiles-in-place.js";

/** Where a campaign stands, in one word. */
export type PacingState = "on track" | "behind" | "ahead" | "at risk" | "done";

/** What pacingStatus() needs: the goal, the plan, the delivery so far and what the forecast says is left. */
export interface PacingStatusInput {
  goal: number;
  /** The delivery plan's hourly targets over the flight (length H). */
  target: Float64Array;
  /** Whether the plan carries the goal (planDelivery's `feasible`). */
  feasible: boolean;
  /** Flight hours already past, 0..H. */
  elapsed: number;
  /** Impressions delivered in each past flight hour (length >= elapsed); NaN for an hour with no data. */
  delivered: Float64Array;
  /**
   * Per forecast sample path, the impressions the campaign can still get over the rest of the flight: its
   * matched supply after higher priorities, within its daily caps. Empty when nothing is left of the flight.
   */
  reachable: Float64Array;
}

/** The pacing status of a campaign at one moment. */
export interface PacingStatus {
  deliveredToDate: number;
  /** The plan's targets over the past hours with data. */
  plannedToDate: number;
  /** deliveredToDate / plannedToDate; null before anything was planned. */
  pacingIndex: number | null;
  /** Final delivery projected along the forecast paths: mean, P10 and P90. */
  projected: { mean: number; p10: number; p90: number };
  /** Share of the forecast paths on which the campaign ends below its goal. */
  underDeliveryProbability: number;
  state: PacingState;
  /** Past flight hours whose data is missing (left out of delivered and planned to date). */
  missingHours: number;
}

/** Behind or ahead: delivered off the plan by more than max(this share of planned, TOLERANCE_OF_GOAL x goal). */
export const PACING_TOLERANCE = 0.1;
/** The floor of the tolerance band, as a share of the goal: early in a flight the planned figure is small. */
export const TOLERANCE_OF_GOAL = 0.01;
/** At risk: the forecast paths give at least this probability of ending below the goal (the P20 booking rule). */
export const AT_RISK_PROBABILITY = 0.2;

/**
 * The pacing status of a campaign: delivered and planned to date, the pacing index, the projected final
 * delivery and the probability of under-delivery, and its state.
 *
 * Projection: on sample path p the campaign ends at delivered + min(goal - delivered, reachable_p), assuming
 * the pacer gets what the plan asks wherever supply allows (it is throttled to its goal, never above); the
 * mean, P10 and P90 (type 7) are over the paths, and the probability of under-delivery is the share of paths
 * with reachable_p < goal - delivered.
 *
 * States, first match wins:
 * - done: the flight is over or the goal is delivered;
 * - at risk: the plan cannot carry the goal, or P(under-delivery) >= AT_RISK_PROBABILITY (20%);
 * - behind / ahead: delivered below / above planned by more than max(10% of planned, 1% of the goal);
 * - on track: otherwise.
 *
 * Hours with missing data (NaN in `delivered`) count on neither side: their delivery is unknown, and a gap in
 * the feed must not read as under-delivery.
 *
 * @example
 * const status = pacingStatus({ goal: 1000, target, feasible: true, elapsed: 48, delivered, reachable });
 * status.state; // "on track"
 */
export function pacingStatus(input: PacingStatusInput): PacingStatus {
  const { goal, target, feasible, elapsed, delivered, reachable } = input;
  if (!(goal >= 0 && Number.isFinite(goal)))
    throw new RangeError(`pacingStatus: goal must be finite >= 0, got ${goal}`);
  const hours = target.length;
  if (!Number.isInteger(elapsed) || elapsed < 0 || elapsed > hours) {
    throw new RangeError(`pacingStatus: elapsed must be an hour count in 0..${hours}, got ${elapsed}`);
  }
  if (delivered.length < elapsed) {
    throw new RangeError(
      `pacingStatus: delivered has ${delivered.length} hours, fewer than elapsed (${elapsed})`,
    );
  }
  let deliveredToDate = 0;
  let plannedToDate = 0;
  let missingHours = 0;
  for (let h = 0; h < elapsed; h++) {
    const value = delivered[h];
    if (Number.isNaN(value)) {
      missingHours++;
      continue;
    }
    if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`pacingStatus: delivered[${h}] must be finite >= 0 or NaN, got ${value}`);
    }
    deliveredToDate += value;
    plannedToDate += target[h];
  }
  const goalLeft = Math.max(0, goal - deliveredToDate);
  const over = reachable.length === 0 || elapsed === hours;
  const finals = new Float64Array(over ? 1 : reachable.length);
  let under = 0;
  if (over) {
    finals[0] = deliveredToDate;
    under = deliveredToDate < goal ? 1 : 0;
  } else {
    for (let p = 0; p < reachable.length; p++) {
      const r = reachable[p];
      if (!(r >= 0)) throw new RangeError(`pacingStatus: reachable[${p}] must be >= 0, got ${r}`);
      finals[p] = deliveredToDate + Math.min(goalLeft, r);
      if (r < goalLeft) under++;
    }
    under /= reachable.length;
  }
  let sum = 0;
  for (let p = 0; p < finals.length; p++) sum += finals[p];
  const [p10, p90] = quantilesInPlace(finals, [0.1, 0.9]);
  const projected = { mean: sum / finals.length, p10, p90 };
  const pacingIndex = plannedToDate > 0 ? deliveredToDate / plannedToDate : null;
  const band = Math.max(PACING_TOLERANCE * plannedToDate, TOLERANCE_OF_GOAL * goal);
  let state: PacingState = "on track";
  if (elapsed === hours || deliveredToDate >= goal) state = "done";
  else if (!feasible || under >= AT_RISK_PROBABILITY) state = "at risk";
  else if (deliveredToDate < plannedToDate - band) state = "behind";
  else if (deliveredToDate > plannedToDate + band) state = "ahead";
  return {
    deliveredToDate,
    plannedToDate,
    pacingIndex,
    projected,
    underDeliveryProbability: under,
    state,
    missingHours,
  };
}
