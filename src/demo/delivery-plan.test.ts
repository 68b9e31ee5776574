import { describe, expect, it } from "vitest";
import { draftCampaigns } from "./campaigns.js";
import { daysFromCivil } from "./civil-date.js";
import { planDelivery } from "./delivery-plan.js";
import { DEVICES } from "./devices.js";
import { MarketClock } from "./market-clock.js";
import { MARKETS } from "./markets.js";
import { Random } from "./random.js";
import { SellTable } from "./sell-table.js";
import { TrafficModel } from "./traffic.js";

function plan(seed: number, days: number) {
  const start = daysFromCivil(2026, 3, 1);
  const drafts = draftCampaigns(new Random(seed, 1), start, days);
  const first = Math.min(start, ...drafts.map((d) => d.startDay));
  const last = Math.max(start + days, ...drafts.map((d) => d.endDay + 1));
  const clock = new MarketClock(
    MARKETS.map((m) => m.timeZone),
    first,
    last - first,
  );
  return {
    start,
    drafts,
    plan: planDelivery(drafts, new TrafficModel(clock, start), start - first, days, 25_000),
  };
}

describe("planDelivery", () => {
  it("sizes goals so that 40-70% of the opportunities are sold", () => {
    for (const [seed, days] of [
      [42, 120],
      [7, 30],
      [1, 5],
    ]) {
      expect(plan(seed, days).plan.soldShare).toBeGreaterThan(0.4);
      expect(plan(seed, days).plan.soldShare).toBeLessThan(0.7);
    }
  });

  it("books at least 30 campaigns, with flights of 7-60 days before, within and after the history", () => {
    const { start, drafts, plan: p } = plan(42, 120);
    expect(p.campaigns.length).toBeGreaterThanOrEqual(30);
    expect(new Set(p.campaigns.map((c) => c.id)).size).toBe(p.campaigns.length);
    expect(p.campaigns[0].id).toBe("c01");
    for (const d of drafts) {
      const length = d.endDay - d.startDay + 1;
      expect(length).toBeGreaterThanOrEqual(7);
      expect(length).toBeLessThanOrEqual(60);
    }
    expect(drafts.some((d) => d.startDay < start)).toBe(true);
    expect(drafts.some((d) => d.startDay >= start && d.endDay < start + 120)).toBe(true);
    expect(drafts.some((d) => d.endDay >= start + 120)).toBe(true);
    expect(new Set(p.campaigns.map((c) => c.priority))).toEqual(new Set(["guaranteed", "standard", "house"]));
    expect(new Set(p.campaigns.map((c) => c.pacing))).toEqual(new Set(["even", "asap"]));
    for (const c of p.campaigns) {
      expect(c.goal_impressions).toBeGreaterThan(0);
      expect(c.cpm_micros % 1000).toBe(0);
      for (const g of c.targeting.geo ?? []) expect(MARKETS.map((m) => m.geo)).toContain(g);
      for (const g of c.targeting.device ?? []) expect(DEVICES.map((m) => m.name)).toContain(g);
      expect(c.start <= c.end).toBe(true);
    }
  });

  it("sells each opportunity at most once, in priority order, only to matching live campaigns", () => {
    const { start, drafts, plan: p } = plan(42, 120);
    const table = new SellTable(p);
    const rng = new Random(9);
    for (const day of [0, 60, 119]) {
      table.build(day);
      for (let cell = 0; cell < 100; cell++) {
        for (let i = 0; i < 50; i++) {
          const j = table.pick(cell, rng.next());
          if (j < 0) continue;
          expect(p.match[j * 100 + cell]).toBe(1);
          expect(drafts[j].startDay <= start + day && start + day <= drafts[j].endDay).toBe(true);
        }
      }
    }
    for (const x of p.sell) expect(x).toBeLessThanOrEqual(0.9);
  });
});
