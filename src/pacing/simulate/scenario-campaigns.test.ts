import { describe, expect, it } from "vitest";
import { Random } from "../../demo/random.js";
import type { LeafForecast } from "./forecast-leaves.js";
import type { LeafTraffic } from "./leaf-traffic.js";
import { scenarioCampaigns } from "./scenario-campaigns.js";

const HOUR = 3_600_000;
const GEOS = ["US", "DE", "GB", "JP", "BR", "SE", "IN", "FR"];
const DEVICES = ["mobile", "desktop", "connected_tv"];

/** 8 geos x 3 devices, 7 days of history and a 14-day stretch from 2026-10-20; volume falls with the geo's rank. */
function fixture(): { traffic: LeafTraffic; forecast: LeafForecast } {
  const keys = GEOS.flatMap((g) => DEVICES.map((d) => `geo=${g}|device=${d}`));
  const hours = 21 * 24;
  const stretch = 14 * 24;
  const values = new Float64Array(keys.length * hours);
  const mean = new Float64Array(keys.length * stretch);
  keys.forEach((_, leaf) => {
    const rate = (100 * (GEOS.length - Math.floor(leaf / 3))) / (1 + (leaf % 3));
    values.fill(rate, leaf * hours, (leaf + 1) * hours);
    mean.fill(rate, leaf * stretch, (leaf + 1) * stretch);
  });
  const traffic: LeafTraffic = {
    level: "geo_device",
    keys,
    start: Date.UTC(2026, 9, 13),
    hours,
    stretchStart: 7 * 24,
    values,
  };
  return { traffic, forecast: { at: traffic.stretchStart, horizon: stretch, mean } };
}

const zones: Record<string, string> = {
  US: "America/New_York",
  JP: "Asia/Tokyo",
  DE: "Europe/Berlin",
  IN: "Asia/Kolkata",
};
const timeZoneOf = (t: Record<string, string[]>) =>
  t.geo?.length === 1 ? (zones[t.geo[0]] ?? "UTC") : "UTC";

describe("scenarioCampaigns(input)", () => {
  it("mixes priorities, pacing modes, daily caps and targetings, with one deliberately infeasible goal", () => {
    const { traffic, forecast } = fixture();
    const campaigns = scenarioCampaigns({ traffic, forecast, rng: new Random(42, 5), timeZoneOf });
    expect(new Set(campaigns.map((c) => c.priority))).toEqual(new Set([0, 1, 2]));
    expect(new Set(campaigns.map((c) => c.mode))).toEqual(new Set(["even", "frontloaded", "asap"]));
    expect(campaigns.filter((c) => c.dailyCap !== null).length).toBe(2);
    expect(campaigns.find((c) => c.id === "h-all")?.leaves.length).toBe(24);
    expect(campaigns.find((c) => c.id === "g-top-even")?.targeting).toEqual({ geo: ["US"] });
    // The infeasible one asks more than its segment's forecast supply over its flight.
    const small = campaigns.find((c) => c.id === "g-small-infeasible");
    if (small === undefined) throw new Error("no infeasible campaign");
    let supply = 0;
    for (let h = small.start; h < small.end; h++)
      for (const leaf of small.leaves) supply += forecast.mean[leaf * forecast.horizon + h];
    expect(small.goal).toBeGreaterThan(1.3 * supply);
    for (const c of campaigns) {
      expect(c.goal).toBeGreaterThan(0);
      expect(Number.isInteger(c.goal)).toBe(true);
      expect(c.day.length).toBe(c.end - c.start);
      if (c.mode === "frontloaded") expect(c.frontloadPercent).toBeGreaterThanOrEqual(20);
    }
  });

  it("lays short flights from local midnight to local midnight of the campaign's time zone, within the stretch", () => {
    const { traffic, forecast } = fixture();
    const t0 = traffic.start + traffic.stretchStart * HOUR;
    for (const seed of [1, 2, 3]) {
      for (const c of scenarioCampaigns({ traffic, forecast, rng: new Random(seed, 5), timeZoneOf })) {
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(c.end).toBeLessThanOrEqual(14 * 24);
        if (c.end - c.start === 14 * 24) continue;
        const local = new Intl.DateTimeFormat("en-GB", {
          timeZone: c.timeZone,
          hour: "2-digit",
          hourCycle: "h23",
        });
        expect(local.format(new Date(t0 + c.start * HOUR))).toBe("00");
        expect(local.format(new Date(t0 + c.end * HOUR))).toBe("00");
      }
    }
  });

  it("gives the same campaigns for the same seed and other flights or goals for another", () => {
    const { traffic, forecast } = fixture();
    const a = scenarioCampaigns({ traffic, forecast, rng: new Random(7, 5), timeZoneOf });
    const b = scenarioCampaigns({ traffic, forecast, rng: new Random(7, 5), timeZoneOf });
    const c = scenarioCampaigns({ traffic, forecast, rng: new Random(8, 5), timeZoneOf });
    expect(b).toEqual(a);
    expect(c.map((x) => [x.goal, x.start])).not.toEqual(a.map((x) => [x.goal, x.start]));
  });

  it("sizes a lower priority's goal on what the higher ones are expected to leave", () => {
    const { traffic, forecast } = fixture();
    const campaigns = scenarioCampaigns({ traffic, forecast, rng: new Random(3, 5), timeZoneOf });
    const house = campaigns.find((c) => c.id === "h-all");
    let all = 0;
    for (let i = 0; i < forecast.mean.length; i++) all += forecast.mean[i];
    // At most 15% of everything, and less, since guaranteed and standard campaigns took their part first.
    expect(house?.goal).toBeLessThan(0.15 * all * 0.9);
  });
});
