import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../src/store/duckdb-store.js";
import { at, cli, defaultConfig, opportunity, type Row, tempDir, writeNdjson } from "./helpers.js";

let dir: string;
let cleanup: () => void;
let store: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  store = join(dir, "store");
});
afterEach(() => cleanup());

async function run(args: string[]) {
  const result = await cli(["--store", store, ...args]);
  expect(result.stderr.includes("avails:") ? result.stderr : "").toBe("");
  return JSON.parse(result.stdout);
}

async function daily() {
  const result = await cli(["--store", store, "series", "--level", "total", "--freq", "daily"]);
  return result.stdout;
}

/** `n` opportunities spread over a day (day 0 is 2026-10-01). */
function day(dayIndex: number, n: number, prefix = `d${dayIndex}`): Row[] {
  return Array.from({ length: n }, (_, i) => opportunity(`${prefix}-${i}`, dayIndex * 24 + (i % 24)));
}

describe("avails backfill", () => {
  it("replaces whole days, takes events that were too late for the live path, and leaves other days alone", async () => {
    for (let d = 0; d < 6; d++)
      await run(["ingest", "--json", writeNdjson(join(dir, `live-${d}.ndjson`), day(d, 10))]);
    // A day-0 event arriving on day 5 is too late for the live path.
    const late = await run([
      "ingest",
      "--json",
      writeNdjson(join(dir, "late.ndjson"), [opportunity("late", 3)]),
    ]);
    expect(late.quarantined).toEqual({ too_late: 1 });

    // The corrected export of days 0-1: day 0 with the late event, day 1 with 2 events fewer, plus a row of day 2.
    const corrected = [...day(0, 10), opportunity("late", 3), ...day(1, 8), opportunity("stray", 50)];
    const report = await run([
      "backfill",
      "--json",
      "--from",
      "2026-10-01",
      "--to",
      "2026-10-02",
      writeNdjson(join(dir, "corrected.ndjson"), corrected),
    ]);
    expect(report).toMatchObject({
      kind: "backfill",
      accepted: 19,
      removed: 20,
      outsideRange: 1,
      duplicates: 0,
    });
    expect(await daily()).toBe(
      [
        "unique_id,ds,y",
        "total,2026-10-01,11",
        "total,2026-10-02,8",
        "total,2026-10-03,10",
        "total,2026-10-04,10",
        "total,2026-10-05,10",
        "total,2026-10-06,10",
        "",
      ].join("\n"),
    );
  });

  it("backfills the days of the reporting time zone", async () => {
    const { writeFileSync } = await import("node:fs");
    const config = join(dir, "ny.json");
    writeFileSync(config, JSON.stringify({ timeZone: "America/New_York" }));
    await run(["--config", config, "ingest", "--json", writeNdjson(join(dir, "a.ndjson"), day(0, 24))]);
    // 2026-09-30 in New York runs to 04:00 UTC on 2026-10-01: hours 0-3 of the UTC day.
    const report = await run([
      "--config",
      config,
      "backfill",
      "--json",
      "--from",
      "2026-09-30",
      "--to",
      "2026-09-30",
      writeNdjson(join(dir, "b.ndjson"), []),
    ]);
    expect(report.removed).toBe(4);
    const s = await run(["status", "--json"]);
    expect(s.events.opportunity).toBe(20);
  });

  it("refuses a range that ends before it starts, or a bad date, naming the flag", async () => {
    const file = writeNdjson(join(dir, "a.ndjson"), day(0, 2));
    const reversed = await cli([
      "--store",
      store,
      "backfill",
      "--from",
      "2026-10-05",
      "--to",
      "2026-10-01",
      file,
    ]);
    expect(reversed.code).toBe(1);
    expect(reversed.stderr.trim()).toBe("avails: --to 2026-10-01 is before --from 2026-10-05");
    const bad = await cli(["--store", store, "backfill", "--from", "2026-02-30", "--to", "2026-10-01", file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('avails: --from: "2026-02-30" is not a date (YYYY-MM-DD)');
  });

  it("is atomic: a concurrent reader sees the old days or the new days, never a mix", async () => {
    const before: Row[] = [];
    const after: Row[] = [];
    for (let d = 0; d < 3; d++) {
      for (let i = 0; i < 40_000; i++) {
        const hour = d * 24 + (i % 24);
        before.push(opportunity(`b${d}-${i}`, hour, i % 2 ? "SE" : "NO"));
        // The backfill brings a different number of events per day, so a half-applied backfill would show.
        if (i % 4 !== 0)
          after.push(opportunity(`a${d}-${i}`, hour, i % 3 ? "DK" : "SE", "mobile", { count: 2 }));
      }
    }
    const writer = await openStore(store, defaultConfig);
    await writer.ingest([writeNdjson(join(dir, "before.ndjson"), before)]);
    const reader = await openStore(store, defaultConfig);
    const total = async () => {
      const slice = await reader.cube({ level: "geo", measure: "opportunities" });
      let sum = 0;
      for (const v of slice.value) sum += v;
      return sum;
    };
    const oldTotal = await total();
    expect(oldTotal).toBe(before.length);
    const file = writeNdjson(join(dir, "after.ndjson"), after);
    const observed: number[] = [];
    let finished = false;
    const backfill = writer
      .backfill([file], {
        start: Date.UTC(2026, 9, 1),
        end: Date.UTC(2026, 9, 3),
        from: "2026-10-01",
        to: "2026-10-02",
      })
      .finally(() => {
        finished = true;
      });
    while (!finished) observed.push(await total());
    await backfill;
    const newTotal = await total();
    const keptDay = before.length / 3;
    const newDays = after.filter((r) => r.event_time < at(48)).length * 2;
    expect(newTotal).toBe(keptDay + newDays);
    expect(observed.length).toBeGreaterThan(1);
    for (const seen of observed) expect([oldTotal, newTotal]).toContain(seen);
    await reader.close();
    await writer.close();
  });
});
