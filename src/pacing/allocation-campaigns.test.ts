import { describe, expect, it } from "vitest";
import type { Campaign } from "../store/campaign.js";
import { allocationCampaigns } from "./allocation-campaigns.js";
import { parseLeafSet } from "./leaf-set.js";

const leafSet = parseLeafSet([
  "geo=NO|device=ctv",
  "geo=NO|device=mobile",
  "geo=SE|device=ctv",
  "geo=SE|device=mobile",
]);
const grid = { start: Date.UTC(2026, 11, 1), hours: 10 * 24 };

function campaign(id: string, patch: Partial<Campaign>): Campaign {
  return {
    id,
    name: id,
    advertiser: null,
    targeting: {},
    start: "2026-12-01",
    end: "2026-12-02",
    priority: "guaranteed",
    pacing: "even",
    goal_impressions: 1000,
    cpm_micros: null,
    time_zone: "UTC",
    frontload_percent: null,
    budget_micros: null,
    daily_cap: null,
    ...patch,
  };
}

describe("allocationCampaigns(campaigns, leafSet, grid, timeZone, delivered)", () => {
  it("resolves targeting to leaves, inclusive flight days to grid hours and priority to its class", () => {
    const [c] = allocationCampaigns(
      [
        campaign("a", {
          targeting: { device: ["mobile"] },
          start: "2026-12-03",
          end: "2026-12-04",
          priority: "house",
          pacing: "asap",
        }),
      ],
      leafSet,
      grid,
      "UTC",
    );
    expect({ ...c, leaves: Array.from(c.leaves) }).toEqual({
      id: "a",
      leaves: [1, 3],
      start: 48,
      end: 96,
      goal: 1000,
      priority: 2,
      pacing: "asap",
    });
  });

  it("reads flight days in the campaign's own time zone, and allocates frontloaded as even", () => {
    const [tokyo, reporting] = allocationCampaigns(
      [
        campaign("tokyo", {
          time_zone: "Asia/Tokyo",
          start: "2026-12-02",
          end: "2026-12-02",
          pacing: "frontloaded",
          frontload_percent: 20,
        }),
        campaign("reporting", { time_zone: "", start: "2026-12-02", end: "2026-12-02" }),
      ],
      leafSet,
      grid,
      "America/New_York",
    );
    // Tokyo's Dec 2 is Dec 1 15:00 UTC to Dec 2 15:00 UTC; a record without a zone takes the reporting one.
    expect([tokyo.start, tokyo.end, tokyo.pacing]).toEqual([15, 39, "even"]);
    expect([reporting.start, reporting.end]).toEqual([24 + 5, 48 + 5]);
  });

  it("leaves out ended flights and takes what is left of running ones", () => {
    const out = allocationCampaigns(
      [
        campaign("ended", { start: "2026-11-20", end: "2026-11-30" }),
        campaign("running", { start: "2026-11-30", end: "2026-12-02" }),
        campaign("counted", { start: "2026-11-30", end: "2026-12-02" }),
      ],
      leafSet,
      grid,
      "UTC",
      new Map([["counted", 900]]),
    );
    expect(out.map((c) => [c.id, c.start, c.end, c.goal])).toEqual([
      ["running", -24, 48, (1000 * 48) / 72],
      ["counted", -24, 48, 100],
    ]);
  });

  it("names the campaign whose targeting uses a dimension the leaves do not have", () => {
    expect(() =>
      allocationCampaigns([campaign("news", { targeting: { content: ["news"] } })], leafSet, grid, "UTC"),
    ).toThrow('campaign news: targeting: dimension "content" is not in the forecast\'s leaves (geo, device)');
  });
});
