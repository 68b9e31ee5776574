import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { calibrationPlan, MIN_CALIBRATION_TARGETS } from "./calibration-plan.js";

describe("calibrationPlan(n, horizon, seasons)", () => {
  test("plans up to 60 origins over the second half of the series, fewer for long horizons", () => {
    expect(calibrationPlan(180, 14, [7])).toEqual({ windows: 39, step: 2 }); // first origin 90
    expect(calibrationPlan(2000, 168, [24, 168])).toEqual({ windows: 24, step: 35 }); // 24 x 168 scores: the budget
    expect(calibrationPlan(60, 8, [4])).toEqual({ windows: 23, step: 1 }); // origins 30..52
  });

  test("plans at most 10 origins for a model that is refitted", () => {
    expect(calibrationPlan(180, 14, [7], { refit: true })).toEqual({ windows: 9, step: 9 });
  });

  test("leaves two periods of the longest season before the first origin", () => {
    // Half of 400 is 200, but two weeks of hours are 336 (+ 2).
    expect(calibrationPlan(400, 24, [24, 168])).toEqual({ windows: 39, step: 1 }); // origins 338..376
  });

  test("is null when the folds would reach too few distinct observations", () => {
    expect(calibrationPlan(30, 14, [7])).toBeNull();
    expect(calibrationPlan(12, 4, [])).toBeNull();
  });

  test("always fits within the series and reaches enough distinct targets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom([], [4], [7], [12], [24, 168]),
        fc.boolean(),
        (n, horizon, seasons, refit) => {
          const plan = calibrationPlan(n, horizon, seasons, { refit });
          if (plan === null) return;
          const first = n - horizon - (plan.windows - 1) * plan.step;
          expect(first).toBeGreaterThanOrEqual(Math.ceil(n / 2));
          expect(plan.windows).toBeLessThanOrEqual(refit ? 10 : 60);
          expect(horizon + (plan.windows - 1) * Math.min(plan.step, horizon)).toBeGreaterThanOrEqual(
            MIN_CALIBRATION_TARGETS,
          );
        },
      ),
    );
  });

  test("rejects a budget of fewer than two origins", () => {
    expect(() => calibrationPlan(100, 5, [], { maxOrigins: 1 })).toThrow(
      "maxOrigins: 1 is not an integer >= 2",
    );
  });
});
