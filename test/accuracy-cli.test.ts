import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";

// One demo store: runs as of two past days score against the days the store holds after them; then more
// traffic for one geo than any run expected raises a drift alarm for it.
let dir: string;
let cleanup: () => void;
let store: string;

async function ok(args: string[]) {
  const result = await cli(["--store", store, ...args]);
  expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
  return result;
}

async function accuracy(...args: string[]) {
  return JSON.parse((await ok(["accuracy", "--json", ...args])).stdout);
}

const RUN = ["forecast", "--horizon", "48", "--paths", "100", "--history-days", "15", "--force"];
type Cell = {
  level: string;
  horizon: string;
  points: number;
  actual: number;
  bias: number;
  wape: number;
  coverage80: number;
  coverage80StandardError: number | null;
};

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  store = join(dir, "data");
  await ok(["demo", "--logs-only", "--days", "30", "--scale", "4000", "--seed", "5", "--end", "2026-11-01"]);
});
afterAll(() => cleanup());

describe("avails accuracy", () => {
  it("has nothing to score before a run, and names a bad --window", async () => {
    const live = await accuracy();
    expect(live.cells).toEqual([]);
    expect(live.alarms).toEqual([]);
    expect(live.window.days).toBe(7);
    expect(JSON.parse((await ok(["status", "--json"])).stdout).alarms).toEqual([]);
    expect((await ok(["status"])).stdout).toMatch(/drift alarms +none/);
    const bad = await cli(["--store", store, "accuracy", "--window", "0"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--window: expected a whole number of days from 1 to 366, got "0"/);
  });

  it("scores published runs by level and horizon on the actuals of the hours after them", async () => {
    await ok([...RUN, "--as-of", "2026-10-28T00:00:00Z"]);
    await ok([...RUN, "--as-of", "2026-10-29T00:00:00Z"]);
    const live = await accuracy();
    const cells: Cell[] = live.cells;
    const firstDay = cells.filter((c) => c.horizon === "hours 1-24");
    expect(firstDay.map((c) => c.level)).toEqual(["total", "geo", "device", "geo_device"]);
    // Two runs × 24 hours × the level's series (1, 10 geos, 5 devices, 50 cells).
    expect(firstDay.map((c) => c.points)).toEqual([48, 480, 240, 2400]);
    // Every level sums the same actuals, and the runs' coherent forecasts have one bias at every level.
    for (const cell of firstDay) {
      expect(cell.actual).toBe(firstDay[0].actual);
      expect(cell.bias).toBeCloseTo(firstDay[0].bias, 9);
      expect(cell.wape).toBeGreaterThan(0);
      expect(cell.wape).toBeLessThan(1);
    }
    expect(firstDay[0].actual).toBeGreaterThan(0);
    // The two runs' first days fall on two reporting days: each coverage has a standard error over them.
    for (const cell of firstDay) {
      expect(cell.coverage80StandardError).toBeGreaterThanOrEqual(0);
      expect(cell.coverage80StandardError).toBeLessThanOrEqual(1);
    }
    // The runs' later days are scored by day.
    expect(cells.some((c) => c.horizon === "days 2-7" && c.points > 0)).toBe(true);
    expect(live.rollingMape.map((r: { level: string }) => r.level)).toEqual([
      "total",
      "geo",
      "device",
      "geo_device",
    ]);
    const text = (await ok(["accuracy"])).stdout;
    expect(text).toMatch(/total\s+hours 1-24\s+48/);
    // Each coverage in the table comes with its standard error in points.
    expect(text).toMatch(/total\s+hours 1-24\s+48\s+(\S+\s+){4}\d+\.\d%±\d+\.\d\s+\d+\.\d%±\d+\.\d\n/);
  });

  it("raises a bias alarm for the geo that got far more traffic than forecast", async () => {
    const lines: string[] = [];
    for (let h = 0; h < 24; h++) {
      const time = new Date(Date.UTC(2026, 9, 29, h, 30)).toISOString();
      lines.push(
        JSON.stringify({
          event_id: `surge-${h}`,
          event_type: "opportunity",
          event_time: time,
          geo: "SE",
          device: "mobile",
          count: 5000,
        }),
      );
    }
    const file = join(dir, "surge.ndjson");
    writeFileSync(file, `${lines.join("\n")}\n`);
    await ok(["ingest", file]);
    const live = await accuracy();
    const se = live.alarms.find((a: { key: string | null }) => a.key === "geo=SE");
    expect(se).toMatchObject({ kind: "bias", level: "geo", hours: 24 });
    expect(se.value).toBeLessThan(-0.15);
    expect(se.message).toMatch(/^geo=SE: forecast \d+\.\d% under the actuals over the last 24 hours/);
    // A geo that got nothing extra stays quiet.
    expect(live.alarms.some((a: { key: string | null }) => a.key === "geo=NO")).toBe(false);
    const text = (await ok(["accuracy"])).stdout;
    expect(text).toMatch(/\d+ drift alarm\(s\):/);
    expect(text).toMatch(/^ {2}geo=SE: forecast \d+\.\d% under/m);
    const status = await ok(["status"]);
    expect(status.stdout).toMatch(/drift alarms +\d+\n {4}.*geo/);
    const statusJson = JSON.parse((await ok(["status", "--json"])).stdout);
    expect(statusJson.alarms.some((a: { key: string | null }) => a.key === "geo=SE")).toBe(true);

    // The next run forecasts the alarmed series with the fallback model (weekly seasonal naive), and says so.
    const run = JSON.parse((await ok([...RUN, "--json"])).stdout);
    expect(run.fallbacks["geo=SE"]).toBe("snaive");
    expect(run.fallbacks["geo=NO"]).toBeUndefined();
    const shown = JSON.parse((await ok(["runs", "show", run.run_id, "--json"])).stdout);
    expect(shown.id).toBe(run.run_id);
  });
});
