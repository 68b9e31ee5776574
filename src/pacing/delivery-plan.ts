/** How a campaign spreads its goal over its flight. */
export type PacingMode = "even" | "frontloaded" | "asap";

/** What planDelivery() needs: the goal, the matched supply per flight hour, the flight days and the mode. */
export interface PlanInput {
  /** Impressions to deliver over the flight (>= 0). */
  goal: number;
  /** Expected matched supply this campaign can win in each flight hour (forecast mean, after higher
   *  priorities), length H = flight hours. Even pacing follows this shape. NaN marks a missing forecast
   *  hour, filled in from its neighbours. */
  matched: Float64Array;
  /** Flight-local day (0-based, in the campaign's time zone, DST-aware) of each hour; non-decreasing. */
  day: Int32Array;
  mode: PacingMode;
  /** frontloaded only: how much faster than even the early flight runs, in percent (e.g. 25); default 25. */
  frontloadPercent?: number;
  /** Impressions per flight day at most, or null. */
  dailyCap?: number | null;
}

/** Hourly targets over a flight. */
export interface DeliveryPlan {
  /** Hourly targets, length H; they sum to the goal when feasible. */
  target: Float64Array;
  /** False when caps or the expected supply cannot carry the goal. */
  feasible: boolean;
  /** Impressions the plan cannot place (0 when feasible). */
  shortfall: number;
}

/** frontloadPercent when a frontloaded input leaves it out. */
export const DEFAULT_FRONTLOAD_PERCENT = 25;
/** A goal within this relative distance of what supply and caps carry still counts as feasible. */
const FEASIBLE_TOLERANCE = 1e-9;
const BISECTION_STEPS = 200;
const MODES: readonly PacingMode[] = ["even", "frontloaded", "asap"];

/**
 * Plans hourly delivery targets over a flight.
 *
 * - even: target_h = lambda * matched_h, following the forecast shape of matched traffic, lambda set so the
 *   targets sum to the goal.
 * - frontloaded with p = frontloadPercent / 100: the even shape times a rate multiplier that falls linearly
 *   from 1 + p to 1 - p over the flight's matched supply, m_h = 1 + p (1 - 2 u_h), u_h the share of the
 *   flight's matched supply before the middle of hour h. Measuring progress in supply rather than clock hours
 *   makes sum_h matched_h m_h = sum_h matched_h exactly (midpoint rule of the integral of 1 + p(1 - 2u) over
 *   [0, 1]), so the plan runs exactly p% faster than even at the start and p% slower at the end, and by the
 *   supply midpoint has delivered (1/2 + p/4) of the goal (56.25% for p = 25).
 * - asap: each hour takes all the matched supply it can until the goal is met.
 *
 * No hour is planned above its matched supply and no flight day above the daily cap. Even and frontloaded
 * plans are water-filled (target_h = min(matched_h, lambda w_h) with w_h the shape, each day's total cut at
 * the cap, inside a capped day min(matched_h, mu_d w_h) with mu_d <= lambda), so what a cap or a thin hour
 * cannot take moves to the other hours and days in proportion to their shape. When the caps times the days,
 * or the supply, cannot carry the goal, the plan places what it can (every hour at its supply or its day at
 * the cap), is not feasible and reports the shortfall: known before the flight starts.
 *
 * A NaN in `matched` is a missing forecast hour: it is filled in by linear interpolation between the nearest
 * known hours (the nearest one at the ends, 0 when no hour is known).
 *
 * @example
 * const plan = planDelivery({
 *   goal: 300,
 *   matched: Float64Array.of(100, 200, 300),
 *   day: Int32Array.of(0, 0, 1),
 *   mode: "even",
 * });
 * plan.target; // Float64Array [50, 100, 150]
 * plan.feasible; // true
 */
export function planDelivery(input: PlanInput): DeliveryPlan {
  const { goal, day, mode } = input;
  if (!Number.isFinite(goal) || goal < 0) {
    throw new RangeError(`planDelivery: goal must be a finite number >= 0, got ${goal}`);
  }
  if (!MODES.includes(mode)) {
    throw new RangeError(`planDelivery: mode must be one of ${MODES.join(", ")}, got ${String(mode)}`);
  }
  const hours = input.matched.length;
  if (day.length !== hours) {
    throw new RangeError(`planDelivery: day has ${day.length} entries, matched has ${hours}`);
  }
  for (let h = 1; h < hours; h++) {
    if (day[h] < day[h - 1]) {
      throw new RangeError(`planDelivery: day must be non-decreasing, day[${h}] = ${day[h]} < ${day[h - 1]}`);
    }
  }
  const cap = input.dailyCap ?? Number.POSITIVE_INFINITY;
  if (Number.isNaN(cap) || cap < 0) {
    throw new RangeError(`planDelivery: dailyCap must be a number >= 0 or null, got ${input.dailyCap}`);
  }
  const percent = input.frontloadPercent ?? DEFAULT_FRONTLOAD_PERCENT;
  if (mode === "frontloaded" && !(percent >= 0 && percent <= 100)) {
    throw new RangeError(`planDelivery: frontloadPercent must be between 0 and 100, got ${percent}`);
  }
  const matched = fillMissing(input.matched);
  const target = new Float64Array(hours);
  if (mode === "asap") planAsap(goal, matched, day, cap, target);
  else
    waterFill(goal, matched, shapeOf(matched, mode === "frontloaded" ? percent / 100 : 0), day, cap, target);
  let placed = 0;
  for (let h = 0; h < hours; h++) placed += target[h];
  const missing = goal - placed;
  const feasible = missing <= FEASIBLE_TOLERANCE * Math.max(goal, 1);
  return { target, feasible, shortfall: feasible ? 0 : missing };
}

/** A copy of the supply with NaN hours linearly interpolated; throws on negative or infinite hours. */
function fillMissing(matched: Float64Array): Float64Array {
  const hours = matched.length;
  const filled = new Float64Array(hours);
  let previous = -1;
  for (let h = 0; h < hours; h++) {
    const value = matched[h];
    if (Number.isNaN(value)) continue;
    if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
      throw new RangeError(`planDelivery: matched[${h}] must be a finite number >= 0 or NaN, got ${value}`);
    }
    filled[h] = value;
    for (let gap = previous + 1; gap < h; gap++) {
      filled[gap] =
        previous < 0
          ? value
          : matched[previous] + ((value - matched[previous]) * (gap - previous)) / (h - previous);
    }
    previous = h;
  }
  const last = previous < 0 ? 0 : matched[previous];
  for (let gap = previous + 1; gap < hours; gap++) filled[gap] = last;
  return filled;
}

/** The even shape (the supply itself) times the frontloaded rate multiplier 1 + p (1 - 2 u_h). */
function shapeOf(matched: Float64Array, p: number): Float64Array {
  const hours = matched.length;
  const shape = new Float64Array(hours);
  let total = 0;
  for (let h = 0; h < hours; h++) total += matched[h];
  let before = 0;
  for (let h = 0; h < hours; h++) {
    const progress = total > 0 ? (before + matched[h] / 2) / total : 0;
    shape[h] = matched[h] * (1 + p * (1 - 2 * progress));
    before += matched[h];
  }
  return shape;
}

/** ASAP: every hour takes what supply and the day's cap allow until the goal is met. */
function planAsap(
  goal: number,
  matched: Float64Array,
  day: Int32Array,
  cap: number,
  target: Float64Array,
): void {
  let left = goal;
  let capLeft = cap;
  for (let h = 0; h < matched.length && left > 0; h++) {
    if (h > 0 && day[h] !== day[h - 1]) capLeft = cap;
    const take = Math.min(matched[h], left, capLeft);
    target[h] = take;
    left -= take;
    capLeft -= take;
  }
}

/** Sum over hours [from, to) of min(matched_h, level * shape_h). */
function filledAt(
  level: number,
  matched: Float64Array,
  shape: Float64Array,
  from: number,
  to: number,
): number {
  let sum = 0;
  for (let h = from; h < to; h++) sum += Math.min(matched[h], level * shape[h]);
  return sum;
}

/** The level above which every hour in [from, to) with a positive shape sits at its supply. */
function saturationLevel(matched: Float64Array, shape: Float64Array, from: number, to: number): number {
  let level = 0;
  for (let h = from; h < to; h++) if (shape[h] > 0) level = Math.max(level, matched[h] / shape[h]);
  return level;
}

/** The level in [0, high] where a nondecreasing continuous function reaches `wanted` (bisection). */
function solveLevel(wanted: number, high: number, at: (level: number) => number): number {
  let low = 0;
  let up = high;
  for (let step = 0; step < BISECTION_STEPS && up - low > Number.EPSILON * up; step++) {
    const middle = (low + up) / 2;
    if (at(middle) < wanted) low = middle;
    else up = middle;
  }
  return up;
}

/**
 * Water-filling: target_h = min(matched_h, lambda shape_h), each day's total cut at the cap (inside a capped
 * day at a lower level mu_d), lambda the level where the whole plan reaches the goal, or everything supply
 * and caps allow when it never does.
 */
function waterFill(
  goal: number,
  matched: Float64Array,
  shape: Float64Array,
  day: Int32Array,
  cap: number,
  target: Float64Array,
): void {
  const hours = matched.length;
  // Day boundaries: hours [starts[d], starts[d + 1]).
  const boundaries: number[] = [0];
  for (let h = 1; h < hours; h++) if (day[h] !== day[h - 1]) boundaries.push(h);
  boundaries.push(hours);
  const starts = Int32Array.from(boundaries);
  const days = starts.length - 1;
  const totalAt = (level: number): number => {
    let sum = 0;
    for (let d = 0; d < days; d++)
      sum += Math.min(cap, filledAt(level, matched, shape, starts[d], starts[d + 1]));
    return sum;
  };
  const top = saturationLevel(matched, shape, 0, hours);
  const level = totalAt(top) <= goal ? top : solveLevel(goal, top, totalAt);
  for (let d = 0; d < days; d++) {
    const from = starts[d];
    const to = starts[d + 1];
    let dayLevel = level;
    if (filledAt(level, matched, shape, from, to) > cap) {
      dayLevel = solveLevel(cap, level, (mu) => filledAt(mu, matched, shape, from, to));
    }
    for (let h = from; h < to; h++) target[h] = Math.min(matched[h], dayLevel * shape[h]);
  }
  polish(goal, matched, shape, starts, cap, target);
}

/**
 * Bisection leaves the sum a few ulps off the goal; one Newton step on the hours still below their supply
 * in uncapped days (where the sum is linear in the level) puts it on the goal.
 */
function polish(
  goal: number,
  matched: Float64Array,
  shape: Float64Array,
  starts: Int32Array,
  cap: number,
  target: Float64Array,
): void {
  let sum = 0;
  for (let h = 0; h < target.length; h++) sum += target[h];
  const residual = goal - sum;
  if (residual === 0) return;
  let free = 0;
  for (let d = 0; d < starts.length - 1; d++) {
    let dayTotal = 0;
    for (let h = starts[d]; h < starts[d + 1]; h++) dayTotal += target[h];
    if (dayTotal >= cap) continue;
    for (let h = starts[d]; h < starts[d + 1]; h++) if (target[h] < matched[h]) free += shape[h];
  }
  if (free <= 0 || Math.abs(residual) > 1e-6 * Math.max(goal, 1)) return;
  for (let d = 0; d < starts.length - 1; d++) {
    let dayTotal = 0;
    for (let h = starts[d]; h < starts[d + 1]; h++) dayTotal += target[h];
    if (dayTotal >= cap) continue;
    for (let h = starts[d]; h < starts[d + 1]; h++) {
      if (target[h] < matched[h]) target[h] = Math.min(matched[h], target[h] + (residual * shape[h]) / free);
    }
  }
}
