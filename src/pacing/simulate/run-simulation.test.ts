import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveModel } from "../../forecast/models/registry.js";
import { parseLeafSet, targetedLeaves } from "../leaf-set.js";
import { asapPacer } from "./asap-pacer.js";
import { availsPacer } from "./avails-pacer.js";
import { campaignOutcome } from "./campaign-outcome.js";
import { flatPacer } from "./flat-pacer.js";
import { flightWindow } from "./flight-window.js";
import { type LeafTraffic, readLeafTraffic } from "./leaf-traffic.js";
import { type PacerRun, runSimulation } from "./run-simulation.js";
import type { SimCampaign } from "./sim-campaign.js";
import { stretchForecasts } from "./stretch-forecasts.js";
import { testConfig, trafficStore } from "./test-traffic-store.js";

const HOUR = 3_600_000;
const PACERS = [availsPacer, flatPacer, asapPacer];
const model = resolveModel("auto");

/** Four campaigns on the test leaves over a 7-day stretch; c-infeasible asks twice its segment's supply. */
function campaignsFor(traffic: LeafTraffic): SimCampaign[] {
  const leafSet = parseLeafSet(traffic.keys);
  const t0 = traffic.start + traffic.stretchStart * HOUR;
  const make = (
    id: string,
    priority: number,
    targeting: Record<string, string[]>,
    start: number,
    end: number,
    goal: number,
    mode: SimCampaign["mode"],
    dailyCap: number | null,
    timeZone = "UTC",
  ): SimCampaign => ({
    id,
    priority,
    targeting,
    leaves: targetedLeaves(leafSet, targeting),
    start,
    end,
    goal,
    mode,
    dailyCap,
    timeZone,
    day: flightWindow(t0, start, end, timeZone).day,
    ...(mode === "frontloaded" ? { frontloadPercent: 25 } : {}),
  });
  return [
    make("a-se-even", 0, { geo: ["SE"] }, 0, 168, 10_000, "even", null),
    make("b-all-front", 1, {}, 0, 168, 12_000, "frontloaded", 2400, "Europe/Oslo"),
    make("c-infeasible", 0, { geo: ["NO"], device: ["desktop"] }, 24, 96, 6000, "even", null),
    make("d-asap", 2, { geo: ["NO"], device: ["mobile"] }, 72, 120, 1500, "asap", null),
  ];
}

function simulate(traffic: LeafTraffic, seed = 7): PacerRun[] {
  const forecasts = stretchForecasts(traffic, 24, { model, historyHours: 14 * 24 });
  return runSimulation({
    traffic,
    campaigns: campaignsFor(traffic),
    pacers: PACERS,
    forecasts,
    reforecastHours: 24,
    seed,
  });
}

let dir = "";
let traffic: LeafTraffic;
let gappy: LeafTraffic;
let runs: PacerRun[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "avails-simulate-"));
  const store = await trafficStore(join(dir, "plain"), 21);
  // An outage of one hour in the history and one in the stretch (hour 14 * 24 + 40).
  const withGaps = await trafficStore(join(dir, "gaps"), 21, { missingHours: [200, 376] });
  try {
    traffic = await readLeafTraffic(store, testConfig, { stretchDays: 7, historyDays: 14 });
    gappy = await readLeafTraffic(withGaps, testConfig, { stretchDays: 7, historyDays: 14 });
  } finally {
    await store.close();
    await withGaps.close();
  }
  runs = simulate(traffic);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("runSimulation(input)", () => {
  it("runs every pacer over the same campaigns, in the input's order", () => {
    expect(runs.map((r) => r.name)).toEqual(["avails", "flat", "asap"]);
    for (const run of runs) {
      expect(run.campaigns.map((c) => c.campaign.id)).toEqual([
        "a-se-even",
        "b-all-front",
        "c-infeasible",
        "d-asap",
      ]);
    }
  });

  it("never delivers more than the matching requests left in an hour, the goal or the daily cap", () => {
    for (const run of runs) {
      for (const { campaign, delivered, matched, throttle } of run.campaigns) {
        let total = 0;
        const perDay = new Map<number, number>();
        for (let h = 0; h < delivered.length; h++) {
          expect(Number.isInteger(delivered[h])).toBe(true);
          expect(delivered[h]).toBeLessThanOrEqual(matched[h]);
          expect(throttle[h]).toBeGreaterThanOrEqual(0);
          expect(throttle[h]).toBeLessThanOrEqual(1);
          total += delivered[h];
          perDay.set(campaign.day[h], (perDay.get(campaign.day[h]) ?? 0) + delivered[h]);
        }
        expect(total).toBeLessThanOrEqual(campaign.goal);
        if (campaign.dailyCap !== null)
          for (const day of perDay.values()) expect(day).toBeLessThanOrEqual(campaign.dailyCap);
      }
    }
  });

  it("shares each hour's requests by priority: lower campaigns see what higher ones left", () => {
    const [avails] = runs;
    const a = avails.campaigns[0];
    const b = avails.campaigns[1];
    // b (standard, every leaf) comes after a (guaranteed, SE) in every hour both are live.
    for (let h = 0; h < 168; h++) {
      let column = 0;
      for (let leaf = 0; leaf < traffic.keys.length; leaf++) {
        column += traffic.values[leaf * traffic.hours + traffic.stretchStart + h];
      }
      const cOffset = h - 24;
      const c = avails.campaigns[2];
      const takenByC = cOffset >= 0 && cOffset < 72 ? c.delivered[cOffset] : 0;
      expect(b.matched[h]).toBe(column - a.delivered[h] - takenByC);
    }
  });

  it("with avails' pacer ends every feasible campaign within 2% of its goal, never above 101%", () => {
    for (const c of runs[0].campaigns.map(campaignOutcome)) {
      if (!c.feasible) continue;
      expect(c.delivered / c.goal).toBeGreaterThanOrEqual(0.98);
      expect(c.delivered / c.goal).toBeLessThanOrEqual(1.01);
    }
  });

  it("flags the infeasible goal under every pacer", () => {
    for (const run of runs) {
      const c = campaignOutcome(run.campaigns[2]);
      expect(c.feasible).toBe(false);
      expect(c.delivered).toBeLessThan(c.goal);
      expect(
        run.campaigns
          .map(campaignOutcome)
          .filter((o) => !o.feasible)
          .map((o) => o.id),
      ).toEqual(["c-infeasible"]);
    }
  });

  it("gives the same result for the same seed, other draws for another", () => {
    const again = simulate(traffic);
    const other = simulate(traffic, 8);
    for (let p = 0; p < runs.length; p++) {
      for (let k = 0; k < runs[p].campaigns.length; k++) {
        expect(again[p].campaigns[k].delivered).toEqual(runs[p].campaigns[k].delivered);
        expect(again[p].campaigns[k].throttle).toEqual(runs[p].campaigns[k].throttle);
      }
    }
    expect(other[0].campaigns[0].delivered).not.toEqual(runs[0].campaigns[0].delivered);
  });

  it("never peeks at future traffic: changing the hours from T on leaves every decision before T as it was", () => {
    const cut = traffic.stretchStart + 3 * 24 + 10;
    const values = Float64Array.from(traffic.values);
    for (let leaf = 0; leaf < traffic.keys.length; leaf++) {
      for (let h = cut; h < traffic.hours; h++)
        values[leaf * traffic.hours + h] = h % 5 === 0 ? Number.NaN : values[leaf * traffic.hours + h] * 3;
    }
    const changed = simulate({ ...traffic, values });
    const limit = cut - traffic.stretchStart;
    for (let p = 0; p < runs.length; p++) {
      for (let k = 0; k < runs[p].campaigns.length; k++) {
        const before = runs[p].campaigns[k];
        const after = changed[p].campaigns[k];
        const hours = Math.max(0, Math.min(before.delivered.length, limit - before.campaign.start));
        expect(after.throttle.subarray(0, hours)).toEqual(before.throttle.subarray(0, hours));
        expect(after.delivered.subarray(0, hours)).toEqual(before.delivered.subarray(0, hours));
      }
    }
    // And the change does reach the hours after T.
    expect(changed[0].campaigns[1].matched).not.toEqual(runs[0].campaigns[1].matched);
  });

  it("survives a missing hour of data in the history and in the stretch", () => {
    expect(gappy.values[traffic.stretchStart + 40]).toBeNaN();
    const gapRuns = simulate(gappy);
    const avails = gapRuns[0];
    // The outage hour brings no requests and no delivery.
    expect(avails.campaigns[0].delivered[40]).toBe(0);
    expect(avails.campaigns[0].matched[40]).toBe(0);
    for (const c of avails.campaigns.map(campaignOutcome)) {
      if (!c.feasible) continue;
      expect(c.delivered / c.goal).toBeGreaterThanOrEqual(0.98);
      expect(c.delivered / c.goal).toBeLessThanOrEqual(1.01);
    }
  });

  it("refuses flights outside the stretch, missing forecasts and a bad seed, naming them", () => {
    const forecasts = stretchForecasts(traffic, 24, { model: resolveModel("snaive") });
    const campaigns = campaignsFor(traffic);
    const base = { traffic, campaigns, pacers: PACERS, forecasts, reforecastHours: 24, seed: 1 };
    expect(() => runSimulation({ ...base, campaigns: [{ ...campaigns[0], end: 500 }] })).toThrow(
      /a-se-even: flight hours/,
    );
    expect(() => runSimulation({ ...base, forecasts: forecasts.slice(0, 3) })).toThrow(/forecasts: 7 needed/);
    expect(() => runSimulation({ ...base, seed: -1 })).toThrow(/seed/);
    expect(() => runSimulation({ ...base, campaigns: [campaigns[0], campaigns[0]] })).toThrow(
      /appears twice/,
    );
  });
});
