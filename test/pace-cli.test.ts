import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openStore } from "../src/store/duckdb-store.js";
import { cli, defaultConfig, tempDir } from "./helpers.js";

const { dir, cleanup } = tempDir("avails-pace-cli-");
const store = join(dir, "store");
afterAll(cleanup);

const STATES = ["on track", "behind", "ahead", "at risk", "done"];

async function avails(...args: string[]) {
  return cli(["--store", store, ...args]);
}

/** Impressions of a campaign in the store's campaign level, hours in [start, end). */
async function storedImpressions(id: string, start: number, end: number): Promise<number> {
  const s = await openStore(store, defaultConfig, { readOnly: true });
  try {
    const slice = await s.cube({ level: "campaign", measure: "impressions", start, end });
    const key = slice.keys.indexOf(`campaign=${id}`);
    let sum = 0;
    for (let i = 0; i < slice.value.length; i++) if (slice.keyIndex[i] === key) sum += slice.value[i];
    return sum;
  } finally {
    await s.close();
  }
}

describe("avails pace", () => {
  beforeAll(async () => {
    const demo = await avails(
      "demo",
      "--logs-only",
      "--days",
      "21",
      "--scale",
      "8000",
      "--seed",
      "3",
      "--end",
      "2026-11-01",
    );
    expect(demo.code).toBe(0);
    expect((await avails("pace")).stderr).toContain("no published forecast run");
    expect((await avails("forecast")).code).toBe(0);
    const book = (...args: string[]) => avails("campaigns", "add", ...args);
    // c19 runs across the end of the data into the forecast; c13 ended; c90 has not started.
    expect(
      (
        await book(
          "--id",
          "c19",
          "--name",
          "C19",
          "--start",
          "2026-10-18",
          "--end",
          "2026-11-07",
          "--goal",
          "60000",
          "--priority",
          "guaranteed",
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await book(
          "--id",
          "c06",
          "--name",
          "C06",
          "--targeting",
          "geo=SE",
          "--start",
          "2026-10-11",
          "--end",
          "2026-11-03",
          "--goal",
          "400000",
          "--priority",
          "standard",
          "--pacing",
          "asap",
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await book(
          "--id",
          "c13",
          "--name",
          "C13",
          "--start",
          "2026-10-11",
          "--end",
          "2026-10-20",
          "--goal",
          "5000",
          "--priority",
          "house",
        )
      ).code,
    ).toBe(0);
    // A Stockholm flight over the DST change of 2026-10-25 (a 25-hour day), frontloaded, with a daily cap.
    const stockholm = await book(
      ...["--id", "c25", "--name", "C25", "--start", "2026-10-24", "--end", "2026-11-04"],
      ...["--time-zone", "Europe/Stockholm", "--goal", "6000", "--priority", "standard"],
      ...["--pacing", "frontloaded", "--frontload-percent", "30", "--daily-cap", "700"],
    );
    expect(stockholm.stderr).toBe("");
    expect(stockholm.code).toBe(0);
    expect(
      (
        await book(
          "--id",
          "c90",
          "--name",
          "C90",
          "--start",
          "2026-11-20",
          "--end",
          "2026-11-25",
          "--goal",
          "5000",
          "--priority",
          "house",
        )
      ).code,
    ).toBe(0);
  });

  test("avails pace --json paces every live campaign with the store's delivery and a throttle in [0, 1]", async () => {
    const result = await avails("pace", "--json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.at).toBe("2026-11-01T00:00:00.000Z");
    expect(report.run_id).toBe("r000001");
    expect(report.campaigns.map((c: { campaign_id: string }) => c.campaign_id).sort()).toEqual([
      "c06",
      "c19",
      "c25",
    ]);
    const c19 = report.campaigns.find((c: { campaign_id: string }) => c.campaign_id === "c19");
    expect(c19.flight).toEqual({
      start: "2026-10-18",
      end: "2026-11-07",
      time_zone: "UTC",
      hours: 504,
      elapsed_hours: 336,
    });
    expect(c19.delivered_to_date).toBe(
      await storedImpressions("c19", Date.UTC(2026, 9, 18), Date.UTC(2026, 10, 1)),
    );
    expect(c19.delivered_to_date).toBeGreaterThan(0);
    expect(c19.pacing_index).toBeCloseTo(c19.delivered_to_date / c19.planned_to_date, 12);
    expect(c19.throttle).toBeGreaterThan(0);
    expect(c19.throttle).toBeLessThanOrEqual(1);
    expect(c19.next_hour).toBe("2026-11-01T00:00:00.000Z");
    expect(c19.projected.p10).toBeLessThanOrEqual(c19.projected.p90);
    expect(c19.projected.p90).toBeLessThanOrEqual(60_000);
    expect(STATES).toContain(c19.state);
    expect(c19.supply).toEqual({ forecast_hours: 168, actual_hours: 336, extended_hours: 0 });
    expect(c19.burst.window_minutes).toBe(5);
    expect(c19.burst.peak).toBeGreaterThan(0);
    // An ASAP goal far beyond SE's supply: flagged before and during the flight.
    const c06 = report.campaigns.find((c: { campaign_id: string }) => c.campaign_id === "c06");
    expect(c06.plan.feasible).toBe(false);
    expect(c06.plan.shortfall).toBeGreaterThan(0);
    expect(c06.state).toBe("at risk");
    expect(c06.under_delivery_probability).toBe(1);
  });

  test("avails pace follows the campaign's time zone over a DST day, its frontloaded plan and its daily cap", async () => {
    const c25 = JSON.parse((await avails("pace", "c25", "--json")).stdout).campaigns[0];
    // 12 local days, one of 25 hours; 2026-11-01T00:00Z is 01:00 in Stockholm on day 9.
    expect(c25.flight).toEqual({
      start: "2026-10-24",
      end: "2026-11-04",
      time_zone: "Europe/Stockholm",
      hours: 12 * 24 + 1,
      elapsed_hours: 8 * 24 + 1 + 1,
    });
    expect(c25.pacing).toBe("frontloaded");
    expect(c25.delivered_to_date).toBe(
      await storedImpressions("c25", Date.UTC(2026, 9, 23, 22), Date.UTC(2026, 10, 1)),
    );
    // Frontloaded runs ahead of even: more than 8.04 / 12 of the goal planned by now, and within the caps.
    expect(c25.planned_to_date).toBeGreaterThan((6000 * (8 * 24 + 2)) / (12 * 24 + 1));
    expect(c25.planned_to_date).toBeLessThanOrEqual(700 * 9);
    expect(c25.throttle).toBeGreaterThanOrEqual(0);
    expect(c25.throttle).toBeLessThanOrEqual(1);
  });

  test("avails pace CAMPAIGN shows a finished or future campaign; --at moves the moment", async () => {
    const done = JSON.parse((await avails("pace", "c13", "--json")).stdout).campaigns[0];
    expect(done.state).toBe("done");
    expect(done.throttle).toBeNull();
    expect(done.flight.elapsed_hours).toBe(done.flight.hours);
    const early = JSON.parse((await avails("pace", "c19", "--json", "--at", "2026-10-25T12:30:00Z")).stdout);
    expect(early.at).toBe("2026-10-25T12:00:00.000Z");
    expect(early.campaigns[0].flight.elapsed_hours).toBe(7 * 24 + 12);
    expect(early.campaigns[0].delivered_to_date).toBe(
      await storedImpressions("c19", Date.UTC(2026, 9, 18), Date.UTC(2026, 9, 25, 12)),
    );
    const future = JSON.parse((await avails("pace", "c90", "--json")).stdout).campaigns[0];
    expect(future.flight.elapsed_hours).toBe(0);
    expect(future.delivered_to_date).toBe(0);
    expect(future.burst).toBeNull();
  });

  test("avails pace prints a table with every live campaign", async () => {
    const result = await avails("pace");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("pacing at 2026-11-01T00:00:00.000Z (run r000001)");
    expect(lines[1]).toMatch(/^campaign\s+state\s+delivered\s+planned\s+index\s+goal/);
    expect(lines.some((l) => l.startsWith("c19 "))).toBe(true);
    expect(result.stdout).toMatch(/c06: the plan cannot carry the goal, short by [\d,]+/);
  });

  test("avails pace refuses bad input naming it", async () => {
    expect((await avails("pace", "nope")).stderr).toContain('campaign: no campaign has the id "nope"');
    expect((await avails("pace", "--at", "yesterday")).stderr).toContain('--at: "yesterday" is not a time');
    expect((await avails("pace", "--window", "0")).stderr).toContain(
      '--window: "0" is not a number of minutes',
    );
    expect((await avails("pace", "--window", "61")).code).toBe(1);
  });
});
