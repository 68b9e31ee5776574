import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import { validateCampaign } from "../store/validate-campaign.js";
import { campaignFromFlags, flagLabel, parseTargetingFlags } from "./campaign-flags.js";

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
        `--targeting: "${bad}" is not dimension=value[,value...]`,
      );
    }
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

  it("names a missing or malformed flag", () => {
    expect(() => campaignFromFlags({ ...flags, goal: undefined })).toThrow("--goal is required");
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
  });
});
