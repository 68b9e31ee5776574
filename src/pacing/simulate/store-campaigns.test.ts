import { describe, expect, it } from "vitest";
import type { Campaign } from "../../store/campaign.js";
import type { LeafTraffic } from "./leaf-traffic.js";
import { storeCampaigns } from "./store-campaigns.js";

const traffic: LeafTraffic = {
  level: "geo_device",
  keys: ["geo=NO|device=mobile", "geo=SE|device=desktop", "geo=SE|device=mobile"],
  start: Date.UTC(2026, 9, 13),
  hours: 21 * 24,
  stretchStart: 7 * 24,
  values: new Float64Array(3 * 21 * 24).fill(10),
};

function campaign(extra: Partial<Campaign>): Campaign {
  return {
    id: "c1",
    name: "c1",
    advertiser: null,
    targeting: { geo: ["SE"] },
    start: "2026-10-22",
    end: "2026-10-25",
    priority: "standard",
    pacing: "even",
    goal_impressions: 9600,
    budget_micros: null,
    cpm_micros: null,
    time_zone: "UTC",
    frontload_percent: null,
    daily_cap: null,
    ...extra,
  };
}

describe("storeCampaigns(campaigns, traffic, reportingTimeZone)", () => {
  it("lays a flight inside the stretch on its hours, days inclusive, in the reporting time zone", () => {
    // The stretch starts 2026-10-20T00:00Z: Oct 22-25 is hours 48 to 144.
    const [c] = storeCampaigns([campaign({})], traffic, "UTC");
    expect([c.start, c.end, c.goal, c.priority, c.mode, c.dailyCap]).toEqual([
      48,
      144,
      9600,
      1,
      "even",
      null,
    ]);
    expect([...c.leaves]).toEqual([1, 2]);
    expect(c.day[0]).toBe(0);
    expect(c.day[95]).toBe(3);
  });

  it("cuts a flight running past the stretch and prorates its goal by the hours inside", () => {
    // Oct 30 - Nov 8 (10 days, 240 h): the stretch ends Nov 3 00:00Z, 96 h inside.
    const [c] = storeCampaigns(
      [campaign({ start: "2026-10-30", end: "2026-11-08", goal_impressions: 10_000 })],
      traffic,
      "UTC",
    );
    expect([c.start, c.end, c.goal]).toEqual([240, 336, 4000]);
  });

  it("reads the campaign's own time zone, daily cap and frontload", () => {
    const [c] = storeCampaigns(
      [
        campaign({
          time_zone: "Europe/Berlin",
          daily_cap: 3000,
          pacing: "frontloaded",
          frontload_percent: 30,
        }),
      ],
      traffic,
      "UTC",
    );
    // Local midnight of Oct 22 in Berlin (UTC+2) is 22:00Z on Oct 21: hour 46; Oct 25 has 25 hours.
    expect([c.start, c.end, c.dailyCap, c.mode, c.frontloadPercent, c.timeZone]).toEqual([
      46,
      143,
      3000,
      "frontloaded",
      30,
      "Europe/Berlin",
    ]);
  });

  it("leaves out flights outside the stretch", () => {
    expect(storeCampaigns([campaign({ start: "2026-09-01", end: "2026-09-30" })], traffic, "UTC")).toEqual(
      [],
    );
    expect(storeCampaigns([campaign({ start: "2026-11-03", end: "2026-11-30" })], traffic, "UTC")).toEqual(
      [],
    );
  });

  it("names the campaign whose targeting uses a dimension the leaves lack", () => {
    expect(() => storeCampaigns([campaign({ targeting: { content: ["music"] } })], traffic, "UTC")).toThrow(
      /campaign c1: targeting: dimension "content"/,
    );
  });
});
