import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import { normalizeTargeting, validateCampaign } from "./validate-campaign.js";

const config = parseConfig({}, "test");
const base = {
  id: "c1",
  name: "Spring",
  targeting: { geo: ["se", "NO"], device: ["Mobile"] },
  start: "2026-12-01",
  end: "2026-12-14",
  goal_impressions: 50_000,
  priority: "guaranteed",
};

describe("validateCampaign(input, config)", () => {
  it("normalises targeting to the configured case and fills pacing and optional fields", () => {
    expect(validateCampaign(base, config)).toEqual({
      id: "c1",
      name: "Spring",
      advertiser: null,
      targeting: { geo: ["SE", "NO"], device: ["mobile"] },
      start: "2026-12-01",
      end: "2026-12-14",
      time_zone: "UTC",
      priority: "guaranteed",
      pacing: "even",
      frontload_percent: null,
      goal_impressions: 50_000,
      budget_micros: null,
      cpm_micros: null,
      daily_cap: null,
    });
  });

  it("defaults the flight time zone to the reporting one and spells a given one canonically", () => {
    const stockholm = parseConfig({ timeZone: "Europe/Stockholm" }, "test");
    expect(validateCampaign(base, stockholm).time_zone).toBe("Europe/Stockholm");
    expect(validateCampaign({ ...base, time_zone: "america/new_york" }, stockholm).time_zone).toBe(
      "America/New_York",
    );
  });

  it("derives the goal from a budget and CPM as floor(budget x 1000 / cpm), keeping both", () => {
    const { goal_impressions: _, ...byBudget } = base;
    const c = validateCampaign({ ...byBudget, budget_micros: 5_000_000_000, cpm_micros: 12_500_000 }, config);
    expect([c.goal_impressions, c.budget_micros, c.cpm_micros]).toEqual([400_000, 5_000_000_000, 12_500_000]);
    // 1000 / 3 = 333.3 impressions: floor, never more than the budget pays for.
    expect(
      validateCampaign({ ...byBudget, budget_micros: 1_000_000, cpm_micros: 3_000_000 }, config),
    ).toMatchObject({ goal_impressions: 333 });
    // A stored record carries both; they must agree.
    expect(validateCampaign({ ...c }, config)).toEqual(c);
  });

  it("takes frontloaded pacing with a percentage, and a daily cap the flight can carry", () => {
    const c = validateCampaign(
      { ...base, pacing: "frontloaded", frontload_percent: 25, daily_cap: 4000 },
      config,
    );
    expect([c.pacing, c.frontload_percent, c.daily_cap]).toEqual(["frontloaded", 25, 4000]);
    expect(validateCampaign({ ...base, pacing: "asap" }, config).frontload_percent).toBeNull();
  });

  it("names the field of each broken rule through the label", () => {
    const label = (f: string) => `--${f}`;
    const bad = (patch: Record<string, unknown>) => () =>
      validateCampaign({ ...base, ...patch }, config, label);
    expect(bad({ id: "has space" })).toThrow(/^--id: /);
    expect(bad({ name: " " })).toThrow(/^--name: /);
    expect(bad({ start: "2026-02-30" })).toThrow(/^--start: expected a date/);
    expect(bad({ end: "2026-11-30" })).toThrow("--end: 2026-11-30 is before the start 2026-12-01");
    expect(bad({ goal_impressions: -5 })).toThrow(/^--goal_impressions: expected a whole number/);
    expect(bad({ goal_impressions: 1.5 })).toThrow(/^--goal_impressions: /);
    expect(bad({ priority: "urgent" })).toThrow("--priority: expected one of guaranteed, standard, house");
    expect(bad({ pacing: "slow" })).toThrow('--pacing: expected one of even, frontloaded, asap, got "slow"');
    expect(bad({ cpm_micros: -1 })).toThrow(/^--cpm_micros: expected a whole number of micros >= 0/);
    expect(bad({ cpm_micros: 1.5 })).toThrow(/^--cpm_micros: /);
  });

  it("names the flight time zone that Intl does not know", () => {
    const bad = (time_zone: unknown) => () => validateCampaign({ ...base, time_zone }, config);
    expect(bad("Mars/Olympus")).toThrow(
      'time_zone: expected an IANA time zone (e.g. Europe/Stockholm), got "Mars/Olympus"',
    );
    expect(bad("")).toThrow(/^time_zone: expected an IANA time zone/);
    expect(bad(2)).toThrow(/^time_zone: expected an IANA time zone.*got 2$/);
  });

  it("wants exactly one of goal and budget, a budget with a CPM above 0 that buys something", () => {
    const { goal_impressions: _, ...noGoal } = base;
    const bad = (patch: Record<string, unknown>) => () => validateCampaign({ ...noGoal, ...patch }, config);
    expect(bad({})).toThrow("goal_impressions or budget_micros: one of them is required, got neither");
    expect(bad({ budget_micros: 5_000_000 })).toThrow(
      "cpm_micros: required with budget_micros (the price of the budget)",
    );
    expect(bad({ budget_micros: 5_000_000, cpm_micros: 0 })).toThrow(
      "cpm_micros: must be above 0 with budget_micros",
    );
    expect(bad({ budget_micros: 0, cpm_micros: 1 })).toThrow(
      /^budget_micros: expected a whole number of micros >= 1/,
    );
    expect(bad({ budget_micros: "5", cpm_micros: 1 })).toThrow(/^budget_micros: expected a whole number/);
    expect(bad({ budget_micros: 999, cpm_micros: 1_000_000 })).toThrow(
      "budget_micros: 999 micros buys no impression at a CPM of 1000000 micros",
    );
    expect(bad({ goal_impressions: 10, budget_micros: 5_000_000, cpm_micros: 1_000_000 })).toThrow(
      "goal_impressions and budget_micros: give one of them, not both (the budget buys 5000, the goal says 10)",
    );
  });

  it("wants a frontload percentage 1-100 with frontloaded pacing only", () => {
    const bad = (patch: Record<string, unknown>) => () => validateCampaign({ ...base, ...patch }, config);
    expect(bad({ pacing: "frontloaded" })).toThrow(
      "frontload_percent: expected a whole percentage 1-100 with pacing frontloaded, got nothing",
    );
    expect(bad({ pacing: "frontloaded", frontload_percent: 0 })).toThrow(/^frontload_percent: .* got 0$/);
    expect(bad({ pacing: "frontloaded", frontload_percent: 101 })).toThrow(/^frontload_percent: .* got 101$/);
    expect(bad({ pacing: "frontloaded", frontload_percent: 12.5 })).toThrow(
      /^frontload_percent: .* got 12.5$/,
    );
    expect(bad({ pacing: "even", frontload_percent: 25 })).toThrow(
      "frontload_percent: only with pacing frontloaded (pacing is even)",
    );
  });

  it("wants a daily cap >= 1 that the flight's days can carry the goal with", () => {
    const bad = (patch: Record<string, unknown>) => () => validateCampaign({ ...base, ...patch }, config);
    expect(bad({ daily_cap: 0 })).toThrow(
      /^daily_cap: expected a whole number of impressions a day >= 1, got 0$/,
    );
    expect(bad({ daily_cap: "100" })).toThrow(/^daily_cap: /);
    // 14 days x 3000 = 42,000 < 50,000.
    expect(bad({ daily_cap: 3000 })).toThrow(
      "daily_cap: 3000 a day over 14 flight day(s) carries at most 42000, less than the goal of 50000",
    );
    expect(validateCampaign({ ...base, daily_cap: 3572 }, config).daily_cap).toBe(3572);
  });

  it("takes a one-day flight (end equal to start)", () => {
    expect(validateCampaign({ ...base, end: base.start }, config).end).toBe("2026-12-01");
  });
});

describe("normalizeTargeting(value, config)", () => {
  it("orders dimensions as configured and drops duplicate values after case normalisation", () => {
    expect(normalizeTargeting({ device: ["Mobile", "mobile"], geo: ["se"] }, config)).toEqual({
      geo: ["SE"],
      device: ["mobile"],
    });
  });

  it("treats an empty object as all inventory", () => {
    expect(normalizeTargeting({}, config)).toEqual({});
  });

  it("names an unknown dimension and lists the configured ones", () => {
    expect(() => normalizeTargeting({ country: ["SE"] }, config)).toThrow(
      'targeting: unknown dimension "country" (configured: geo, device, content)',
    );
  });

  it("rejects an empty value list, a non-text value and a non-object", () => {
    expect(() => normalizeTargeting({ geo: [] }, config)).toThrow(
      /^targeting\.geo: expected a non-empty list/,
    );
    expect(() => normalizeTargeting({ geo: [3] }, config)).toThrow(
      /^targeting\.geo: expected non-empty texts/,
    );
    expect(() => normalizeTargeting(["geo"], config)).toThrow(/^targeting: expected an object/);
  });
});
