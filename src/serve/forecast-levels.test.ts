import { describe, expect, it } from "vitest";
import { buildHierarchy } from "../forecast/reconcile/hierarchy.js";
import type { PublishedForecast } from "../run/published-forecast.js";
import type { RunManifest } from "../run/run-manifest.js";
import { forecastLevels } from "./forecast-levels.js";

const LEVELS = [
  { name: "total", dimensions: [] },
  { name: "geo", dimensions: ["geo"] },
  { name: "geo_device", dimensions: ["geo", "device"] },
];
const LEAVES = ["geo=SE|device=mobile", "geo=NO|device=mobile", "geo=SE|device=desktop"];

/** What forecastLevels reads of a published run: its id, hierarchy, first hour and horizon. */
function run(start: number, horizon: number): PublishedForecast {
  return {
    runId: "r000007",
    hierarchy: buildHierarchy(LEAVES, LEVELS),
    manifest: { start, horizon } as RunManifest,
  } as PublishedForecast;
}

describe("forecastLevels", () => {
  it("forecastLevels(run) lists each level's keys sorted and each dimension's values", () => {
    const answer = forecastLevels(run(Date.UTC(2026, 9, 22), 48), "UTC");
    expect(answer.levels).toEqual([
      { name: "total", dimensions: [], keys: ["total"] },
      { name: "geo", dimensions: ["geo"], keys: ["geo=NO", "geo=SE"] },
      {
        name: "geo_device",
        dimensions: ["geo", "device"],
        keys: ["geo=NO|device=mobile", "geo=SE|device=desktop", "geo=SE|device=mobile"],
      },
    ]);
    expect(answer.dimensions).toEqual([
      { name: "geo", values: ["NO", "SE"] },
      { name: "device", values: ["desktop", "mobile"] },
    ]);
    expect(answer).toMatchObject({ run_id: "r000007", first_hour: "2026-10-22T00:00:00.000Z", hours: 48 });
  });

  it("forecastLevels(run) gives the whole days only: a run starting mid-day begins the next day", () => {
    // 05:00 UTC for 72 hours: 2026-10-22 and 2026-10-25 are partial.
    const answer = forecastLevels(run(Date.UTC(2026, 9, 22, 5), 72), "UTC");
    expect([answer.start, answer.end]).toEqual(["2026-10-23", "2026-10-24"]);
  });

  it("forecastLevels(run) cuts days in the reporting time zone", () => {
    // Local midnight in Stockholm (UTC+2 in October) is 22:00 UTC the day before.
    const stockholm = forecastLevels(run(Date.UTC(2026, 9, 21, 22), 48), "Europe/Stockholm");
    expect([stockholm.start, stockholm.end]).toEqual(["2026-10-22", "2026-10-23"]);
    // The same hours read in UTC start and end mid-day: one whole UTC day.
    const utc = forecastLevels(run(Date.UTC(2026, 9, 21, 22), 48), "UTC");
    expect([utc.start, utc.end]).toEqual(["2026-10-22", "2026-10-22"]);
  });
});
