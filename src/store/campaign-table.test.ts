import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import type { Campaign } from "./campaign.js";
import { DATABASE_FILE, openStore } from "./duckdb-store.js";
import { readCampaignsFile } from "./read-campaigns-file.js";

const config = parseConfig({}, "test");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "avails-campaigns-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function campaign(id: string, patch: Partial<Campaign> = {}): Campaign {
  return {
    id,
    name: `Campaign ${id}`,
    advertiser: null,
    targeting: { geo: ["SE"] },
    start: "2026-12-01",
    end: "2026-12-14",
    priority: "guaranteed",
    pacing: "even",
    goal_impressions: 10_000,
    cpm_micros: null,
    time_zone: "UTC",
    frontload_percent: null,
    budget_micros: null,
    daily_cap: null,
    ...patch,
  };
}

describe("store campaigns", () => {
  it("adds, lists, shows and removes campaigns, surviving a reopen", async () => {
    let store = await openStore(dir, config);
    await store.addCampaign(campaign("b", { start: "2026-12-03", targeting: { device: ["Mobile"] } }));
    await store.addCampaign(campaign("a", { advertiser: "Velo Motors", cpm_micros: 12_500_000 }));
    await store.close();
    store = await openStore(dir, config, { readOnly: true });
    expect((await store.listCampaigns()).map((c) => c.id)).toEqual(["a", "b"]);
    expect(await store.getCampaign("b")).toEqual(
      campaign("b", { start: "2026-12-03", targeting: { device: ["mobile"] } }),
    );
    expect(await store.getCampaign("a")).toMatchObject({ advertiser: "Velo Motors", cpm_micros: 12_500_000 });
    expect(await store.getCampaign("zz")).toBeNull();
    await store.close();
    store = await openStore(dir, config);
    expect(await store.removeCampaign("a")).toBe(true);
    expect(await store.removeCampaign("a")).toBe(false);
    expect((await store.listCampaigns()).map((c) => c.id)).toEqual(["b"]);
    await store.close();
  });

  it("refuses a duplicate id, in the store or within one import, and then writes nothing", async () => {
    const store = await openStore(dir, config);
    await store.addCampaign(campaign("a"));
    await expect(store.addCampaign(campaign("a"))).rejects.toThrow('campaign id "a" is already stored');
    await expect(store.importCampaigns([campaign("x"), campaign("a")])).rejects.toThrow(
      'campaign id "a" is already stored',
    );
    await expect(store.importCampaigns([campaign("y"), campaign("y")])).rejects.toThrow(
      'campaign id "y" is given twice',
    );
    expect((await store.listCampaigns()).map((c) => c.id)).toEqual(["a"]);
    await store.close();
  });

  it("validates what a library caller hands over, naming the campaign and field", async () => {
    const store = await openStore(dir, config);
    await expect(
      store.importCampaigns([campaign("ok"), campaign("bad", { targeting: { region: ["x"] } })]),
    ).rejects.toThrow('campaigns[1].targeting: unknown dimension "region"');
    expect(await store.listCampaigns()).toEqual([]);
    await store.close();
  });
});

describe("store campaigns, schema version 3", () => {
  it("keeps a flight time zone, frontloading, a budget and a daily cap", async () => {
    const store = await openStore(dir, config);
    const full = campaign("f", {
      time_zone: "Europe/Stockholm",
      pacing: "frontloaded",
      frontload_percent: 30,
      budget_micros: 1_000_000_000,
      cpm_micros: 10_000_000,
      goal_impressions: 100_000,
      daily_cap: 9000,
    });
    await store.addCampaign(full);
    expect(await store.getCampaign("f")).toEqual(full);
    await store.close();
  });

  it("updates every field but the id, validated, and names an unknown id", async () => {
    const store = await openStore(dir, config);
    await store.addCampaign(campaign("u"));
    const changed = campaign("u", {
      name: "Renamed",
      targeting: { device: ["ctv"] },
      start: "2026-12-02",
      end: "2026-12-20",
      time_zone: "America/New_York",
      priority: "standard",
      pacing: "asap",
      goal_impressions: 20_000,
      cpm_micros: 4_000_000,
      daily_cap: 5000,
    });
    expect(await store.updateCampaign(changed)).toEqual(changed);
    expect(await store.getCampaign("u")).toEqual(changed);
    await expect(store.updateCampaign(campaign("nope"))).rejects.toThrow('no campaign "nope"');
    await expect(store.updateCampaign(campaign("u", { time_zone: "Mars/Base" }))).rejects.toThrow(
      /^time_zone: expected an IANA time zone/,
    );
    expect(await store.getCampaign("u")).toEqual(changed);
    await store.close();
  });

  it("logs booking decisions with the campaign they let in, and alone for refusals", async () => {
    const store = await openStore(dir, config);
    const figures = { goal: 10_000, bookable: 12_000, days: [{ day: "2026-12-01", shortfall: 0 }] };
    await store.addCampaign(campaign("a"), [
      { campaign_id: "a", action: "add", decision: "accepted", figures },
    ]);
    await store.logBookingDecisions([
      { campaign_id: "b", action: "add", decision: "refused", figures: { shortfall: 5 } },
    ]);
    // A failing insert takes its decision with it.
    await expect(
      store.addCampaign(campaign("a"), [{ campaign_id: "a", action: "add", decision: "forced", figures }]),
    ).rejects.toThrow("already stored");
    const log = await store.bookingDecisions();
    expect(log.map((d) => [d.seq, d.campaign_id, d.action, d.decision])).toEqual([
      [1, "a", "add", "accepted"],
      [2, "b", "add", "refused"],
    ]);
    expect(log[0].figures).toEqual(figures);
    expect(Date.parse(log[0].decided_at)).toBeGreaterThan(0);
    expect((await store.bookingDecisions("b")).map((d) => d.seq)).toEqual([2]);
    await store.close();
  });

  it("upgrades a version 2 store's campaigns in place, their flights in the reporting time zone", async () => {
    // The store as schema version 2 left it: the campaigns table without the version 3 columns.
    const instance = await DuckDBInstance.create(join(dir, DATABASE_FILE));
    const connection = await instance.connect();
    await connection.run("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
    await connection.run("INSERT INTO meta VALUES ('schema_version', '2')");
    await connection.run(`CREATE TABLE campaigns (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL,
      advertiser VARCHAR, targeting VARCHAR NOT NULL, start_date DATE NOT NULL, end_date DATE NOT NULL,
      priority VARCHAR NOT NULL, pacing VARCHAR NOT NULL, goal_impressions BIGINT NOT NULL, cpm_micros BIGINT,
      created_at TIMESTAMP NOT NULL)`);
    await connection.run(`INSERT INTO campaigns VALUES ('old', 'Old one', NULL, '{"geo":["SE"]}', DATE '2026-12-01',
      DATE '2026-12-14', 'guaranteed', 'asap', 7000, 2500000, TIMESTAMP '2026-10-01 00:00:00')`);
    connection.closeSync();
    instance.closeSync();
    const old = campaign("old", {
      name: "Old one",
      pacing: "asap",
      goal_impressions: 7000,
      cpm_micros: 2_500_000,
      time_zone: "Europe/Stockholm",
    });
    const stockholm = parseConfig({ timeZone: "Europe/Stockholm" }, "test");

    // Read-only opens do not migrate: the old table reads with the upgrade's defaults.
    let store = await openStore(dir, stockholm, { readOnly: true });
    expect(await store.listCampaigns()).toEqual([old]);
    expect(await store.bookingDecisions()).toEqual([]);
    await store.close();

    store = await openStore(dir, stockholm);
    expect(await store.listCampaigns()).toEqual([old]);
    await store.updateCampaign({ ...old, daily_cap: 1000 });
    await store.addCampaign(campaign("new", { time_zone: "UTC" }));
    await store.close();

    // The upgrade wrote the zone into the rows: a config with another reporting zone no longer changes them.
    store = await openStore(dir, config, { readOnly: true });
    expect(await store.getCampaign("old")).toEqual({ ...old, daily_cap: 1000 });
    expect((await store.getCampaign("new"))?.time_zone).toBe("UTC");
    await store.close();
    const check = await DuckDBInstance.create(join(dir, DATABASE_FILE), { access_mode: "READ_ONLY" });
    const reader = await (await check.connect()).runAndReadAll(
      "SELECT value FROM meta WHERE key = 'schema_version'",
    );
    expect(reader.getRows()).toEqual([["3"]]);
    check.closeSync();
  });
});

describe("readCampaignsFile(path, config)", () => {
  it("reads the demo's campaigns.json shape, absent targeting meaning all", async () => {
    const path = join(dir, "campaigns.json");
    writeFileSync(
      path,
      JSON.stringify([
        {
          id: "c01",
          name: "House Publisher Promo 1",
          advertiser: "House",
          targeting: {},
          start: "2026-06-01",
          end: "2026-07-20",
          priority: "house",
          pacing: "even",
          goal_impressions: 123_456,
          cpm_micros: 500_000,
        },
        {
          id: "c02",
          name: "Velo",
          advertiser: "Velo Motors",
          targeting: { geo: ["SE", "NO"], device: ["ctv"] },
          start: "2026-06-03",
          end: "2026-06-20",
          priority: "guaranteed",
          pacing: "asap",
          goal_impressions: 5000,
          cpm_micros: 15_000_000,
        },
      ]),
    );
    const campaigns = await readCampaignsFile(path, config);
    expect(campaigns.map((c) => [c.id, c.targeting, c.pacing])).toEqual([
      ["c01", {}, "even"],
      ["c02", { geo: ["SE", "NO"], device: ["ctv"] }, "asap"],
    ]);
  });

  it("names the file, index and field of a bad campaign, and a file that is not an array", async () => {
    const path = join(dir, "bad.json");
    writeFileSync(path, JSON.stringify([{ ...campaign("a") }, { ...campaign("b"), goal_impressions: -1 }]));
    await expect(readCampaignsFile(path, config)).rejects.toThrow(`${path}[1].goal_impressions: `);
    const { goal_impressions: _, ...byBudget } = campaign("c");
    writeFileSync(path, JSON.stringify([{ ...byBudget, budget_micros: 5_000_000 }]));
    await expect(readCampaignsFile(path, config)).rejects.toThrow(
      `${path}[0].cpm_micros: required with ${path}[0].budget_micros (the price of the budget)`,
    );
    writeFileSync(path, JSON.stringify([{ ...campaign("d"), time_zone: "Moon/Base" }]));
    await expect(readCampaignsFile(path, config)).rejects.toThrow(
      `${path}[0].time_zone: expected an IANA time zone`,
    );
    writeFileSync(path, "{}");
    await expect(readCampaignsFile(path, config)).rejects.toThrow(`${path}: expected an array of campaigns`);
    writeFileSync(path, "[");
    await expect(readCampaignsFile(path, config)).rejects.toThrow(`${path}: not valid JSON`);
  });
});
