import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../src/store/duckdb-store.js";
import type { RunPayload } from "../src/store/run-payload.js";
import { cli, defaultConfig, tempDir } from "./helpers.js";
import { testPayload } from "./run-payload.js";

/** Creates runs through the module API (what `avails forecast` will call) and closes the store. */
async function createRuns(dir: string, payloads: RunPayload[]): Promise<string[]> {
  const store = await openStore(dir, defaultConfig);
  try {
    const ids: string[] = [];
    for (const p of payloads) ids.push(await store.runs.create(p));
    return ids;
  } finally {
    await store.close();
  }
}

/** The published run's id and means, as a reader (serving) sees them. */
async function served(dir: string): Promise<{ id: string; means: number[] } | null> {
  const store = await openStore(dir, defaultConfig, { readOnly: true });
  try {
    const run = await store.runs.readPublished(["means"]);
    return run === null ? null : { id: run.info.id, means: [...run.arrays.means] };
  } finally {
    await store.close();
  }
}

describe("avails runs", () => {
  it("runs list, publish, show and rollback: serving reads each published run's answers, and the previous ones after a rollback", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const [a, b] = await createRuns(dir, [testPayload(100), testPayload(110)]);
      const list = await cli(["--store", dir, "runs", "list"]);
      expect(list.code).toBe(0);
      expect(list.stdout.split("\n")[0]).toMatch(
        /^id\s+status\s+created\s+watermark\s+seed\s+config\s+size\s+gates$/,
      );
      expect(list.stdout).toMatch(/r000002\s+pending\s+.*\s42\s+0123456789abcdef\s+.*KiB\s+pass/);
      expect(await served(dir)).toBeNull();

      expect((await cli(["--store", dir, "runs", "publish", a])).stdout.trim()).toBe("published r000001");
      const first = await served(dir);
      expect(first?.id).toBe(a);
      expect(first?.means).toEqual([...testPayload(100).arrays.means.data]);

      const second = await cli(["--store", dir, "runs", "publish", "2", "--json"]);
      expect(JSON.parse(second.stdout)).toMatchObject({
        id: b,
        previous: a,
        forced: false,
        unchanged: false,
      });
      expect((await served(dir))?.means).toEqual([...testPayload(110).arrays.means.data]);

      const shown = await cli(["--store", dir, "runs", "show", a]);
      expect(shown.stdout).toContain("run r000001  superseded");
      expect(shown.stdout).toMatch(/total\s+\d[\d,.]*\s+1 series/);

      const back = await cli(["--store", dir, "runs", "rollback"]);
      expect(back).toMatchObject({ code: 0, stdout: "rolled back from r000002: r000001 is published\n" });
      expect(await served(dir)).toEqual(first);
      const json = JSON.parse((await cli(["--store", dir, "runs", "list", "--json"])).stdout);
      expect(json.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
        [b, "rolled_back"],
        [a, "published"],
      ]);
    } finally {
      cleanup();
    }
  });

  it("runs publish of a run with a NaN fails with one line naming the series; serving keeps the published run; --force overrides", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const [good, bad] = await createRuns(dir, [testPayload(100), testPayload(100, { nan: true })]);
      await cli(["--store", dir, "runs", "publish", good]);
      const refused = await cli(["--store", dir, "runs", "publish", bad]);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).toBe("");
      expect(refused.stderr.trim().split("\n")).toHaveLength(1);
      expect(refused.stderr).toContain(
        'avails: r000002 not published, a gate failed: finite: array "means" holds 1 non-finite value(s) of 144, ' +
          'the first NaN in row "geo=SE0" at offset 7',
      );
      expect((await served(dir))?.id).toBe(good);
      const shown = await cli(["--store", dir, "runs", "show", bad]);
      expect(shown.stdout).toContain("run r000002  rejected");
      expect(shown.stdout).toMatch(/finite\s+FAIL\n\s+array "means" holds 1 non-finite/);
      expect(shown.stdout).toContain('level "total" total is NaN');

      const forced = await cli(["--store", dir, "runs", "publish", bad, "--force"]);
      expect(forced.stdout.trim()).toBe("published r000002 (was r000001), forced past: finite");
      expect((await served(dir))?.id).toBe(bad);
      expect((await cli(["--store", dir, "runs", "list"])).stdout).toMatch(/r000002\s+published \(forced\)/);
    } finally {
      cleanup();
    }
  });

  it("runs publish refuses a level that moved more than runs.maxLevelShift of the config file", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const [a, b] = await createRuns(dir, [testPayload(100), testPayload(125)]);
      const config = join(dir, "avails.config.json");
      writeFileSync(config, JSON.stringify({ runs: { maxLevelShift: 0.2 } }));
      await cli(["--store", dir, "--config", config, "runs", "publish", a]);
      const refused = await cli(["--store", dir, "--config", config, "runs", "publish", b]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /level_shift: level "total" total moved \+25\.0% from r000001 .* over the 20\.0% limit/,
      );
      // The default limit (50%) lets it through.
      expect((await cli(["--store", dir, "runs", "publish", b])).code).toBe(0);
    } finally {
      cleanup();
    }
  });

  it("runs commands fail with one line for a bad id, an unknown run, and nothing to roll back", async () => {
    const { dir, cleanup } = tempDir();
    try {
      await createRuns(dir, [testPayload(100)]);
      const cases: [string[], string][] = [
        [["runs", "show", "x1"], 'avails: "x1" is not a run id (like r000012)'],
        [["runs", "publish", "r000009"], "avails: no run r000009 (avails runs list shows the runs)"],
        [["runs", "rollback"], "avails: no run is published: there is nothing to roll back"],
      ];
      for (const [args, message] of cases) {
        const result = await cli(["--store", dir, ...args]);
        expect(result.code, args.join(" ")).toBe(1);
        expect(result.stderr.trim()).toBe(message);
      }
      await cli(["--store", dir, "runs", "publish", "r000001"]);
      const only = await cli(["--store", dir, "runs", "rollback"]);
      expect(only.stderr.trim()).toBe(
        "avails: nothing to roll back to: r000001 is the only published run left",
      );
      expect((await cli(["--store", dir, "runs", "publish", "r000001"])).stdout.trim()).toBe(
        "r000001 is already the published run",
      );
    } finally {
      cleanup();
    }
  });
});
