import { describe, expect, test } from "vitest";
import type { TimeGrid } from "../series/time-grid.js";
import { type BacktestSettings, runTask } from "./backtest-task.js";

const DAILY: TimeGrid = { freq: "daily", anchor: 0, phase: 0 };
const START = Date.UTC(2023, 0, 2);
const DAY_MS = 86_400_000;

/** Daily weekly-seasonal traffic from 2023-01-02, halved on 25-26 December and 1 January. */
function traffic(days: number): Float64Array {
  const y = new Float64Array(days);
  for (let i = 0; i < days; i++) {
    const date = new Date(START + i * DAY_MS);
    const week = [0.7, 1.0, 1.1, 1.15, 1.2, 1.3, 0.8][date.getUTCDay()];
    y[i] = 1000 * week * (1 + 0.05 * Math.sin(i * 12.9898));
    if (["12-25", "12-26", "01-01"].includes(date.toISOString().slice(5, 10))) y[i] *= 0.5;
  }
  return y;
}

const settings: BacktestSettings = { horizon: 14, windows: 2, levels: [80], seasons: [7], models: ["ets"] };
// To 2026-01-10: the two folds start 2025-12-14 and 2025-12-28.
const values = traffic(1105);

function absoluteError(actual: Float64Array, mean: Float64Array): number {
  let sum = 0;
  for (let t = 0; t < actual.length; t++) sum += Math.abs(actual[t] - mean[t]);
  return sum;
}

describe("runTask(input, settings) of backtest-task", () => {
  test("with calendar settings each fold learns the holidays of the id's market and forecasts them", () => {
    const input = { values, id: "geo=DE", grid: DAILY, start: START };
    const calendar = { holidays: "auto", userEvents: [], shoppingDays: false, lead: 0, lag: 0 };
    const plain = runTask(input, settings).models[0];
    const adjusted = runTask(input, { ...settings, calendar }).models[0];
    // The learned effects differ by fold; the descriptions only say events were used.
    for (const description of adjusted.descriptions) expect(description).toMatch(/ with events$/);
    expect(absoluteError(adjusted.actual, adjusted.mean)).toBeLessThan(
      0.8 * absoluteError(plain.actual, plain.mean),
    );
    // 2025-12-25 is the 12th point of the first fold.
    expect(adjusted.mean[11]).toBeLessThan(0.6 * adjusted.mean[4]);
  });

  test("a calendar column with no occurrence before a fold's origin has no effect in that fold", () => {
    // A user event on 2026-01-05 only: in the last fold's horizon, before neither origin.
    const sale = { id: "sale", name: "Sale", market: "*", start: "2026-01-05", end: "2026-01-05" };
    const calendar = { holidays: "none", userEvents: [sale], shoppingDays: false, lead: 0, lag: 0 };
    const input = { values, id: "total", grid: DAILY, start: START };
    const plain = runTask(input, settings);
    const adjusted = runTask(input, { ...settings, calendar });
    expect(adjusted.models[0].mean).toEqual(plain.models[0].mean);
    expect(adjusted.models[0].lower).toEqual(plain.models[0].lower);
    expect(adjusted.warnings).toBeUndefined();
  });

  test("without calendar settings, or without the series' id, grid and start, nothing changes", () => {
    const bare = runTask({ values }, settings);
    const withId = runTask({ values, id: "geo=DE", grid: DAILY, start: START }, settings);
    expect(withId).toEqual(bare);
    expect(bare.models[0].descriptions[0]).not.toContain("events");
  });

  test("an id without geo=XX under --holidays auto is warned about", () => {
    const calendar = { holidays: "auto", userEvents: [], shoppingDays: true, lead: 0, lag: 0 };
    const result = runTask({ values, id: "total", grid: DAILY, start: START }, { ...settings, calendar });
    expect(result.warnings).toEqual([expect.stringContaining("no geo=XX in the id")]);
  });
});
