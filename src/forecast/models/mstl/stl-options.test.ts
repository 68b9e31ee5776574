import { describe, expect, test } from "vitest";
import { stlParameters } from "./stl-options.js";

describe("stlParameters(options, length)", () => {
  test("fills in R's stl() defaults, the paper's", () => {
    expect(stlParameters({ period: 12 }, 120)).toEqual({
      period: 12,
      periodic: false,
      seasonalWindow: 7,
      seasonalDegree: 0,
      trendWindow: 23,
      trendDegree: 1,
      lowPassWindow: 13,
      lowPassDegree: 1,
      seasonalJump: 1,
      trendJump: 3,
      lowPassJump: 2,
      innerIterations: 2,
      outerIterations: 0,
    });
  });

  test("takes MSTL's windows for hourly data: trend 281 for the week with seasonal window 15", () => {
    const weekly = stlParameters({ period: 168, seasonalWindow: 15 }, 4000);
    expect(weekly.trendWindow).toBe(281);
    expect(weekly.trendJump).toBe(29);
    expect(weekly.lowPassWindow).toBe(169);
    expect(weekly.lowPassJump).toBe(17);
    expect(stlParameters({ period: 24, seasonalWindow: 11 }, 4000).trendWindow).toBe(43);
  });

  test("makes robust fits one inner and fifteen outer iterations", () => {
    const robust = stlParameters({ period: 4, robust: true }, 40);
    expect([robust.innerIterations, robust.outerIterations]).toEqual([1, 15]);
  });

  test("raises even windows to odd ones, and a periodic season to a local mean over the whole series", () => {
    const even = stlParameters({ period: 4, seasonalWindow: 8, trendWindow: 10, lowPassWindow: 6 }, 40);
    expect([even.seasonalWindow, even.trendWindow, even.lowPassWindow]).toEqual([9, 11, 7]);
    const periodic = stlParameters({ period: 4, seasonalWindow: "periodic", seasonalDegree: 1 }, 40);
    expect(periodic).toMatchObject({
      periodic: true,
      seasonalWindow: 401,
      seasonalDegree: 0,
      seasonalJump: 41,
    });
  });

  test("rejects bad options, naming them", () => {
    expect(() => stlParameters({ period: 1 }, 40)).toThrow(/period must be an integer >= 2/);
    expect(() => stlParameters({ period: 2.5 }, 40)).toThrow(/period/);
    expect(() => stlParameters({ period: 20 }, 40)).toThrow(/more than two periods \(40 points\)/);
    expect(() => stlParameters({ period: 4, seasonalWindow: 2 }, 40)).toThrow(/seasonalWindow must be/);
    expect(() => stlParameters({ period: 4, seasonalWindow: "weekly" as "periodic" }, 40)).toThrow(
      /seasonalWindow/,
    );
    expect(() => stlParameters({ period: 4, trendWindow: 2 }, 40)).toThrow(
      /trendWindow must be an integer >= 3/,
    );
    expect(() => stlParameters({ period: 4, lowPassWindow: 1.5 }, 40)).toThrow(/lowPassWindow/);
    expect(() => stlParameters({ period: 4, trendDegree: 2 as 1 }, 40)).toThrow(/trendDegree must be 0 or 1/);
    expect(() => stlParameters({ period: 4, seasonalJump: 0 }, 40)).toThrow(/seasonalJump/);
    expect(() => stlParameters({ period: 4, innerIterations: 0 }, 40)).toThrow(/innerIterations/);
    expect(() => stlParameters({ period: 4, outerIterations: -1 }, 40)).toThrow(/outerIterations/);
  });
});
