import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import type { Campaign } from "./campaign.js";
import { openStore } from "./duckdb-store.js";
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
    writeFileSync(path, "{}");
    await expect(readCampaignsFile(path, config)).rejects.toThrow(`${path}: expected an array of campaigns`);
    writeFileSync(path, "[");
    await expect(readCampaignsFile(path, config)).rejects.toThrow(`${path}: not valid JSON`);
  });
});
