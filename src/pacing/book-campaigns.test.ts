import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, defaultConfig, tempDir } from "../../test/helpers.js";
import { writeSteadyTraffic } from "../../test/steady-traffic.js";
import type { Campaign } from "../store/campaign.js";
import { openStore } from "../store/duckdb-store.js";
import type { Store } from "../store/store.js";
import { validateCampaign } from "../store/validate-campaign.js";
import { bookCampaigns } from "./book-campaigns.js";

// One store with four weeks of steady traffic and a published 96-hour run (2026-10-29..2026-11-01 UTC);
// each test books into its own copy. SE|mobile has about 9,700 opportunities a day.
let dir: string;
let cleanup: () => void;
let copies = 0;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("avails-book-"));
  const traffic = writeSteadyTraffic(join(dir, "traffic.ndjson"), 28);
  for (const args of [
    ["ingest", traffic],
    ["forecast", "--horizon", "96", "--paths", "200", "--history-days", "28"],
  ]) {
    const result = await cli(["--store", join(dir, "base"), ...args]);
    expect(result.code, result.stderr).toBe(0);
  }
});
afterAll(() => cleanup());

async function withCopy(body: (store: Store) => Promise<void>, from = "base"): Promise<void> {
  const folder = join(dir, `copy-${++copies}`);
  if (from !== "") cpSync(join(dir, from), folder, { recursive: true });
  const store = await openStore(folder, defaultConfig);
  try {
    await body(store);
  } finally {
    await store.close();
  }
}

function campaign(id: string, patch: Record<string, unknown> = {}): Campaign {
  return validateCampaign(
    {
      id,
      name: id,
      targeting: { geo: ["SE"], device: ["mobile"] },
      start: "2026-10-29",
      end: "2026-11-01",
      goal_impressions: 20_000,
      priority: "guaranteed",
      ...patch,
    },
    defaultConfig,
  );
}

describe("bookCampaigns(store, config, request)", () => {
  it("stores a campaign that fits with its accepted decision; refuses one that does not, logging only that", async () => {
    await withCopy(async (store) => {
      const fits = await bookCampaigns(store, defaultConfig, { action: "add", campaigns: [campaign("g1")] });
      expect(fits.stored).toBe(true);
      expect(fits.outcomes.map((o) => o.decision)).toEqual(["accepted"]);
      const refused = await bookCampaigns(store, defaultConfig, {
        action: "add",
        campaigns: [campaign("g2")],
      });
      expect(refused.stored).toBe(false);
      expect(refused.outcomes[0].decision).toBe("refused");
      expect(refused.outcomes[0].check.contending.map((c) => c.campaign_id)).toEqual(["g1"]);
      expect((await store.listCampaigns()).map((c) => c.id)).toEqual(["g1"]);
      const log = await store.bookingDecisions();
      expect(log.map((d) => [d.campaign_id, d.action, d.decision])).toEqual([
        ["g1", "add", "accepted"],
        ["g2", "add", "refused"],
      ]);
      expect(log[1].figures).toMatchObject({
        priority: "guaranteed",
        verdict: "short",
        run_id: "r000001",
        quantile: "p20",
        goal: 20_000,
        shortfall: refused.outcomes[0].check.shortfall,
      });
      expect(log[1].figures.shortfall).toBeGreaterThan(0);
      expect((log[1].figures.days as unknown[]).length).toBe(4);
    });
  });

  it("stores what does not fit with force, logged as forced", async () => {
    await withCopy(async (store) => {
      const result = await bookCampaigns(store, defaultConfig, {
        action: "add",
        campaigns: [campaign("big", { goal_impressions: 60_000 })],
        force: true,
      });
      expect([result.stored, result.outcomes[0].decision]).toEqual([true, "forced"]);
      expect((await store.getCampaign("big"))?.goal_impressions).toBe(60_000);
      expect((await store.bookingDecisions()).map((d) => d.decision)).toEqual(["forced"]);
    });
  });

  it("checks an update only when it asks for more, against the other campaigns", async () => {
    await withCopy(async (store) => {
      await bookCampaigns(store, defaultConfig, { action: "add", campaigns: [campaign("g1")] });
      await bookCampaigns(store, defaultConfig, {
        action: "add",
        campaigns: [campaign("g2", { goal_impressions: 10_000 })],
      });
      const update = (patch: Record<string, unknown>) =>
        bookCampaigns(store, defaultConfig, { action: "update", campaigns: [campaign("g1", patch)] });
      // 20,000 more than fits next to g2's 10,000; 25,000 does.
      const grown = await update({ goal_impressions: 25_000 });
      expect([grown.stored, grown.outcomes[0].decision]).toEqual([true, "accepted"]);
      expect(grown.outcomes[0].check.reason).toMatch(/; the update grows: goal 20,000 → 25,000$/);
      const tooBig = await update({ goal_impressions: 40_000 });
      expect([tooBig.stored, tooBig.outcomes[0].decision]).toEqual([false, "refused"]);
      expect((await store.getCampaign("g1"))?.goal_impressions).toBe(25_000);
      const renamed = await update({ goal_impressions: 25_000, name: "renamed", pacing: "asap" });
      expect(renamed.outcomes[0].decision).toBe("unchecked");
      expect(renamed.outcomes[0].check.reason).toBe("the update asks for no more inventory");
      expect((await store.getCampaign("g1"))?.name).toBe("renamed");
      await expect(
        bookCampaigns(store, defaultConfig, { action: "update", campaigns: [campaign("nope")] }),
      ).rejects.toThrow('no campaign "nope"');
    });
  });

  it("imports all or nothing, earlier campaigns of the file counting as booked for later ones", async () => {
    await withCopy(async (store) => {
      const file = [
        campaign("a"),
        campaign("s", { priority: "standard", goal_impressions: 1_000_000 }),
        campaign("b"),
        campaign("past", { start: "2026-10-01", end: "2026-10-20", goal_impressions: 1_000_000 }),
      ];
      const refused = await bookCampaigns(store, defaultConfig, { action: "import", campaigns: file });
      expect(refused.stored).toBe(false);
      expect(refused.outcomes.map((o) => o.decision)).toEqual([
        "accepted",
        "unchecked",
        "refused",
        "unchecked",
      ]);
      expect(refused.outcomes[2].check.contending.map((c) => c.campaign_id)).toEqual(["a"]);
      expect(await store.listCampaigns()).toEqual([]);
      expect((await store.bookingDecisions()).map((d) => [d.campaign_id, d.decision])).toEqual([
        ["b", "refused"],
      ]);
      const fitting = [file[0], file[1], campaign("b", { goal_impressions: 10_000 }), file[3]];
      const done = await bookCampaigns(store, defaultConfig, { action: "import", campaigns: fitting });
      expect(done.stored).toBe(true);
      expect((await store.listCampaigns()).map((c) => c.id).sort()).toEqual(["a", "b", "past", "s"]);
      expect((await store.bookingDecisions()).map((d) => d.decision)).toEqual([
        "refused",
        "accepted",
        "unchecked",
        "accepted",
        "unchecked",
      ]);
      await expect(
        bookCampaigns(store, defaultConfig, { action: "import", campaigns: [campaign("a")] }),
      ).rejects.toThrow('campaign id "a" is already stored');
    });
  });

  it("refuses a guaranteed booking without a published run, naming avails forecast, unless forced", async () => {
    await withCopy(async (store) => {
      const refused = await bookCampaigns(store, defaultConfig, {
        action: "add",
        campaigns: [campaign("g")],
      });
      expect([refused.stored, refused.outcomes[0].check.verdict]).toEqual([false, "cannot_check"]);
      expect(refused.outcomes[0].check.reason).toContain("run `avails forecast` first");
      const standard = await bookCampaigns(store, defaultConfig, {
        action: "add",
        campaigns: [campaign("s", { priority: "standard" })],
      });
      expect([standard.stored, standard.outcomes[0].decision]).toEqual([true, "unchecked"]);
      const forced = await bookCampaigns(store, defaultConfig, {
        action: "add",
        campaigns: [campaign("g")],
        force: true,
      });
      expect([forced.stored, forced.outcomes[0].decision]).toEqual([true, "forced"]);
    }, "");
  });
});
