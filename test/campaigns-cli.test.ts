import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";
import { writeSteadyTraffic } from "./steady-traffic.js";

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
    // A guaranteed campaign in a store without a published run cannot be checked: refused unless forced.
    const unchecked = await cli(["--store", store, ...add]);
    expect(unchecked.code).toBe(1);
    expect(unchecked.stderr).toBe(
      "avails: booking refused: c1: no published forecast run to check against: run `avails forecast` first; nothing stored (--force books it anyway)\n",
    );
    expect((await cli(["--store", store, "campaigns", "list", "--json"])).stdout).toBe("[]\n");
    const added = await cli(["--store", store, ...add, "--force", "--json"]);
    expect(added.stderr).toBe("");
    expect(JSON.parse(added.stdout)).toMatchObject({
      id: "c1",
      targeting: { geo: ["SE", "NO"], device: ["mobile"] },
      booking: { decision: "forced", verdict: "cannot_check" },
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
        time_zone: "UTC",
        priority: "guaranteed",
        pacing: "even",
        frontload_percent: null,
        goal_impressions: 50_000,
        budget_micros: null,
        cpm_micros: null,
        daily_cap: null,
      },
    ]);
    const table = await cli(["--store", store, "campaigns", "list"]);
    expect(table.stdout).toMatch(
      /c1\s+guaranteed\s+even\s+2026-12-01\s+2026-12-14\s+UTC\s+50,000\s+geo=SE,NO device=mobile/,
    );

    const show = await cli(["--store", store, "campaigns", "show", "c1"]);
    expect(show.stdout).toContain("targeting    geo=SE,NO device=mobile");
    expect(show.stdout).toContain("flight       2026-12-01 to 2026-12-14 (inclusive, UTC)");

    // Smaller and standard: asks for no more inventory, and standard campaigns are not guarded anyway.
    const updated = await cli([
      "--store",
      store,
      "campaigns",
      "update",
      "c1",
      "--priority",
      "standard",
      "--budget",
      "400",
      "--cpm",
      "10",
      "--time-zone",
      "Europe/Stockholm",
      "--pacing",
      "frontloaded",
      "--frontload-percent",
      "25",
      "--daily-cap",
      "5000",
    ]);
    expect(updated.stderr).toBe("");
    expect(updated.stdout).toContain(
      "booking guard: c1 unchecked: standard campaigns are not guarded (only guaranteed ones are)",
    );
    expect(updated.stdout).toContain("flight       2026-12-01 to 2026-12-14 (inclusive, Europe/Stockholm)");
    expect(updated.stdout).toContain("goal         40,000 impressions (from the budget)");
    expect(updated.stdout).toContain("pacing       frontloaded 25%");
    expect(
      JSON.parse((await cli(["--store", store, "campaigns", "show", "c1", "--json"])).stdout),
    ).toMatchObject({
      priority: "standard",
      goal_impressions: 40_000,
      budget_micros: 400_000_000,
      cpm_micros: 10_000_000,
      time_zone: "Europe/Stockholm",
      pacing: "frontloaded",
      frontload_percent: 25,
      daily_cap: 5000,
    });
    const decisions = JSON.parse((await cli(["--store", store, "campaigns", "decisions", "--json"])).stdout);
    expect(decisions.map((d: { action: string; decision: string }) => [d.action, d.decision])).toEqual([
      ["add", "refused"],
      ["add", "forced"],
      ["update", "unchecked"],
    ]);

    expect((await cli(["--store", store, "campaigns", "remove", "c1"])).stdout).toBe("removed campaign c1\n");
    expect((await cli(["--store", store, "campaigns", "list", "--json"])).stdout).toBe("[]\n");
  });

  it("fails with one line naming the flag, the duplicate id or the missing campaign", async () => {
    await cli(["--store", store, ...add, "--force"]);
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
      [
        ["--time-zone", "Mars/Base"],
        'avails: --time-zone: expected an IANA time zone (e.g. Europe/Stockholm), got "Mars/Base"\n',
      ],
      [["--budget", "100"], "avails: --goal and --budget: give one of them, not both\n"],
      [["--pacing", "slow"], 'avails: --pacing: expected one of even, frontloaded, asap, got "slow"\n'],
      [
        ["--pacing", "frontloaded"],
        "avails: --frontload-percent: expected a whole percentage 1-100 with --pacing frontloaded, got nothing\n",
      ],
      [
        ["--frontload-percent", "20"],
        "avails: --frontload-percent: only with --pacing frontloaded (pacing is even)\n",
      ],
      [
        ["--daily-cap", "100"],
        "avails: --daily-cap: 100 a day over 14 flight day(s) carries at most 1400, less than the goal of 50000\n",
      ],
      [
        ["--confidence", "100"],
        'avails: --confidence: "100" is not a whole percentage 1-99 (80 books against P20 of available)\n',
      ],
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
    const noGoal = [...add];
    noGoal.splice(noGoal.indexOf("--goal"), 2);
    noGoal[noGoal.indexOf("c1")] = "c4";
    expect((await cli(["--store", store, ...noGoal])).stderr).toBe(
      "avails: --goal or --budget is required (impressions, or a budget with --cpm)\n",
    );
    expect((await cli(["--store", store, ...noGoal, "--budget", "500"])).stderr).toBe(
      "avails: --cpm: required with --budget (the price of the budget)\n",
    );
    const update = (...args: string[]) => cli(["--store", store, "campaigns", "update", ...args]);
    expect((await update("nope", "--goal", "5")).stderr).toBe('avails: no campaign "nope"\n');
    expect((await update("c1")).stderr).toMatch(
      /^avails: campaigns update: give at least one field to change/,
    );
    expect((await update("c1", "--end", "2026-11-30")).stderr).toBe(
      "avails: --end: 2026-11-30 is before the start 2026-12-01\n",
    );
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
      "--logs-only",
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
    // No published run: the guaranteed campaigns cannot be checked, so nothing is imported without --force.
    const unchecked = await cli(["--store", store, "campaigns", "import", file]);
    expect(unchecked.code).toBe(1);
    expect(unchecked.stderr).toMatch(
      /^avails: booking refused: \d+ of \d+ campaigns do not fit or cannot be checked \(c\d+(, c\d+)*\); nothing stored \(--force books them anyway\)\n$/,
    );
    expect((await cli(["--store", store, "campaigns", "list", "--json"])).stdout).toBe("[]\n");
    const imported = await cli(["--store", store, "campaigns", "import", file, "--force"]);
    expect(imported.stderr).toBe("");
    const list = JSON.parse((await cli(["--store", store, "campaigns", "list", "--json"])).stdout);
    expect(list.length).toBeGreaterThanOrEqual(36);
    expect(list.some((c: { targeting: object }) => Object.keys(c.targeting).length === 0)).toBe(true);

    // Old records default sensibly: the reporting time zone, no budget, frontloading or cap.
    expect(list[0]).toMatchObject({
      time_zone: "UTC",
      budget_micros: null,
      frontload_percent: null,
      daily_cap: null,
    });
    const again = await cli(["--store", store, "campaigns", "import", file, "--force"]);
    expect(again.stderr).toMatch(/^avails: campaign id "c\d+" is already stored\n$/);

    const bad = join(dir, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify([
        { ...list[0], id: "new1" },
        { ...list[1], id: "new2", targeting: { region: ["x"] } },
      ]),
    );
    const refused = await cli(["--store", store, "campaigns", "import", bad, "--force"]);
    expect(refused.stderr).toBe(
      `avails: ${bad}[1].targeting: unknown dimension "region" (configured: geo, device, content)\n`,
    );
    const after = JSON.parse((await cli(["--store", store, "campaigns", "list", "--json"])).stdout);
    expect(after).toHaveLength(list.length);
  });
});

describe("avails campaigns: the booking guard on a published run", () => {
  // Four weeks of steady traffic, a published 96-hour run: 2026-10-29..2026-11-01 UTC; SE|mobile has about
  // 9,700 opportunities a day, 38,700 over the four days.
  let guarded: { dir: string; cleanup: () => void };
  let data: string;
  beforeAll(async () => {
    guarded = tempDir("avails-guard-cli-");
    data = join(guarded.dir, "data");
    const traffic = writeSteadyTraffic(join(guarded.dir, "traffic.ndjson"), 28);
    for (const args of [
      ["ingest", traffic],
      ["forecast", "--horizon", "96", "--paths", "200", "--history-days", "28"],
    ]) {
      const result = await cli(["--store", data, ...args]);
      expect(result.code, result.stderr).toBe(0);
    }
  });
  afterAll(() => guarded.cleanup());

  const book = (id: string, goal: string, ...more: string[]) =>
    cli([
      "--store",
      data,
      "campaigns",
      "add",
      "--id",
      id,
      "--name",
      id,
      "--targeting",
      "geo=SE",
      "--targeting",
      "device=mobile",
      "--start",
      "2026-10-29",
      "--end",
      "2026-11-01",
      "--goal",
      goal,
      "--priority",
      "guaranteed",
      ...more,
    ]);

  it("accepts a fitting campaign, refuses an overbooking one with the shortfall per day, books it with --force", async () => {
    const fits = await book("g1", "20000");
    expect(fits.stderr).toBe("");
    expect(fits.stdout).toMatch(
      /^booking guard: g1 accepted: fits: goal 20,000 within [\d,]+ available at P20 \(confidence 80%\) over 2026-10-29..2026-11-01 \(UTC\), run r000001\nadded campaign g1: g1\n/,
    );

    const refused = await book("g2", "25000");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^avails: booking refused: g2: short by [\d,]+ of a goal of 25,000: [\d,]+ available at P20 \(confidence 80%\) .*; nothing stored \(--force books it anyway\)\n$/,
    );
    const lines = refused.stdout.trim().split("\n");
    expect(lines[1]).toMatch(/^ {2}day +matched +available +available P20 +wants +short$/);
    for (const [i, day] of ["2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01"].entries()) {
      // Every day is short: about 6,250 wanted of some 4,700 left.
      expect(lines[2 + i]).toMatch(
        new RegExp(`^ {2}${day} +[\\d,]+ +[\\d,]+ +[\\d,]+ +6,[\\d]{3} +1,[\\d]{3}$`),
      );
    }
    expect(lines[6]).toMatch(/^ {2}flight +[\d,]+ +[\d,]+ +25,000 +[\d,]+$/);
    expect(lines[7]).toBe("  contending guaranteed campaigns: g1 20,000");
    const list = JSON.parse((await cli(["--store", data, "campaigns", "list", "--json"])).stdout);
    expect(list.map((c: { id: string }) => c.id)).toEqual(["g1"]);

    // At a lower confidence there is more to book against, but still not 25,000 next to g1's 20,000.
    expect((await book("g2", "25000", "--confidence", "50")).code).toBe(1);
    const forced = await book("g2", "25000", "--force", "--json");
    expect(forced.stderr).toBe("");
    expect(JSON.parse(forced.stdout).booking).toMatchObject({ decision: "forced", verdict: "short" });

    const log = JSON.parse((await cli(["--store", data, "campaigns", "decisions", "--json"])).stdout);
    expect(
      log.map((d: { campaign_id: string; decision: string }) => `${d.campaign_id} ${d.decision}`),
    ).toEqual(["g1 accepted", "g2 refused", "g2 refused", "g2 forced"]);
    expect(log[1].figures.confidence).toBe(80);
    expect(log[2].figures).toMatchObject({ confidence: 50, quantile: "p50" });
    expect(log[1].figures.days).toHaveLength(4);
    const table = await cli(["--store", data, "campaigns", "decisions", "--campaign", "g2"]);
    expect(table.stdout).toMatch(
      /^seq +decided at +campaign +action +decision +goal +bookable +short +run +reason$/m,
    );
    expect(table.stdout).toMatch(
      /^ +2 +\S+ \S+ +g2 +add +refused +25,000 +[\d,]+ +[\d,]+ +r000001 +short by /m,
    );
    expect(table.stdout).not.toContain(" g1 ");

    // Enlarging g1 next to g2 (forced) is refused and leaves it as it was; a rename is not checked.
    const grow = await cli(["--store", data, "campaigns", "update", "g1", "--goal", "30000"]);
    expect(grow.code).toBe(1);
    expect(grow.stderr).toMatch(/; the update grows: goal 20,000 → 30,000; nothing stored/);
    const rename = await cli(["--store", data, "campaigns", "update", "g1", "--name", "First"]);
    expect(rename.stdout).toContain("booking guard: g1 unchecked: the update asks for no more inventory");
    const g1 = JSON.parse((await cli(["--store", data, "campaigns", "show", "g1", "--json"])).stdout);
    expect([g1.name, g1.goal_impressions]).toEqual(["First", 20_000]);
  });
});
