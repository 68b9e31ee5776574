import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import { validateCampaign } from "../store/validate-campaign.js";
import {
  campaignFromFlags,
  campaignUpdateFromFlags,
  flagLabel,
  parseTargetingFlags,
} from "./campaign-flags.js";

const flags = {
  id: "c1",
  name: "Spring",
  targeting: ["geo=se,NO", "device=mobile"],
  start: "2026-12-01",
  end: "2026-12-14",
  goal: "50000",
  priority: "guaranteed",
};

describe("parseTargetingFlags(values)", () => {
  it("merges repeated flags, a dimension given twice taking the union", () => {
    expect(parseTargetingFlags(["geo=SE,NO", "device=mobile", "geo=DK"])).toEqual({
      geo: ["SE", "NO", "DK"],
      device: ["mobile"],
    });
  });

  it("names the flag and the text that is not dimension=value", () => {
    for (const bad of ["geo", "=SE", "geo=", "geo=SE,,NO"]) {
      expect(() => parseTargetingFlags([bad])).toThrow(
        `--targeting: "${bad}" is not dimension=value[,value...] (or all, alone)`,
      );
    }
  });

  it("reads all, alone, as every value", () => {
    expect(parseTargetingFlags(["all"])).toEqual({});
    expect(() => parseTargetingFlags(["all", "geo=SE"])).toThrow('--targeting: "all" is not dimension=value');
  });
});

describe("campaignFromFlags(flags)", () => {
  it("builds a record that validates, with the goal and CPM parsed", () => {
    const record = campaignFromFlags({ ...flags, cpm: "12.5", pacing: "asap" });
    expect(validateCampaign(record, parseConfig({}, "test"), flagLabel)).toMatchObject({
      targeting: { geo: ["SE", "NO"], device: ["mobile"] },
      goal_impressions: 50_000,
      cpm_micros: 12_500_000,
      pacing: "asap",
    });
  });

  it("takes a budget in currency units with a CPM, a time zone, frontloading and a daily cap", () => {
    const record = campaignFromFlags({
      ...flags,
      goal: undefined,
      budget: "5000",
      cpm: "12.50",
      timeZone: "Europe/Stockholm",
      pacing: "frontloaded",
      frontloadPercent: "25",
      dailyCap: "40000",
    });
    expect(validateCampaign(record, parseConfig({}, "test"), flagLabel)).toMatchObject({
      goal_impressions: 400_000,
      budget_micros: 5_000_000_000,
      cpm_micros: 12_500_000,
      time_zone: "Europe/Stockholm",
      pacing: "frontloaded",
      frontload_percent: 25,
      daily_cap: 40_000,
    });
  });

  it("names a missing or malformed flag", () => {
    expect(() => campaignFromFlags({ ...flags, goal: undefined })).toThrow(
      "--goal or --budget is required (impressions, or a budget with --cpm)",
    );
    expect(() => campaignFromFlags({ ...flags, budget: "10" })).toThrow(
      "--goal and --budget: give one of them, not both",
    );
    expect(() => campaignFromFlags({ ...flags, goal: undefined, budget: "ten" })).toThrow(
      '--budget: "ten" is not a price (e.g. 5000)',
    );
    expect(() => campaignFromFlags({ ...flags, frontloadPercent: "a lot" })).toThrow(
      '--frontload-percent: "a lot" is not a whole number',
    );
    expect(() => campaignFromFlags({ ...flags, dailyCap: "-3" })).toThrow(
      '--daily-cap: "-3" is not a whole number',
    );
    expect(() => campaignFromFlags({ ...flags, dailyCap: "none" })).toThrow(
      '--daily-cap: "none" only with campaigns update',
    );
    expect(() => campaignFromFlags({ ...flags, goal: "-5" })).toThrow('--goal: "-5" is not a whole number');
    expect(() => campaignFromFlags({ ...flags, goal: "1e6" })).toThrow('--goal: "1e6" is not a whole number');
    expect(() => campaignFromFlags({ ...flags, cpm: "cheap" })).toThrow('--cpm: "cheap" is not a price');
  });

  it("lets validation errors name flags, not fields", () => {
    const config = parseConfig({}, "test");
    const record = campaignFromFlags({ ...flags, targeting: ["region=north"] });
    expect(() => validateCampaign(record, config, flagLabel)).toThrow(
      '--targeting: unknown dimension "region"',
    );
    expect(() =>
      validateCampaign({ ...record, targeting: {}, goal_impressions: 0 }, config, flagLabel),
    ).toThrow(/^--goal: /);
    const config2 = parseConfig({}, "test");
    const check = (patch: Record<string, string>) => () =>
      validateCampaign(campaignFromFlags({ ...flags, ...patch }), config2, flagLabel);
    expect(check({ timeZone: "Nowhere/Land" })).toThrow(/^--time-zone: expected an IANA time zone/);
    expect(check({ goal: undefined as unknown as string, budget: "50" })).toThrow(
      "--cpm: required with --budget (the price of the budget)",
    );
    expect(check({ pacing: "frontloaded" })).toThrow(
      /^--frontload-percent: expected a whole percentage 1-100 with --pacing frontloaded/,
    );
    expect(check({ frontloadPercent: "30" })).toThrow(
      "--frontload-percent: only with --pacing frontloaded (pacing is even)",
    );
    expect(check({ dailyCap: "10" })).toThrow(/^--daily-cap: 10 a day over 14 flight day\(s\)/);
  });
});

describe("campaignUpdateFromFlags(stored, flags)", () => {
  const config = parseConfig({}, "test");
  const stored = validateCampaign(campaignFromFlags({ ...flags, cpm: "10" }), config, flagLabel);
  const update = (patch: Parameters<typeof campaignUpdateFromFlags>[1]) =>
    validateCampaign(campaignUpdateFromFlags(stored, patch), config, flagLabel);

  it("changes only the fields given and keeps the rest", () => {
    const next = update({ name: "Spring II", end: "2026-12-20", targeting: ["geo=DK"] });
    expect(next).toEqual({ ...stored, name: "Spring II", end: "2026-12-20", targeting: { geo: ["DK"] } });
    expect(update({ targeting: ["all"] }).targeting).toEqual({});
  });

  it("switches between goal and budget, deriving the goal from the budget and the CPM", () => {
    const byBudget = update({ budget: "1000" });
    expect([byBudget.goal_impressions, byBudget.budget_micros]).toEqual([100_000, 1_000_000_000]);
    const dearer = validateCampaign(campaignUpdateFromFlags(byBudget, { cpm: "20" }), config);
    expect(dearer.goal_impressions).toBe(50_000);
    const byGoal = validateCampaign(campaignUpdateFromFlags(dearer, { goal: "70000" }), config);
    expect([byGoal.goal_impressions, byGoal.budget_micros, byGoal.cpm_micros]).toEqual([
      70_000,
      null,
      20_000_000,
    ]);
  });

  it("drops the frontload percentage with another pacing and removes a cap given as none", () => {
    const front = update({ pacing: "frontloaded", frontloadPercent: "25", dailyCap: "10000" });
    expect([front.frontload_percent, front.daily_cap]).toEqual([25, 10_000]);
    const even = validateCampaign(
      campaignUpdateFromFlags(front, { pacing: "even", dailyCap: "none" }),
      config,
    );
    expect([even.pacing, even.frontload_percent, even.daily_cap]).toEqual(["even", null, null]);
  });

  it("validates the result as a whole, and refuses no change or a new id", () => {
    expect(() => update({ end: "2026-11-01" })).toThrow("--end: 2026-11-01 is before the start 2026-12-01");
    expect(() => update({ dailyCap: "100" })).toThrow(/^--daily-cap: 100 a day over 14 flight day/);
    expect(() => update({ pacing: "frontloaded" })).toThrow(/^--frontload-percent: /);
    expect(() => campaignUpdateFromFlags(stored, {})).toThrow(/^campaigns update: give at least one field/);
    expect(() => campaignUpdateFromFlags(stored, { targeting: [] })).toThrow(/^campaigns update: /);
    expect(() => campaignUpdateFromFlags(stored, { id: "c2" })).toThrow(
      "--id: a campaign's id cannot change",
    );
    expect(() => campaignUpdateFromFlags(stored, { goal: "1", budget: "1" })).toThrow(
      "--goal and --budget: give one of them, not both",
    );
  });
});
