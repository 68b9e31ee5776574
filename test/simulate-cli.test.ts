import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";

const CAMPAIGN_KEYS = [
  "delivered",
  "feasible",
  "goal",
  "hours_at_one",
  "hours_at_zero",
  "id",
  "mode",
  "noise_mad",
  "priority",
  "tracking_mad",
];

interface Row {
  id: string;
  goal: number;
  delivered: number;
  feasible: boolean;
  tracking_mad: number;
  hours_at_zero: number;
  hours_at_one: number;
}

let dir: string;
let cleanup: () => void;
let store: string;
let first: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("avails-simulate-cli-"));
  store = join(dir, "empty");
  mkdirSync(store);
  first = await cli(["simulate", "--json", "--store", store]);
}, 600_000);
afterAll(() => cleanup());

describe("avails simulate", () => {
  it("runs on an empty directory: generates the demo, then prints one JSON object with every pacer", () => {
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(Object.keys(report).sort()).toEqual(["campaigns", "generated_demo", "pacers", "stretch"]);
    expect(report.generated_demo).toBe(true);
    expect(report.campaigns).toBe("generated");
    expect(report.stretch).toEqual({
      start: "2026-10-20T00:00:00.000Z",
      end: "2026-11-03T00:00:00.000Z",
      level: "geo_device",
      leaves: 50,
    });
    expect(report.pacers.map((p: { name: string }) => p.name)).toEqual(["avails", "flat", "asap"]);
    for (const pacer of report.pacers) {
      expect(Object.keys(pacer).sort()).toEqual(["campaigns", "name"]);
      expect(pacer.campaigns.length).toBeGreaterThanOrEqual(6);
      for (const c of pacer.campaigns) {
        expect(Object.keys(c).sort()).toEqual(CAMPAIGN_KEYS);
        expect(c.delivered).toBeLessThanOrEqual(c.goal);
        expect(c.tracking_mad).toBeGreaterThanOrEqual(0);
      }
      // The deliberately infeasible goal is flagged under every pacer.
      expect(pacer.campaigns.filter((c: Row) => !c.feasible).map((c: Row) => c.id)).toContain(
        "g-small-infeasible",
      );
    }
    // avails' pacer lands every feasible goal within 2% (never above 101%).
    const avails = report.pacers[0].campaigns as Row[];
    for (const c of avails.filter((row) => row.feasible)) {
      expect(c.delivered / c.goal).toBeGreaterThanOrEqual(0.98);
      expect(c.delivered / c.goal).toBeLessThanOrEqual(1.01);
    }
  });

  it("prints a table per pacer, and uses the store's campaigns over the stretch when it has some", async () => {
    const table = await cli(["simulate", "--store", store, "--model", "snaive"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/campaigns generated/);
    expect(table.stdout).not.toMatch(/demo data generated/);
    for (const name of ["avails", "flat", "asap"]) expect(table.stdout).toContain(`pacer ${name}`);
    expect(table.stdout).toMatch(/feasible campaigns within ±2% of goal: \d+\/\d+/);

    const added = await cli([
      "--store",
      store,
      "campaigns",
      "add",
      "--id",
      "spring-us",
      "--name",
      "Spring US",
      "--targeting",
      "geo=US",
      "--start",
      "2026-10-22",
      "--end",
      "2026-10-28",
      "--goal",
      "20000",
      "--priority",
      "standard",
    ]);
    expect(added.stderr).toBe("");
    const own = await cli(["simulate", "--json", "--store", store, "--model", "snaive"]);
    expect(own.code).toBe(0);
    const report = JSON.parse(own.stdout);
    expect(report.campaigns).toBe("store");
    expect(report.generated_demo).toBe(false);
    for (const pacer of report.pacers) {
      expect(pacer.campaigns.map((c: Row) => [c.id, c.goal])).toEqual([["spring-us", 20_000]]);
    }
  }, 300_000);

  it.each([
    [["--seed", "x"], /--seed: "x" is not a whole number/],
    [["--days", "0"], /--days: "0" is not a whole number >= 1/],
    [["--model", "nope"], /--model: "nope" is not one of/],
    [["--demo-end", "2026-13-01"], /--demo-end: "2026-13-01" is not a date/],
    [["--days", "40"], /demo days: 35 leave less than 2 days of history before a 40-day stretch/],
  ])("refuses %j with one line naming the flag", async (args, message) => {
    const result = await cli(["simulate", "--store", join(dir, "bad"), ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
