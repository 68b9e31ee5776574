import { parseSeriesKey } from "../forecast/reconcile/parse-series-key.js";
import { periodBounds } from "../pacing/period-bounds.js";
import type { PublishedForecast } from "../run/published-forecast.js";
import { HOUR_MS, parseIsoDate } from "../series/civil-date.js";
import { localDate } from "../series/zoned-time.js";
import type { LevelsAnswer } from "./schemas/levels.js";

/**
 * What a published run forecasts: its levels with their series keys, each dimension's values, and the first
 * and last whole days of its horizon in the reporting time zone (the days /v1/forecasts and /v1/avails take).
 *
 * @example
 * forecastLevels(forecast, "UTC").levels[1]; // { name: "geo", dimensions: ["geo"], keys: ["geo=NO", "geo=SE"] }
 */
export function forecastLevels(forecast: PublishedForecast, timeZone: string): LevelsAnswer {
  const { hierarchy, manifest } = forecast;
  const grid = { start: manifest.start, hours: manifest.horizon };
  const fits = (day: string) => {
    try {
      periodBounds(grid, day, day, "day", timeZone);
      return true;
    } catch {
      return false;
    }
  };
  const shift = (day: string, by: number) =>
    new Date((parseIsoDate(day) + by) * 86_400_000).toISOString().slice(0, 10);
  let start = localDate(grid.start, timeZone);
  if (!fits(start)) start = shift(start, 1);
  let end = localDate(grid.start + grid.hours * HOUR_MS - 1, timeZone);
  if (!fits(end)) end = shift(end, -1);
  const values = new Map<string, Set<string>>();
  for (const leaf of hierarchy.leafKeys) {
    for (const [name, value] of parseSeriesKey(leaf)) {
      const set = values.get(name) ?? new Set<string>();
      set.add(value);
      values.set(name, set);
    }
  }
  return {
    run_id: forecast.runId,
    time_zone: timeZone,
    first_hour: new Date(grid.start).toISOString(),
    hours: grid.hours,
    start,
    end,
    levels: hierarchy.levels.map((level) => ({
      name: level.name,
      dimensions: [...level.dimensions],
      keys: hierarchy.keys.slice(level.start, level.start + level.count).sort(),
    })),
    dimensions: [...values].map(([name, set]) => ({ name, values: [...set].sort() })),
  };
}
