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
      priority: "guaranteed",
      pacing: "even",
      goal_impressions: 50_000,
      cpm_micros: null,
    });
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
    expect(bad({ pacing: "frontloaded" })).toThrow(/^--pacing: expected one of even, asap/);
    expect(bad({ cpm_micros: -1 })).toThrow(/^--cpm_micros: /);
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
