import { describe, expect, it } from "vitest";
import { resolveModel } from "../forecast/models/registry.js";
import type { HierarchyHistory, LevelHistory } from "../series/read-hierarchy.js";
import { forecastHierarchy, MIN_OWN_HISTORY_HOURS } from "./forecast-hierarchy.js";

const HOURS = 24 * 28;
const SHORT = HOURS;

/** Four cells with daily cycles; geo=NO|device=tablet began 100 hours ago. */
function history(HOURS = SHORT): HierarchyHistory {
  const cells = [
    ["SE", "mobile", 50],
    ["SE", "tablet", 20],
    ["NO", "mobile", 30],
    ["NO", "tablet", 10],
  ] as const;
  const cellValues = cells.map(([geo, , scale]) => {
    const v = new Float64Array(HOURS);
    for (let t = 0; t < HOURS; t++)
      v[t] = scale * (1.5 + Math.sin((2 * Math.PI * t) / 24)) + (geo === "SE" ? t % 3 : t % 2);
    return v;
  });
  cellValues[3].fill(0, 0, HOURS - 100);
  const level = (name: string, dimensions: string[], groups: [string, number[]][]): LevelHistory => {
    const values = new Float64Array(groups.length * HOURS);
    groups.forEach(([, members], k) => {
      for (const m of members) for (let t = 0; t < HOURS; t++) values[k * HOURS + t] += cellValues[m][t];
    });
    return { name, dimensions, keys: groups.map(([key]) => key), values };
  };
  return {
    start: Date.UTC(2026, 9, 1),
    hours: HOURS,
    correctedHours: 0,
    droppedHours: 0,
    delaysMeasured: false,
    medianDelayHours: Number.NaN,
    watermark: Date.UTC(2026, 9, 1) + HOURS * 3_600_000 - 1,
    levels: [
      level("total", [], [["total", [0, 1, 2, 3]]]),
      level(
        "geo",
        ["geo"],
        [
          ["geo=NO", [2, 3]],
          ["geo=SE", [0, 1]],
        ],
      ),
      level(
        "device",
        ["device"],
        [
          ["device=mobile", [0, 2]],
          ["device=tablet", [1, 3]],
        ],
      ),
      level(
        "geo_device",
        ["geo", "device"],
        [
          ["geo=NO|device=mobile", [2]],
          ["geo=NO|device=tablet", [3]],
          ["geo=SE|device=mobile", [0]],
          ["geo=SE|device=tablet", [1]],
        ],
      ),
    ],
  };
}

describe("forecastHierarchy(history, options)", () => {
  it("forecasts every key of every level, with intervals and aligned residuals", async () => {
    const forecast = await forecastHierarchy(history(), { horizon: 48, levels: [80, 95], model: "snaive" });
    expect(forecast.start).toBe(Date.UTC(2026, 9, 1) + HOURS * 3_600_000);
    expect(forecast.levels.map((l) => l.keys.length)).toEqual([1, 2, 2, 4]);
    const total = forecast.levels[0];
    expect(total.mean).toHaveLength(48);
    expect(total.models[0]).toMatch(/snaive|SeasonalNaive/);
    // The seasonal naive forecast repeats the last week: hour 0 of the horizon is hour HOURS - 168.
    const y = history().levels[0].values;
    expect(total.mean[0]).toBe(y[HOURS - 168]);
    for (let t = 0; t < 48; t++) {
      expect(total.lower[1][t]).toBeLessThanOrEqual(total.lower[0][t]);
      expect(total.upper[0][t]).toBeLessThanOrEqual(total.upper[1][t]);
    }
    expect(forecast.residualHours).toBe(672);
    expect(total.residuals).toHaveLength(672);
    // A week-ago forecast's one-step residual at the last hour: the change over the week.
    expect(total.residuals[671]).toBeCloseTo(y[HOURS - 1] - y[HOURS - 1 - 168], 9);
  });

  it("gives a key with under two weeks of history its closest parent's shape, scaled by its share, and says so", async () => {
    const h = history();
    const forecast = await forecastHierarchy(h, { horizon: 24, levels: [80], model: "snaive" });
    const cells = forecast.levels[3];
    const young = cells.keys.indexOf("geo=NO|device=tablet");
    expect(100).toBeLessThan(MIN_OWN_HISTORY_HOURS);
    // Closest parents are geo=NO and device=tablet (one dimension each); geo, configured first, wins.
    expect(cells.models[young]).toBe("cold start from geo=NO");
    expect(forecast.coldStarts).toEqual([{ key: "geo=NO|device=tablet", from: "geo=NO" }]);
    expect(cells.warnings[young].join(" ")).toMatch(/cold start: 100 hours of history/);
    const geo = forecast.levels[1];
    const no = h.levels[1].values;
    const own = h.levels[3].values.subarray(young * HOURS, (young + 1) * HOURS);
    let ownSum = 0;
    let parentSum = 0;
    for (let t = HOURS - 100; t < HOURS; t++) {
      ownSum += own[t];
      parentSum += no[t];
    }
    for (let t = 0; t < 24; t++) {
      expect(cells.mean[young * 24 + t]).toBeCloseTo((geo.mean[t] * ownSum) / parentSum, 9);
    }
    // The other cells are fitted on their own.
    expect(cells.models.filter((m) => m.startsWith("cold start"))).toHaveLength(1);
  });

  it("keeps day-ahead errors: each day of the last four weeks forecast 24 hours ahead from its first hour", async () => {
    const long = 24 * 56;
    const h = history(long);
    const forecast = await forecastHierarchy(h, { horizon: 24, levels: [80], model: "snaive" });
    const total = forecast.levels[0];
    expect(total.dayAheadErrors).toHaveLength(672);
    const y = h.levels[0].values;
    const origins = Array.from({ length: 28 }, (_, k) => long - 672 + 24 * k);
    // By the run's own model.
    const model = resolveModel("snaive");
    const reference =
      model.forecastOrigins?.(y, origins, { horizon: 24, levels: [], seasons: [24, 168] }) ?? [];
    for (const k of [0, 13, 27]) {
      for (const j of [0, 11, 23]) {
        expect(total.dayAheadErrors[24 * k + j]).toBeCloseTo(y[origins[k] + j] - reference[k][j], 9);
      }
    }
    // The young cell's come from its parent, scaled like its forecast.
    const cells = forecast.levels[3];
    const young = cells.keys.indexOf("geo=NO|device=tablet");
    const geo = forecast.levels[1];
    const ratio = cells.mean[young * 24] / geo.mean[0];
    expect(cells.dayAheadErrors[young * 672 + 100]).toBeCloseTo(geo.dayAheadErrors[100] * ratio, 9);
    // Four weeks of history leave no fit before the window: the one-step residuals stand in.
    const short = (await forecastHierarchy(history(), { horizon: 24, levels: [80], model: "snaive" }))
      .levels[0];
    expect(short.dayAheadErrors).toEqual(short.residuals);
  });

  it("rejects a horizon that is not a positive integer", async () => {
    await expect(forecastHierarchy(history(), { horizon: 0, levels: [80] })).rejects.toThrow(/horizon: 0/);
  });
});
