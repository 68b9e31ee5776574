import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { mape } from "./mape.js";
import { rollingMape } from "./rolling-mape.js";

const DAY_MS = 86_400_000;
const isoDay = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

describe("rollingMape(days, actual, predicted, endDay, windowDays)", () => {
  test("averages the daily percentage errors of the days in the window", () => {
    const days = ["2026-11-01", "2026-11-02", "2026-11-02", "2026-11-03"];
    // Nov 1: 10 / 100; Nov 2: totals 50 and 60, 10 / 50; Nov 3: zero actual, skipped.
    expect(rollingMape(days, [100, 30, 20, 0], [90, 30, 30, 5], "2026-11-03")).toBeCloseTo(0.15, 15);
    expect(
      rollingMape(days, new Float64Array([100, 30, 20, 0]), new Float64Array([90, 30, 30, 5]), "2026-11-03"),
    ).toBeCloseTo(0.15, 15);
  });

  test("uses only the 7 days ending at endDay, whatever the order of the points", () => {
    const days = ["2026-11-10", "2026-11-03", "2026-11-09", "2026-11-02", "2026-11-11"];
    const actual = [10, 10, 10, 10, 10];
    const predicted = [11, 13, 12, 20, 30];
    // In window Nov 3 ... Nov 9: Nov 3 (0.3) and Nov 9 (0.2); Nov 2 is before it, Nov 10 and 11 after it.
    expect(rollingMape(days, actual, predicted, "2026-11-09")).toBeCloseTo(0.25, 15);
    // Window Nov 4 ... Nov 10: Nov 9 (0.2) and Nov 10 (0.1).
    expect(rollingMape(days, actual, predicted, "2026-11-10")).toBeCloseTo(0.15, 15);
  });

  test("counts calendar days across month ends and leap days", () => {
    const days = ["2026-02-22", "2026-02-23", "2026-03-01"];
    // 2026 is not a leap year: Feb 23 ... Mar 1 are the 7 days, so Feb 22 is out.
    expect(rollingMape(days, [10, 10, 10], [20, 11, 13], "2026-03-01")).toBeCloseTo(0.2, 15);
    const leap = ["2024-02-23", "2024-02-24", "2024-02-29"];
    // 2024 is: Feb 24 ... Mar 1, so Feb 23 is out.
    expect(rollingMape(leap, [10, 10, 10], [20, 11, 13], "2024-03-01")).toBeCloseTo(0.2, 15);
  });

  test("honours windowDays", () => {
    const days = ["2026-11-01", "2026-11-02", "2026-11-03"];
    expect(rollingMape(days, [10, 10, 10], [11, 12, 13], "2026-11-03", 1)).toBeCloseTo(0.3, 15);
    expect(rollingMape(days, [10, 10, 10], [11, 12, 13], "2026-11-03", 2)).toBeCloseTo(0.25, 15);
    expect(rollingMape(days, [10, 10, 10], [11, 12, 13], "2026-11-03", 30)).toBeCloseTo(0.2, 15);
  });

  test("leaves NaN points out of both daily totals, and skips a day with no complete point", () => {
    const days = ["2026-11-01", "2026-11-01", "2026-11-02", "2026-11-03"];
    // Nov 1: the second point has no forecast, so only 100 vs 90 is compared; Nov 2 and Nov 3 are missing.
    const actual = [100, 50, Number.NaN, 7];
    const predicted = [90, Number.NaN, 5, Number.NaN];
    expect(rollingMape(days, actual, predicted, "2026-11-03")).toBeCloseTo(0.1, 15);
  });

  test("returns NaN when no day remains", () => {
    expect(rollingMape([], [], [], "2026-11-03")).toBeNaN();
    expect(rollingMape(["2026-11-03", "2026-11-02"], [0, 0], [1, 1], "2026-11-03")).toBeNaN();
    expect(rollingMape(["2026-10-01"], [10], [12], "2026-11-03")).toBeNaN();
    expect(rollingMape(["2026-11-03"], [Number.NaN], [12], "2026-11-03")).toBeNaN();
  });

  test("skips a day whose actuals sum to zero", () => {
    expect(
      rollingMape(["2026-11-03", "2026-11-03", "2026-11-02"], [5, -5, 10], [1, 1, 12], "2026-11-03"),
    ).toBe(0.2);
  });

  test("throws naming the parameter that is wrong", () => {
    expect(() => rollingMape(["2026-11-03"], [1, 2], [1, 2], "2026-11-03")).toThrow(
      "rollingMape: days has 1 values but actual has 2",
    );
    expect(() => rollingMape(["2026-11-03"], [1], [1, 2], "2026-11-03")).toThrow(
      "rollingMape: actual has 1 values but predicted has 2",
    );
    for (const bad of ["2026-11-31", "2026-11-3", "11/03/2026", ""]) {
      expect(() => rollingMape([], [], [], bad)).toThrow(
        `rollingMape: endDay "${bad}" is not a date (YYYY-MM-DD)`,
      );
    }
    expect(() => rollingMape(["2026-11-03", "2026-02-30"], [1, 1], [1, 1], "2026-11-03")).toThrow(
      'rollingMape: days[1] "2026-02-30" is not a date (YYYY-MM-DD)',
    );
    for (const bad of [0, -7, 2.5, Number.NaN, 7 * 86_400_000]) {
      expect(() => rollingMape([], [], [], "2026-11-03", bad)).toThrow(
        `rollingMape: windowDays must be a whole number from 1 to 3660, got ${bad}`,
      );
    }
  });

  const dailyPoints = fc.uniqueArray(
    fc.record({
      day: fc.integer({ min: 20_000, max: 20_020 }),
      actual: fc.integer({ min: -1_000, max: 1_000 }),
      predicted: fc.integer({ min: -1_000, max: 1_000 }),
    }),
    { selector: (point) => point.day, maxLength: 21 },
  );

  test("with one point per day, is the MAPE of the points in the window", () => {
    fc.assert(
      fc.property(
        dailyPoints,
        fc.integer({ min: 20_000, max: 20_020 }),
        fc.integer({ min: 1, max: 10 }),
        (points, end, window) => {
          const inWindow = points.filter((p) => p.day > end - window && p.day <= end);
          const expected = mape(
            inWindow.map((p) => p.actual),
            inWindow.map((p) => p.predicted),
          );
          const result = rollingMape(
            points.map((p) => isoDay(p.day)),
            points.map((p) => p.actual),
            points.map((p) => p.predicted),
            isoDay(end),
            window,
          );
          if (Number.isNaN(expected)) expect(result).toBeNaN();
          else expect(Math.abs(result - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
        },
      ),
    );
  });

  test("does not change when a day's totals are split across points or the points reordered", () => {
    fc.assert(
      fc.property(dailyPoints, fc.integer({ min: 20_000, max: 20_020 }), fc.nat(), (points, end, seed) => {
        const whole = rollingMape(
          points.map((p) => isoDay(p.day)),
          points.map((p) => p.actual),
          points.map((p) => p.predicted),
          isoDay(end),
        );
        // Halves of integers are exact, so each day's totals stay exactly the same.
        const halves = points.flatMap((p) => {
          const half = { day: p.day, actual: p.actual / 2, predicted: p.predicted / 2 };
          return [half, half];
        });
        const shift = halves.length === 0 ? 0 : seed % halves.length;
        const shuffled = [...halves.slice(shift), ...halves.slice(0, shift)].reverse();
        const result = rollingMape(
          shuffled.map((p) => isoDay(p.day)),
          shuffled.map((p) => p.actual),
          shuffled.map((p) => p.predicted),
          isoDay(end),
        );
        if (Number.isNaN(whole)) expect(result).toBeNaN();
        else expect(result).toBe(whole);
      }),
    );
  });
});
