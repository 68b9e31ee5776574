import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";

let dir: string;
let cleanup: () => void;
let store: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  store = join(dir, "store");
});
afterEach(() => cleanup());

const add = [
  "campaigns",
  "add",
  "--id",
  "c1",
  "--name",
  "Spring SE/NO",
  "--targeting",
  "geo=se,NO",
  "--targeting",
  "device=Mobile",
  "--start",
  "2026-12-01",
  "--end",
  "2026-12-14",
  "--goal",
  "50000",
  "--priority",
  "guaranteed",
];

describe("avails campaigns", () => {
  it("adds, lists, shows and removes a campaign", async () => {
    const added = await cli(["--store", store, ...add, "--json"]);
    expect(added.stderr).toBe("");
    expect(JSON.parse(added.stdout)).toMatchObject({
      id: "c1",
      targeting: { geo: ["SE", "NO"], device: ["mobile"] },
    });

    const list = await cli(["--store", store, "campaigns", "list", "--json"]);
    expect(JSON.parse(list.stdout)).toEqual([
      {
        id: "c1",
        name: "Spring SE/NO",
        advertiser: null,
        targeting: { geo: ["SE", "NO"], device: ["mobile"] },
        start: "2026-12-01",
        end: "2026-12-14",
        priority: "guaranteed",
        pacing: "even",
        goal_impressions: 50_000,
        cpm_micros: null,
      },
    ]);
    const table = await cli(["--store", store, "campaigns", "list"]);
    expect(table.stdout).toMatch(
      /c1\s+guaranteed\s+even\s+2026-12-01\s+2026-12-14\s+50,000\s+geo=SE,NO device=mobile/,
    );

    const show = await cli(["--store", store, "campaigns", "show", "c1"]);
    expect(show.stdout).toContain("targeting    geo=SE,NO device=mobile");

    expect((await cli(["--store", store, "campaigns", "remove", "c1"])).stdout).toBe("removed campaign c1\n");
    expect((await cli(["--store", store, "campaigns", "list", "--json"])).stdout).toBe("[]\n");
  });

  it("fails with one line naming the flag, the duplicate id or the missing campaign", async () => {
    await cli(["--store", store, ...add]);
    const duplicate = await cli(["--store", store, ...add]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toBe('avails: campaign id "c1" is already stored\n');

    const cases: [string[], string][] = [
      [["--goal", "lots"], 'avails: --goal: "lots" is not a whole number\n'],
      [
        ["--targeting", "region=north"],
        'avails: --targeting: unknown dimension "region" (configured: geo, device, content)\n',
      ],
      [["--end", "2026-11-01"], "avails: --end: 2026-11-01 is before the start 2026-12-01\n"],
      [
        ["--priority", "urgent"],
        'avails: --priority: expected one of guaranteed, standard, house, got "urgent"\n',
      ],
      [["--start", "2026-13-01"], 'avails: --start: expected a date (YYYY-MM-DD), got "2026-13-01"\n'],
    ];
    for (const [patch, message] of cases) {
      const args = [...add];
      args[args.indexOf("c1")] = "c2";
      const i = args.indexOf(patch[0]);
      if (i >= 0) args[i + 1] = patch[1];
      else args.push(...patch);
      const result = await cli(["--store", store, ...args]);
      expect([result.code, result.stderr]).toEqual([1, message]);
    }
    const missing = await cli(["--store", store, "campaigns", "add", "--id", "c3"]);
    expect(missing.stderr).toBe("avails: --name is required\n");
    expect((await cli(["--store", store, "campaigns", "show", "nope"])).stderr).toBe(
      'avails: no campaign "nope"\n',
    );
    expect((await cli(["--store", store, "campaigns", "remove", "nope"])).stderr).toBe(
      'avails: no campaign "nope"\n',
    );
    expect(JSON.parse((await cli(["--store", store, "campaigns", "list", "--json"])).stdout)).toHaveLength(1);
  });

  it("imports the demo's campaigns.json all or nothing", async () => {
    const demo = await cli([
      "demo",
      "--out",
      join(dir, "logs"),
      "--days",
      "20",
      "--scale",
      "500",
      "--store",
      join(dir, "demo-store"),
    ]);
    expect(demo.code).toBe(0);
    const file = join(dir, "logs", "campaigns.json");
    const imported = await cli(["--store", store, "campaigns", "import", file]);
    expect(imported.stderr).toBe("");
    const list = JSON.parse((await cli(["--store", store, "campaigns", "list", "--json"])).stdout);
    expect(list.length).toBeGreaterThanOrEqual(36);
    expect(list.some((c: { targeting: object }) => Object.keys(c.targeting).length === 0)).toBe(true);

    const again = await cli(["--store", store, "campaigns", "import", file]);
    expect(again.stderr).toMatch(/^avails: campaign id "c\d+" is already stored\n$/);

    const bad = join(dir, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify([
        { ...list[0], id: "new1" },
        { ...list[1], id: "new2", targeting: { region: ["x"] } },
      ]),
    );
    const refused = await cli(["--store", store, "campaigns", "import", bad]);
    expect(refused.stderr).toBe(
      `avails: ${bad}[1].targeting: unknown dimension "region" (configured: geo, device, content)\n`,
    );
    const after = JSON.parse((await cli(["--store", store, "campaigns", "list", "--json"])).stdout);
    expect(after).toHaveLength(list.length);
  });
});
