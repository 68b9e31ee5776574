import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";

// One demo store for the whole file: 30 days of logs, forecast runs and queries against it in order.
let dir: string;
let cleanup: () => void;
let store: string;

async function ok(args: string[]) {
  const result = await cli(["--store", store, ...args]);
  expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
  return result;
}

async function query(...args: string[]) {
  return JSON.parse((await ok(["query", "--json", ...args])).stdout);
}

/** Three days inside every run's horizon. */
const DAYS = ["--start", "2026-11-02", "--end", "2026-11-04"];

const SMALL_RUN = ["forecast", "--horizon", "168", "--paths", "200", "--history-days", "30"];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  store = join(dir, "data");
  await ok(["demo", "--logs-only", "--days", "30", "--scale", "4000", "--seed", "5", "--end", "2026-11-01"]);
});
afterAll(() => cleanup());

describe("avails forecast (the store) and avails query", () => {
  it("refuses a query before any run is published, and file-only flags without --input", async () => {
    const none = await cli(["--store", store, "query", "--start", "2026-11-02", "--end", "2026-11-03"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no published forecast run/);
    const freq = await cli(["--store", store, "forecast", "--freq", "hourly"]);
    expect(freq.code).toBe(1);
    expect(freq.stderr).toMatch(/--freq: only with --input/);
    const model = await cli(["--store", store, ...SMALL_RUN, "--model", "median(theta, prophet)"]);
    expect(model.code).toBe(1);
    expect(model.stderr).toContain('--model: "median(theta, prophet)": "prophet" is not one of auto,');
  });

  it("forecasts every level, publishes the run, and answers coherent avails with quantiles", async () => {
    const run = JSON.parse((await ok([...SMALL_RUN, "--json"])).stdout);
    expect(run.run_id).toBe("r000001");
    expect(run.published).toBe(true);
    expect(run.horizon).toBe(168);
    // total + 10 geos + 5 devices + their 50 crossings (the demo's cells).
    expect(run.leaves).toBe(50);
    expect(run.series).toBe(66);
    // The demo's campaigns that delivered in the history get impressions and spend forecasts.
    expect(run.campaigns).toBeGreaterThan(0);

    const total = await query(...DAYS);
    expect(total.run_id).toBe("r000001");
    expect(total.intervals).toHaveLength(3);
    for (const interval of total.intervals) {
      const { matched, available, possible } = interval;
      expect(matched.p10).toBeLessThanOrEqual(matched.p50);
      expect(matched.p50).toBeLessThanOrEqual(matched.p90);
      expect(matched.p90 - matched.p10).toBeGreaterThan(0);
      expect(available.mean).toBeLessThanOrEqual(matched.mean + 1e-6);
      expect(possible.mean).toBeGreaterThanOrEqual(available.mean - 1e-6);
    }
    const days = total.intervals.reduce(
      (s: number, i: { matched: { mean: number } }) => s + i.matched.mean,
      0,
    );
    expect(total.total.matched.mean).toBeCloseTo(days, 3);

    // Coherent: the geos' means add up to the total; their P90s add up to more than the total's P90.
    const geos = ["AU", "BR", "DE", "FR", "GB", "IN", "JP", "MX", "SE", "US"];
    let means = 0;
    let p90s = 0;
    for (const geo of geos) {
      const one = await query(...DAYS, "--geo", geo);
      means += one.total.matched.mean;
      p90s += one.total.matched.p90;
    }
    expect(means / total.total.matched.mean).toBeCloseTo(1, 9);
    expect(p90s).toBeGreaterThan(total.total.matched.p90);
  });

  it("counts a booked campaign as booked and contending, and takes it off available", async () => {
    const before = await query(...DAYS, "--geo", "SE", "--device", "mobile");
    const goal = Math.round(before.total.matched.mean / 2);
    await ok([
      "campaigns",
      "add",
      "--id",
      "half-se",
      "--name",
      "Half of SE mobile",
      "--targeting",
      "geo=SE",
      "--targeting",
      "device=mobile",
      ...DAYS,
      "--goal",
      String(goal),
      "--priority",
      "guaranteed",
    ]);
    const after = await query(...DAYS, "--geo", "SE", "--device", "mobile");
    expect(after.total.booked.mean).toBeCloseTo(goal, 0);
    expect(after.total.available.mean).toBeCloseTo(after.total.matched.mean - goal, 0);
    expect(after.contending.map((c: { campaign_id: string }) => c.campaign_id)).toContain("half-se");
    // A standard booking cannot take from the guaranteed campaign: possible equals available for it.
    const standard = await query(...DAYS, "--geo", "SE", "--device", "mobile", "--priority", "standard");
    expect(standard.total.possible.mean).toBeCloseTo(standard.total.available.mean, 0);
    const text = await ok(["query", ...DAYS, "--geo", "SE", "--breakdown"]);
    expect(text.stdout).toMatch(/^interval +matched +booked +available +possible$/m);
    expect(text.stdout).toMatch(/^geo=SE /m);
    expect(text.stdout).toContain("half-se (guaranteed)");
  });

  it("gives the same numbers for the same data, config and seed", async () => {
    const again = JSON.parse((await ok([...SMALL_RUN, "--no-publish", "--json"])).stdout);
    expect(again.published).toBe(false);
    const first = JSON.parse((await ok(["runs", "show", "r000001", "--json"])).stdout);
    const second = JSON.parse((await ok(["runs", "show", again.run_id, "--json"])).stdout);
    expect(second.summary.levels).toEqual(first.summary.levels);
    expect(second.status).toBe("pending");
  });

  it("applies an adjustment, gates a run that moves a level too far, and rolls back", async () => {
    const base = await query(...DAYS, "--geo", "SE");
    await ok([
      "adjustments",
      "add",
      "--targeting",
      "geo=SE",
      "--start",
      "2026-11-01",
      "--end",
      "2026-11-10",
      "--percent",
      "50",
    ]);
    const adjusted = JSON.parse((await ok([...SMALL_RUN, "--json"])).stdout);
    expect(adjusted.published).toBe(true);
    expect(adjusted.adjustments[0].series).toBe(5);
    const up = await query(...DAYS, "--geo", "SE");
    expect(up.run_id).toBe(adjusted.run_id);
    expect(up.total.matched.mean / base.total.matched.mean).toBeCloseTo(1.5, 6);

    // Quadrupling everything moves every level's total past the 50% the gate allows.
    await ok(["adjustments", "add", "--start", "2026-11-01", "--end", "2026-11-10", "--percent", "300"]);
    const refused = await cli(["--store", store, ...SMALL_RUN]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /r000004 not published, a gate failed: level_shift: level "total" total moved \+300/,
    );
    const list = JSON.parse((await ok(["runs", "list", "--json"])).stdout);
    expect(list[0].status).toBe("rejected");
    const still = await query(...DAYS, "--geo", "SE");
    expect(still.run_id).toBe(adjusted.run_id);

    await ok(["runs", "rollback"]);
    const back = await query(...DAYS, "--geo", "SE");
    expect(back.run_id).toBe("r000001");
    expect(back.total.matched).toEqual(base.total.matched);
  });

  it("names the flag of a bad query", async () => {
    const outside = await cli(["--store", store, "query", "--start", "2027-03-01", "--end", "2027-03-02"]);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/--end: 2027-03-02 runs past the forecast/);
    const missing = await cli(["--store", store, "query", "--end", "2026-11-02"]);
    expect(missing.stderr).toMatch(/--start: required/);
    const unknown = await cli([
      "--store",
      store,
      "query",
      "--start",
      "2026-11-02",
      "--end",
      "2026-11-02",
      "--geo",
      "XX",
    ]);
    expect(unknown.stderr).toMatch(/--targeting: geo=XX not in the forecast/);
    const granularity = await cli([
      "--store",
      store,
      "query",
      "--start",
      "2026-11-02",
      "--end",
      "2026-11-02",
      "--granularity",
      "month",
    ]);
    expect(granularity.stderr).toMatch(/--granularity: "month" is not one of hour, day, week/);
  });
});
