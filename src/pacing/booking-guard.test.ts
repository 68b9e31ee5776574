import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig, tempDir } from "../../test/helpers.js";
import { steadyForecast } from "../../test/steady-traffic.js";
import type { Campaign } from "../store/campaign.js";
import { validateCampaign } from "../store/validate-campaign.js";
import { answerAvails, availsContext } from "./avails.js";
import { checkBooking, type GuardForecast } from "./booking-guard.js";

// A real store: four weeks of steady hourly traffic in four cells (SE|NO x mobile|ctv), forecast 96 hours
// (2026-10-29..2026-11-01 UTC) with 200 sample paths and published.
let dir: string;
let cleanup: () => void;
let forecast: GuardForecast;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("avails-guard-"));
  const published = await steadyForecast(dir);
  forecast = {
    runId: published.runId,
    paths: published.paths,
    leafKeys: published.manifest.leafKeys,
    start: published.manifest.start,
  };
});
afterAll(() => cleanup());

const SE_MOBILE = { geo: ["SE"], device: ["mobile"] };
const FLIGHT = { start: "2026-10-29", end: "2026-11-01" };

function campaign(id: string, patch: Record<string, unknown> = {}): Campaign {
  return validateCampaign(
    {
      id,
      name: id,
      targeting: SE_MOBILE,
      ...FLIGHT,
      goal_impressions: 1000,
      priority: "guaranteed",
      ...patch,
    },
    defaultConfig,
  );
}

/** P-quantile of what is left of the targeting for a guaranteed booking, as the avails query answers it. */
function availableAt(
  probability: number,
  booked: Campaign[],
  targeting: Record<string, string[]> = SE_MOBILE,
): number {
  const context = availsContext(
    forecast.runId,
    forecast.paths,
    forecast.leafKeys,
    forecast.start,
    booked,
    defaultConfig,
  );
  const report = answerAvails(context, {
    ...FLIGHT,
    targeting,
    priority: "standard",
    quantiles: [probability],
  });
  return report.total.possible[`p${Math.round(probability * 100)}`];
}

describe("checkBooking(candidate, booked, forecast, config, confidence)", () => {
  it("fits a goal below P20 of available, spreading it over the flight days by traffic", () => {
    const p20 = availableAt(0.2, []);
    const check = checkBooking(campaign("fit", { goal_impressions: 30_000 }), [], forecast, defaultConfig);
    expect(check.verdict).toBe("fits");
    expect(check.quantile).toBe("p20");
    expect(check.checked).toEqual(FLIGHT);
    expect(check.bookable).toBe(Math.round(p20));
    expect(check.bookable).toBeLessThan(check.bookable_mean);
    expect(check.shortfall).toBe(0);
    expect(check.days.map((d) => d.day)).toEqual(["2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01"]);
    expect(check.days.reduce((s, d) => s + d.want, 0)).toBeCloseTo(30_000, -1);
    expect(check.days.every((d) => d.shortfall === 0 && d.available < d.available_mean)).toBe(true);
    expect(check.reason).toMatch(/^fits: goal 30,000 within [\d,]+ available at P20 \(confidence 80%\)/);
  });

  it("refuses an overbooking goal with the shortfall per day and the contending guaranteed campaigns", () => {
    // SE|mobile has about 9,700 a day; g1 takes 30,000 of the four days, a house campaign all the rest.
    const booked = [
      campaign("g1", { goal_impressions: 30_000 }),
      campaign("h1", { targeting: { geo: ["SE"] }, goal_impressions: 60_000, priority: "house" }),
    ];
    const left = availableAt(0.2, booked, { geo: ["SE"] });
    const check = checkBooking(
      campaign("g2", { targeting: { geo: ["SE"] }, goal_impressions: 25_000 }),
      booked,
      forecast,
      defaultConfig,
    );
    expect(check.verdict).toBe("short");
    // House campaigns yield to a guaranteed booking: what is left is SE's supply less g1's 30,000.
    expect(check.bookable).toBe(Math.round(left));
    expect(check.bookable).toBeGreaterThan(15_000);
    expect(check.bookable).toBeLessThan(20_000);
    expect(check.shortfall).toBe(Math.ceil(25_000 - left));
    expect(check.days).toHaveLength(4);
    for (const day of check.days) {
      expect(day.shortfall).toBeGreaterThan(0);
      expect(day.shortfall).toBeCloseTo(day.want - day.available, -1);
    }
    expect(check.contending).toEqual([{ campaign_id: "g1", priority: "guaranteed", impressions: 30_000 }]);
    expect(check.reason).toMatch(/^short by [\d,]+ of a goal of 25,000: [\d,]+ available at P20/);
  });

  it("leaves the campaign itself out of what is booked, so an update is not counted against itself", () => {
    const stored = campaign("g1", { goal_impressions: 30_000 });
    const larger = campaign("g1", { goal_impressions: 35_000 });
    expect(checkBooking(larger, [stored], forecast, defaultConfig).verdict).toBe("fits");
    const other = campaign("other", { goal_impressions: 35_000 });
    expect(checkBooking(other, [stored], forecast, defaultConfig).verdict).toBe("short");
  });

  it("books against a lower quantile the higher the confidence, and names a bad confidence", () => {
    const goal = campaign("c", { goal_impressions: 30_000 });
    const at = (confidence: number) => checkBooking(goal, [], forecast, defaultConfig, confidence).bookable;
    expect(at(95)).toBeLessThan(at(80));
    expect(at(80)).toBeLessThan(at(50));
    expect(at(95)).toBe(Math.round(availableAt(0.05, [])));
    expect(checkBooking(goal, [], forecast, defaultConfig, 90).quantile).toBe("p10");
    for (const bad of [0, 100, 12.5]) {
      expect(() => checkBooking(goal, [], forecast, defaultConfig, bad)).toThrow(
        `confidence: expected a whole percentage 1-99, got ${bad}`,
      );
    }
  });

  it("holds each day to the daily cap: a goal that fits the flight can be short on the days others fill", () => {
    // g1 takes 15,000 of about 19,400 on Oct 29-30, leaving some 2,200 a day there.
    const booked = [campaign("g1", { start: "2026-10-29", end: "2026-10-30", goal_impressions: 15_000 })];
    const free = campaign("free", { goal_impressions: 20_000 });
    expect(checkBooking(free, booked, forecast, defaultConfig).verdict).toBe("fits");
    const capped = checkBooking(
      campaign("capped", { goal_impressions: 20_000, daily_cap: 5000 }),
      booked,
      forecast,
      defaultConfig,
    );
    expect(capped.verdict).toBe("short");
    const [d1, d2, d3, d4] = capped.days;
    expect(d1.shortfall).toBeGreaterThan(2000);
    expect(d2.shortfall).toBeGreaterThan(2000);
    expect([d3.shortfall, d4.shortfall]).toEqual([0, 0]);
    expect(capped.days.every((d) => d.want <= 5000)).toBe(true);
    // Capped days count the cap at most: the flight can take two capped days plus what Oct 29-30 have left.
    expect(capped.bookable).toBeCloseTo(10_000 + d1.available + d2.available, -1);
  });

  it("reads the flight's days in the campaign's time zone, prorating the goal to the days inside the forecast", () => {
    // The forecast runs 2026-10-29T00:00Z to 2026-11-02T00:00Z: Tokyo's whole days are Oct 30 to Nov 1.
    const tokyo = checkBooking(
      campaign("t", { time_zone: "Asia/Tokyo", goal_impressions: 4000 }),
      [],
      forecast,
      defaultConfig,
    );
    expect(tokyo.checked).toEqual({ start: "2026-10-30", end: "2026-11-01" });
    expect(tokyo.goal_checked).toBe(3000);
    expect(tokyo.reason).toContain("(Asia/Tokyo), the flight's days inside the forecast, goal prorated");
    // Los Angeles: Nov 1 2026 has 25 hours (daylight saving ends); only Oct 31 is inside: 24 of 49 hours.
    const la = checkBooking(
      campaign("la", {
        time_zone: "America/Los_Angeles",
        start: "2026-10-31",
        end: "2026-11-01",
        goal_impressions: 4900,
      }),
      [],
      forecast,
      defaultConfig,
    );
    expect(la.checked).toEqual({ start: "2026-10-31", end: "2026-10-31" });
    expect(la.goal_checked).toBe(2400);
  });

  it("cannot check a flight past the horizon, a targeting the forecast lacks, or without a published run", () => {
    const later = checkBooking(
      campaign("l", { start: "2026-11-10", end: "2026-11-12" }),
      [],
      forecast,
      defaultConfig,
    );
    expect(later.verdict).toBe("cannot_check");
    expect(later.reason).toMatch(
      /lies outside the forecast's whole days 2026-10-29..2026-11-01 .*longer --horizon/,
    );
    const nowhere = checkBooking(campaign("x", { targeting: { geo: ["DK"] } }), [], forecast, defaultConfig);
    expect(nowhere.verdict).toBe("cannot_check");
    expect(nowhere.reason).toContain("geo=DK not in the forecast");
    const none = checkBooking(campaign("n"), [], null, defaultConfig);
    expect(none.verdict).toBe("cannot_check");
    expect(none.reason).toContain("no published forecast run to check against: run `avails forecast` first");
  });

  it("does not guard standard and house campaigns, nor a flight that ended before the forecast", () => {
    const standard = checkBooking(
      campaign("s", { priority: "standard", goal_impressions: 10_000_000 }),
      [],
      forecast,
      defaultConfig,
    );
    expect([standard.verdict, standard.reason]).toEqual([
      "not_guarded",
      "standard campaigns are not guarded (only guaranteed ones are)",
    ]);
    const past = checkBooking(
      campaign("p", { start: "2026-10-01", end: "2026-10-28", goal_impressions: 10_000_000 }),
      [],
      forecast,
      defaultConfig,
    );
    expect(past.verdict).toBe("not_guarded");
    expect(past.reason).toMatch(
      /^the flight ends before the forecast's whole days .*: nothing left to book$/,
    );
  });
});
