import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PacingMode, planDelivery } from "./delivery-plan.js";
import {
  initialThrottleState,
  MAX_ABSOLUTE_STEP,
  MAX_RELATIVE_STEP,
  nextThrottle,
  type ThrottleInput,
  type ThrottleState,
} from "./throttle.js";

/** A diurnal forecast of matched supply over `days` 24-hour days. */
function diurnal(days: number, scale = 1000): Float64Array {
  const out = new Float64Array(days * 24);
  for (let h = 0; h < out.length; h++) out[h] = scale * (1.2 + Math.sin((2 * Math.PI * ((h % 24) - 9)) / 24));
  return out;
}

/** Park-Miller minimal standard generator: deterministic noise for the closed loop. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16_807) % 2_147_483_647;
    return s / 2_147_483_647;
  };
}

interface LoopOptions {
  mode?: PacingMode;
  /** Actual matched supply over the forecast's. */
  bias?: number;
  /** Relative noise (uniform +-) on each hour's actual supply. */
  noise?: number;
  /** An hour whose delivery reaches the pacer only an hour late. */
  lateHour?: number;
  goalShare?: number;
  dailyCap?: number;
}

interface LoopResult {
  goal: number;
  delivered: number;
  trackingMad: number;
  throttles: Float64Array;
  /** The hard limit of each hour: min(1, goal left / next matched, cap left / next matched). */
  limits: Float64Array;
  target: Float64Array;
  hourly: Float64Array;
}

/** The pacer in closed loop over a week of diurnal traffic, delivery = throttle x actual matched supply. */
function closedLoop(options: LoopOptions = {}): LoopResult {
  const forecast = diurnal(7);
  const hours = forecast.length;
  const day = new Int32Array(hours);
  for (let h = 0; h < hours; h++) day[h] = Math.floor(h / 24);
  let supply = 0;
  for (let h = 0; h < hours; h++) supply += forecast[h];
  const goal = Math.round(supply * (options.goalShare ?? 0.4));
  const plan = planDelivery({
    goal,
    matched: forecast,
    day,
    mode: options.mode ?? "even",
    dailyCap: options.dailyCap,
  });
  const random = lcg(7);
  const throttles = new Float64Array(hours);
  const limits = new Float64Array(hours);
  const hourly = new Float64Array(hours);
  let state: ThrottleState = initialThrottleState();
  let delivered = 0;
  let planned = 0;
  let remaining = supply;
  let deliveredToday = 0;
  for (let h = 0; h < hours; h++) {
    if (h > 0 && day[h] !== day[h - 1]) deliveredToday = 0;
    const seen = options.lateHour === h - 1 ? delivered - hourly[h - 1] : delivered;
    const input: ThrottleInput = {
      goal,
      deliveredToDate: seen,
      plannedToDate: planned,
      nextPlanned: plan.target[h],
      nextMatched: forecast[h],
      remainingMatched: remaining,
      capLeftToday:
        options.dailyCap === undefined ? Number.POSITIVE_INFINITY : options.dailyCap - deliveredToday,
    };
    const decision = nextThrottle(input, state);
    state = decision.state;
    throttles[h] = decision.throttle;
    limits[h] = Math.min(1, (goal - seen) / forecast[h], (input.capLeftToday ?? 0) / forecast[h]);
    const noise = 1 + (options.noise ?? 0) * (2 * random() - 1);
    hourly[h] = decision.throttle * forecast[h] * (options.bias ?? 1) * noise;
    delivered += hourly[h];
    deliveredToday += hourly[h];
    planned += plan.target[h];
    remaining -= forecast[h];
  }
  let deviation = 0;
  for (let h = 0; h < hours; h++) deviation += Math.abs(hourly[h] - plan.target[h]);
  return { goal, delivered, trackingMad: deviation / goal, throttles, limits, target: plan.target, hourly };
}

const behind: ThrottleInput = {
  goal: 10_000,
  deliveredToDate: 4000,
  plannedToDate: 5000,
  nextPlanned: 100,
  nextMatched: 400,
  remainingMatched: 20_000,
};

describe("nextThrottle", () => {
  it("nextThrottle stays in [0, 1] for any input and state", () => {
    const amount = fc.double({ min: 0, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        amount,
        amount,
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        (
          goal,
          deliveredToDate,
          plannedToDate,
          nextPlanned,
          nextMatched,
          remainingMatched,
          integral,
          previous,
        ) => {
          const { throttle, state } = nextThrottle(
            { goal, deliveredToDate, plannedToDate, nextPlanned, nextMatched, remainingMatched },
            { integral, previous },
          );
          expect(throttle).toBeGreaterThanOrEqual(0);
          expect(throttle).toBeLessThanOrEqual(1);
          expect(Number.isFinite(state.integral)).toBe(true);
        },
      ),
    );
  });

  it("nextThrottle is 0 once the goal is met, whatever the state", () => {
    for (const deliveredToDate of [10_000, 12_000]) {
      const { throttle, state } = nextThrottle(
        { ...behind, deliveredToDate },
        { integral: 50, previous: 0.9 },
      );
      expect(throttle).toBe(0);
      expect(state).toEqual({ integral: 0, previous: 0 });
    }
  });

  it("nextThrottle follows the plan when on plan: next planned over next matched", () => {
    const { throttle } = nextThrottle({ ...behind, deliveredToDate: 5000 }, initialThrottleState());
    expect(throttle).toBeCloseTo(100 / 400, 12);
  });

  it("nextThrottle rises the further behind plan and falls the further ahead", () => {
    let last = Number.POSITIVE_INFINITY;
    for (let delivered = 0; delivered <= 9000; delivered += 250) {
      const { throttle } = nextThrottle({ ...behind, deliveredToDate: delivered }, initialThrottleState());
      expect(throttle).toBeLessThanOrEqual(last);
      last = throttle;
    }
    const onPlan = nextThrottle({ ...behind, deliveredToDate: 5000 }, initialThrottleState()).throttle;
    expect(nextThrottle(behind, initialThrottleState()).throttle).toBeGreaterThan(onPlan);
    expect(nextThrottle({ ...behind, deliveredToDate: 6000 }, initialThrottleState()).throttle).toBeLessThan(
      onPlan,
    );
  });

  it("nextThrottle moves at most the rate limit from one hour to the next", () => {
    const far = { ...behind, deliveredToDate: 0 };
    const first = nextThrottle(far, { integral: 0, previous: 0.2 });
    expect(first.throttle).toBeCloseTo(0.2 + MAX_ABSOLUTE_STEP, 12);
    const second = nextThrottle(far, first.state);
    expect(second.throttle - first.throttle).toBeLessThanOrEqual(
      Math.max(MAX_ABSOLUTE_STEP, MAX_RELATIVE_STEP * first.throttle) + 1e-12,
    );
    expect(second.throttle).toBeGreaterThan(first.throttle);
  });

  it("nextThrottle keeps the integral from winding up while the output is saturated", () => {
    // Supply far below the plan: the throttle sits at 1 and the error cannot be worked off.
    const starved = { ...behind, nextMatched: 50, deliveredToDate: 2000 };
    let state = initialThrottleState();
    state = nextThrottle(starved, state).state;
    const integralAtSaturation = state.integral;
    for (let h = 0; h < 100; h++) {
      const decision = nextThrottle(starved, state);
      expect(decision.throttle).toBe(1);
      state = decision.state;
    }
    expect(state.integral).toBe(integralAtSaturation);
    // Once supply returns and delivery is on plan, the throttle is back at the plan's rate within a few hours.
    let throttle = 1;
    for (let h = 0; h < 6; h++) {
      const decision = nextThrottle({ ...behind, deliveredToDate: 5000 }, state);
      state = decision.state;
      throttle = decision.throttle;
    }
    expect(throttle).toBeLessThan(0.25 * 1.2);
  });

  it("nextThrottle never lets the next hour pass the daily cap or the goal", () => {
    const capped = nextThrottle({ ...behind, capLeftToday: 40 }, initialThrottleState());
    expect(capped.throttle * behind.nextMatched).toBeCloseTo(40, 9);
    const closing = nextThrottle(
      { ...behind, deliveredToDate: 9950, plannedToDate: 9900 },
      initialThrottleState(),
    );
    expect(closing.throttle * behind.nextMatched).toBeLessThanOrEqual(50 + 1e-9);
    expect(nextThrottle({ ...behind, capLeftToday: 0 }, initialThrottleState()).throttle).toBe(0);
  });

  it("nextThrottle with a missing forecast hour (NaN next matched) paces on the rest of the flight", () => {
    const { throttle } = nextThrottle({ ...behind, nextMatched: Number.NaN }, initialThrottleState());
    expect(throttle).toBeGreaterThan(6000 / 20_000);
    expect(throttle).toBeLessThanOrEqual(1);
  });

  it("nextThrottle rejects bad input naming the field", () => {
    const state = initialThrottleState();
    expect(() => nextThrottle({ ...behind, goal: -1 }, state)).toThrow(/goal/);
    expect(() => nextThrottle({ ...behind, deliveredToDate: Number.NaN }, state)).toThrow(/deliveredToDate/);
    expect(() => nextThrottle({ ...behind, plannedToDate: Number.POSITIVE_INFINITY }, state)).toThrow(
      /plannedToDate/,
    );
    expect(() => nextThrottle({ ...behind, nextPlanned: -3 }, state)).toThrow(/nextPlanned/);
    expect(() => nextThrottle({ ...behind, nextMatched: -3 }, state)).toThrow(/nextMatched/);
    expect(() => nextThrottle({ ...behind, remainingMatched: Number.NaN }, state)).toThrow(
      /remainingMatched/,
    );
    expect(() => nextThrottle({ ...behind, capLeftToday: Number.NaN }, state)).toThrow(/capLeftToday/);
    expect(() => nextThrottle(behind, { integral: Number.NaN, previous: 0.5 })).toThrow(/integral/);
  });
});

describe("nextThrottle in closed loop over a week", () => {
  it("ends within 1% of the goal and tracks the plan when the forecast is right", () => {
    for (const mode of ["even", "frontloaded", "asap"] as const) {
      const run = closedLoop({ mode, noise: 0.1 });
      expect(Math.abs(run.delivered / run.goal - 1), mode).toBeLessThan(0.01);
      expect(run.trackingMad, mode).toBeLessThan(0.05);
    }
  });

  it("ends within 2% of the goal when the forecast runs 15% hot or 15% cold", () => {
    for (const bias of [1 / 1.15, 1.15]) {
      const run = closedLoop({ bias, noise: 0.1 });
      expect(run.delivered / run.goal).toBeGreaterThan(0.98);
      expect(run.delivered / run.goal).toBeLessThan(1.01);
      expect(run.trackingMad, String(bias)).toBeLessThan(0.15);
    }
  });

  it("moves smoothly from hour to hour in closed loop, except for cuts down to a hard limit", () => {
    for (const mode of ["even", "frontloaded", "asap"] as const) {
      const run = closedLoop({ mode, bias: 0.87, noise: 0.1 });
      for (let h = 1; h < run.throttles.length; h++) {
        const step = run.throttles[h] - run.throttles[h - 1];
        const cut = step < 0 && Math.abs(run.throttles[h] - run.limits[h]) < 1e-12;
        if (!cut) {
          expect(Math.abs(step)).toBeLessThanOrEqual(
            Math.max(MAX_ABSOLUTE_STEP, MAX_RELATIVE_STEP * run.throttles[h - 1]) + 1e-12,
          );
        }
      }
    }
  });

  it("survives a missing hour of delivery data: no jump, goal still met", () => {
    const clean = closedLoop({ noise: 0.1 });
    const late = closedLoop({ noise: 0.1, lateHour: 50 });
    expect(Math.abs(late.delivered / late.goal - 1)).toBeLessThan(0.01);
    expect(late.throttles[51] - late.throttles[50]).toBeLessThanOrEqual(
      Math.max(MAX_ABSOLUTE_STEP, MAX_RELATIVE_STEP * late.throttles[50]) + 1e-12,
    );
    expect(late.throttles[51]).toBeGreaterThan(clean.throttles[51]);
  });

  it("keeps every day under the daily cap", () => {
    const run = closedLoop({ goalShare: 0.5, dailyCap: 9000, noise: 0.1 });
    for (let d = 0; d < 7; d++) {
      let total = 0;
      for (let h = d * 24; h < d * 24 + 24; h++) total += run.hourly[h];
      // Noise can push the last hour's delivery past its expectation, by at most the noise.
      expect(total).toBeLessThanOrEqual(9000 * 1.1);
    }
  });
});

describe("nextThrottle(asap) and hours without supply", () => {
  const input = {
    goal: 1000,
    deliveredToDate: 400,
    plannedToDate: 1000,
    nextPlanned: 0,
    nextMatched: 300,
    remainingMatched: 5000,
  };

  it("nextThrottle(asap) passes everything until the goal, without a rate limit, however far behind", () => {
    const state = { integral: 0, previous: 0.05 };
    expect(nextThrottle({ ...input, mode: "asap" }, state).throttle).toBe(1);
    // The goal left (600) is more than next hour's 300: all of it. With 150 left, half.
    expect(nextThrottle({ ...input, mode: "asap", deliveredToDate: 850 }, state).throttle).toBeCloseTo(
      0.5,
      12,
    );
    // Today's cap left binds first.
    expect(nextThrottle({ ...input, mode: "asap", capLeftToday: 30 }, state).throttle).toBeCloseTo(0.1, 12);
    expect(nextThrottle({ ...input, mode: "asap", deliveredToDate: 1000 }, state).throttle).toBe(0);
    // Even pacing from the same state is held by the rate limit.
    expect(nextThrottle(input, state).throttle).toBeLessThanOrEqual(0.1);
  });

  it("nextThrottle leaves the state as it was in an hour the forecast expects no supply", () => {
    const state = { integral: 2, previous: 0.8 };
    const empty = nextThrottle({ ...input, plannedToDate: 500, nextMatched: 0 }, state);
    expect(empty.state).toEqual(state);
    expect(empty.throttle).toBeGreaterThanOrEqual(0);
    expect(empty.throttle).toBeLessThanOrEqual(1);
  });
});
