import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers.js";

describe("avails adjustments", () => {
  it("adjustments add, list and remove round trip, with --json", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = ["--store", dir];
      const added = await cli([
        ...store,
        "adjustments",
        "add",
        "--targeting",
        "geo=se,device=mobile",
        "--start",
        "2026-12-01",
        "--end",
        "2026-12-24",
        "--percent",
        "15",
      ]);
      expect(added).toMatchObject({ code: 0, stderr: "" });
      expect(added.stdout.trim()).toBe(
        'added adjustment 1 "geo=SE,device=mobile +15%": geo=SE,device=mobile +15% from 2026-12-01 to 2026-12-24',
      );
      const volume = await cli([
        ...store,
        "adjustments",
        "add",
        "--targeting",
        "geo=NO+DK",
        "--start",
        "2026-12-20",
        "--end",
        "2026-12-31",
        "--daily-volume",
        "50000",
        "--name",
        "Nordic holidays",
        "--json",
      ]);
      expect(JSON.parse(volume.stdout)).toMatchObject({
        id: 2,
        name: "Nordic holidays",
        targeting: { geo: ["NO", "DK"] },
        kind: "daily_volume",
        value: 50_000,
      });
      const list = await cli([...store, "adjustments", "list"]);
      expect(list.stdout.split("\n").slice(0, 3)).toEqual([
        "id  name                       targeting             start       end         change",
        "1   geo=SE,device=mobile +15%  geo=SE,device=mobile  2026-12-01  2026-12-24  +15%",
        "2   Nordic holidays            geo=NO+DK             2026-12-20  2026-12-31  50,000/day",
      ]);
      expect((await cli([...store, "adjustments", "remove", "1"])).stdout.trim()).toBe(
        'removed adjustment 1 "geo=SE,device=mobile +15%"',
      );
      const json = JSON.parse((await cli([...store, "adjustments", "list", "--json"])).stdout);
      expect(json.map((a: { id: number }) => a.id)).toEqual([2]);
    } finally {
      cleanup();
    }
  });

  it("adjustments add and remove fail with one line naming the flag, and store nothing", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = ["--store", dir];
      const good = ["--targeting", "geo=SE", "--start", "2026-12-01", "--end", "2026-12-24"];
      const cases: [string[], string][] = [
        [
          [...good, "--percent", "15", "--daily-volume", "5"],
          "--percent and --daily-volume: give one of them",
        ],
        [good, "--percent or --daily-volume: give one"],
        [[...good, "--percent", "-100"], "--percent: -100 would take the forecast to zero or below"],
        [
          [...good.slice(0, 4), "--end", "2026-11-01", "--percent", "5"],
          "--end: 2026-11-01 is before --start",
        ],
        [
          [...good.slice(0, 2), "--start", "2026-12-32", "--end", "2026-12-24", "--percent", "5"],
          '--start: "2026-12-32"',
        ],
        [
          ["--targeting", "region=north", ...good.slice(2), "--percent", "5"],
          '--targeting: unknown dimension "region"',
        ],
      ];
      for (const [flags, message] of cases) {
        const result = await cli([...store, "adjustments", "add", ...flags]);
        expect(result.code, flags.join(" ")).toBe(1);
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
        expect(result.stderr).toContain(`avails: ${message}`);
      }
      expect((await cli([...store, "adjustments", "list"])).stdout.trim()).toBe("no adjustments");
      const remove = await cli([...store, "adjustments", "remove", "abc"]);
      expect(remove.stderr.trim()).toBe(
        'avails: ID: "abc" is not an adjustment id (a whole number, as adjustments list shows)',
      );
      expect((await cli([...store, "adjustments", "remove", "7"])).stderr.trim()).toBe(
        "avails: no adjustment 7 (avails adjustments list shows them)",
      );
    } finally {
      cleanup();
    }
  });
});
