import { describe, expect, it } from "vitest";
import { planDelivery } from "./delivery-plan.js";
import { replayThrottle } from "./replay-throttle.js";
import { initialThrottleState, nextThrottle } from "./throttle.js";

const HOURS = 72;
const matched = Float64Array.from({ length: HOURS }, (_, h) => 200 + 100 * Math.sin((2 * Math.PI * h) / 24));
const day = Int32Array.from({ length: HOURS }, (_, h) => Math.floor(h / 24));
const plan = planDelivery({ goal: 7200, matched, day, mode: "even" });

describe("replayThrottle", () => {
  it("replayThrottle gives the throttle an hourly pacer run over the same hours would set", () => {
    const delivered = Float64Array.from(plan.target, (x, h) => x * (h % 2 === 0 ? 0.8 : 1.1));
    let state = initialThrottleState();
    let deliveredToDate = 0;
    let plannedToDate = 0;
    let remaining = matched.reduce((a, b) => a + b, 0);
    let throttle = 0;
    for (let h = 0; h <= 30; h++) {
      const decision = nextThrottle(
        {
          goal: 7200,
          deliveredToDate,
          plannedToDate,
          nextPlanned: plan.target[h],
          nextMatched: matched[h],
          remainingMatched: remaining,
        },
        state,
      );
      state = decision.state;
      throttle = decision.throttle;
      deliveredToDate += delivered[h];
      plannedToDate += plan.target[h];
      remaining -= matched[h];
    }
    const replayed = replayThrottle({
      goal: 7200,
      target: plan.target,
      matched,
      day,
      delivered,
      elapsed: 30,
    });
    expect(replayed.throttle).toBeCloseTo(throttle, 12);
  });

  it("replayThrottle survives a missing hour of data: no catch-up for delivery it cannot see", () => {
    const delivered = Float64Array.from(plan.target);
    const complete = replayThrottle({
      goal: 7200,
      target: plan.target,
      matched,
      day,
      delivered,
      elapsed: 30,
    });
    delivered[29] = Number.NaN;
    const gap = replayThrottle({ goal: 7200, target: plan.target, matched, day, delivered, elapsed: 30 });
    expect(gap.throttle).toBeCloseTo(complete.throttle ?? Number.NaN, 2);
    // Reading the gap as zero delivery would push the throttle up.
    delivered[29] = 0;
    const zero = replayThrottle({ goal: 7200, target: plan.target, matched, day, delivered, elapsed: 30 });
    expect(zero.throttle).toBeGreaterThan(gap.throttle ?? 1);
  });

  it("replayThrottle respects what the daily cap leaves today and is null after the flight", () => {
    const delivered = Float64Array.from(plan.target);
    let today = 0;
    for (let h = 24; h < 30; h++) today += delivered[h];
    const free = replayThrottle({ goal: 7200, target: plan.target, matched, day, delivered, elapsed: 30 });
    expect((free.throttle ?? 0) * matched[30]).toBeGreaterThan(10);
    const capped = replayThrottle({
      ...{ goal: 7200, target: plan.target, matched, day, delivered, elapsed: 30 },
      dailyCap: today + 10,
    });
    expect((capped.throttle ?? 1) * matched[30]).toBeCloseTo(10, 9);
    expect(
      replayThrottle({ goal: 7200, target: plan.target, matched, day, delivered, elapsed: HOURS }).throttle,
    ).toBeNull();
  });
});
