import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../src/store/duckdb-store.js";
import {
  at,
  cli,
  cubeDigest,
  defaultConfig,
  impression,
  opportunity,
  tempDir,
  writeNdjson,
} from "./helpers.js";

let dir: string;
let cleanup: () => void;
let store: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  store = join(dir, "store");
});
afterEach(() => cleanup());

async function ingest(...paths: string[]) {
  const result = await cli(["--store", store, "ingest", "--json", ...paths]);
  expect(result.stderr.includes("avails:") ? result.stderr : "", "ingest failed").toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

async function status() {
  const result = await cli(["--store", store, "status", "--json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

async function series(level: string, measure = "opportunities", freq = "hourly") {
  const result = await cli([
    "--store",
    store,
    "series",
    "--level",
    level,
    "--measure",
    measure,
    "--freq",
    freq,
  ]);
  expect(result.code).toBe(0);
  return result.stdout;
}

describe("avails ingest", () => {
  it("counts a repeated event_id once, within a file and across files and runs", async () => {
    const a = writeNdjson(join(dir, "a.ndjson"), [
      opportunity("o1", 0),
      opportunity("o1", 0),
      opportunity("o2", 1),
      impression("i1", 1),
    ]);
    const b = writeNdjson(join(dir, "b.ndjson"), [
      opportunity("o2", 1),
      impression("i1", 1),
      opportunity("o3", 2),
    ]);
    const first = await ingest(a, b);
    expect(first.accepted).toBe(4);
    expect(first.duplicates).toBe(3);
    const second = await ingest(b);
    expect(second.accepted).toBe(0);
    expect(second.duplicates).toBe(3);
    const s = await status();
    expect(s.events).toEqual({ opportunity: 3, impression: 1, click: 0 });
    expect(s.duplicates).toBe(6);
    expect(await series("total")).toBe(
      "unique_id,ds,y\ntotal,2026-10-01 00:00:00,1\ntotal,2026-10-01 01:00:00,1\ntotal,2026-10-01 02:00:00,1\n",
    );
  });

  it("keeps the copy with the latest ingestion_time, whichever run brings it", async () => {
    const older = { ingestion_time: at(5) };
    const newer = { ingestion_time: at(6) };
    await ingest(writeNdjson(join(dir, "a.ndjson"), [opportunity("o1", 0, "SE", "mobile", newer)]));
    // An older copy arriving later is a duplicate and changes nothing.
    const stale = await ingest(
      writeNdjson(join(dir, "b.ndjson"), [opportunity("o1", 0, "NO", "mobile", older)]),
    );
    expect(stale.duplicates).toBe(1);
    expect(await series("geo")).toBe("unique_id,ds,y\ngeo=SE,2026-10-01 00:00:00,1\n");
    // A newer copy replaces the stored one: the event moves to its geo, still counted once.
    const newest = await ingest(
      writeNdjson(join(dir, "c.ndjson"), [opportunity("o1", 0, "DK", "mobile", { ingestion_time: at(7) })]),
    );
    expect(newest.replaced).toBe(1);
    expect(await series("geo")).toBe("unique_id,ds,y\ngeo=DK,2026-10-01 00:00:00,1\n");
    expect((await status()).events.opportunity).toBe(1);
  });

  it("quarantines rows older than the watermark before the run minus the allowed lateness as too_late", async () => {
    await ingest(writeNdjson(join(dir, "a.ndjson"), [opportunity("o1", 0), opportunity("o2", 100)]));
    const late = await ingest(
      writeNdjson(join(dir, "b.ndjson"), [
        opportunity("late", 100 - 73), // 73 h before the watermark (100 h, 5 min): too late
        opportunity("ok", 100 - 71), // within 72 h: accepted
      ]),
    );
    expect(late.accepted).toBe(1);
    expect(late.quarantined).toEqual({ too_late: 1 });
    const s = await status();
    expect(s.quarantined).toEqual({ too_late: 1 });
    expect(s.events.opportunity).toBe(3);
    const rows = await cli(["--store", store, "quarantine", "--json", "--reason", "too_late"]);
    const entry = JSON.parse(rows.stdout.trim());
    expect(entry.line).toBe(1);
    expect(entry.source).toBe(join(dir, "b.ndjson"));
    expect(JSON.parse(entry.raw).event_id).toBe("late");
    expect(entry.detail).toContain("72 h before the watermark");
  });

  it("treats an old row already stored with the same or newer ingestion_time as a duplicate, not late", async () => {
    const old = opportunity("o1", 0, "SE", "mobile", { ingestion_time: at(1) });
    await ingest(writeNdjson(join(dir, "a.ndjson"), [old]));
    await ingest(writeNdjson(join(dir, "b.ndjson"), [opportunity("o2", 200)]));
    const again = await ingest(writeNdjson(join(dir, "c.ndjson"), [old]));
    expect(again.duplicates).toBe(1);
    expect(again.quarantined).toEqual({});
  });

  it("never makes rows of one run late for each other (the watermark moves at commit)", async () => {
    await ingest(writeNdjson(join(dir, "a.ndjson"), [opportunity("o1", 100)]));
    const run = await ingest(
      writeNdjson(join(dir, "b.ndjson"), [opportunity("future", 500), opportunity("recent", 100 - 10)]),
    );
    expect(run.accepted).toBe(2);
    expect(run.watermarkAfter).toBe(at(500, 5));
  });

  it("takes any history into an empty store", async () => {
    const run = await ingest(
      writeNdjson(join(dir, "a.ndjson"), [opportunity("o1", -3000), opportunity("o2", 0)]),
    );
    expect(run.accepted).toBe(2);
    expect(run.quarantined).toEqual({});
  });

  it("lands a first run into an empty store as a run into a store with events does", async () => {
    // Retries with later and equal ingestion times, content tie-breaks, commas and bad rows among them.
    const rows = [];
    for (let i = 0; i < 300; i++) {
      rows.push(opportunity(`o${i}`, i % 50, ["SE", "no", "D,K"][i % 3], ["mobile", "TV"][i % 2]));
      if (i % 3 === 0) rows.push(impression(`i${i}`, i % 50, `c,${i % 4}`, { ingestion_time: at(60) }));
      if (i % 7 === 0) rows.push(impression(`i${i - (i % 3)}`, i % 50, "c9", { ingestion_time: at(61) }));
      if (i % 11 === 0) rows.push(opportunity(`o${i}`, i % 50, "FI", "mobile", { ingestion_time: at(1) }));
      if (i % 13 === 0) rows.push(opportunity(`o${i}`, (i + 1) % 50, "SE", "tv"));
    }
    rows.push({ event_id: "bad", event_type: "view", event_time: at(1) });
    const file = writeNdjson(join(dir, "a.ndjson"), rows);
    const empty = await openStore(join(dir, "empty"), defaultConfig);
    const first = await empty.ingest([file], { now: Date.UTC(2026, 9, 5) });
    // The other store already holds one of the events, so its run takes the general path.
    const held = await openStore(join(dir, "held"), defaultConfig);
    await held.ingest([writeNdjson(join(dir, "held.ndjson"), [rows[0]])], { now: Date.UTC(2026, 9, 5) });
    const later = await held.ingest([file], { now: Date.UTC(2026, 9, 5) });
    try {
      expect(await cubeDigest(held)).toBe(await cubeDigest(empty));
      expect((await held.status()).events).toEqual((await empty.status()).events);
      expect(later.accepted).toBe(first.accepted - 1);
      expect(later.duplicates).toBe(first.duplicates + 1);
      expect(later.quarantined).toEqual(first.quarantined);
      expect(first.quarantined).toEqual({ unknown_event_type: 1 });
    } finally {
      await empty.close();
      await held.close();
    }
  });

  it("is idempotent: ingesting the same file again leaves the cube as it was", async () => {
    const rows = [];
    for (let i = 0; i < 200; i++) {
      rows.push(opportunity(`o${i}`, i % 30, ["SE", "NO", "DK"][i % 3], ["mobile", "desktop"][i % 2]));
      if (i % 3 === 0) rows.push(impression(`i${i}`, i % 30, `c${i % 4}`));
    }
    const file = writeNdjson(join(dir, "a.ndjson"), rows);
    await ingest(file);
    const before = await Promise.all(
      ["total", "geo", "geo_device", "campaign"].map((l) => series(l, "impressions")),
    );
    const statusBefore = await status();
    const again = await ingest(file);
    expect(again.accepted).toBe(0);
    expect(again.duplicates).toBe(rows.length);
    const after = await Promise.all(
      ["total", "geo", "geo_device", "campaign"].map((l) => series(l, "impressions")),
    );
    expect(after).toEqual(before);
    expect((await status()).events).toEqual(statusBefore.events);
  });

  it("quarantines bad rows with their line and reason and lands the rest of the file", async () => {
    const file = join(dir, "mixed.ndjson");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      file,
      [
        JSON.stringify(opportunity("good1", 0)),
        '{"event_id": "broken", ',
        JSON.stringify({ ...opportunity("nogeo", 0), geo: undefined }),
        JSON.stringify({ ...opportunity("view", 0), event_type: "view" }),
        JSON.stringify(impression("neg", 0, "c1", { cost_micros: -3 })),
        JSON.stringify(opportunity("badtime", 0, "SE", "mobile", { event_time: "2026-10-01 10:00" })),
        JSON.stringify(opportunity("future", 0, "SE", "mobile", { event_time: "2100-01-01T00:00:00Z" })),
        JSON.stringify(opportunity("badcount", 0, "SE", "mobile", { count: "three" as unknown as number })),
        JSON.stringify(opportunity("good2", 1)),
      ].join("\n"),
    );
    const run = await ingest(file);
    expect(run.rowsRead).toBe(9);
    expect(run.accepted).toBe(2);
    expect(run.quarantined).toEqual({
      malformed: 1,
      "missing_field:geo": 1,
      unknown_event_type: 1,
      negative_cost: 1,
      bad_time: 1,
      future_time: 1,
      bad_type: 1,
    });
    const list = await cli(["--store", store, "quarantine", "--json"]);
    const lines = list.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(lines.find((l) => l.reason === "bad_type").detail).toContain("count");
  });

  it("reads CSV, NDJSON and gzip files and normalises dimension case", async () => {
    const { writeFileSync } = await import("node:fs");
    const { gzipSync } = await import("node:zlib");
    writeFileSync(
      join(dir, "a.csv"),
      `event_id,event_type,event_time,geo,device,campaign_id,cost_micros\nc1,opportunity,${at(0)},se,MOBILE,,\nc2,impression,${at(0)},SE,mobile,camp,1000\n`,
    );
    writeFileSync(
      join(dir, "b.ndjson.gz"),
      gzipSync(`${JSON.stringify(opportunity("g1", 0, "Se", "Mobile"))}\n`),
    );
    await ingest(dir);
    expect(await series("geo_device")).toBe("unique_id,ds,y\ngeo=SE|device=mobile,2026-10-01 00:00:00,2\n");
    expect(await series("campaign", "spend")).toBe(
      "unique_id,ds,y\ncampaign=camp,2026-10-01 00:00:00,0.001\n",
    );
  });

  it("fails with a one-line reason naming a missing path, and writes nothing", async () => {
    const result = await cli(["--store", store, "ingest", join(dir, "nope.ndjson")]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`avails: ${join(dir, "nope.ndjson")}: no such file or folder`);
    const s = await cli(["--store", store, "status", "--json"]);
    expect(JSON.parse(s.stdout).runs).toBe(0);
  });
});

describe("avails series and status", () => {
  it("zero-fills every key over the span and sums hours into days of the reporting time zone", async () => {
    await ingest(
      writeNdjson(join(dir, "a.ndjson"), [
        opportunity("a", 0, "SE"),
        opportunity("b", 30, "NO"),
        opportunity("c", 47, "NO"),
      ]),
    );
    const hourly = (await series("geo")).trim().split("\n");
    expect(hourly.length).toBe(1 + 2 * 48);
    expect(hourly).toContain("geo=NO,2026-10-01 00:00:00,0");
    const daily = await series("geo", "opportunities", "daily");
    expect(daily).toBe(
      "unique_id,ds,y\ngeo=NO,2026-10-01,0\ngeo=NO,2026-10-02,2\ngeo=SE,2026-10-01,1\ngeo=SE,2026-10-02,0\n",
    );
    const { writeFileSync } = await import("node:fs");
    const config = join(dir, "tokyo.json");
    writeFileSync(config, JSON.stringify({ timeZone: "Asia/Tokyo" }));
    // 2026-10-02 14:05 UTC is 23:05 in Tokyo, 2026-10-01 06:05 UTC is 15:05: days shift with the zone.
    const tokyo = await cli([
      "--store",
      store,
      "--config",
      config,
      "series",
      "--level",
      "total",
      "--freq",
      "daily",
    ]);
    expect(tokyo.stdout).toBe("unique_id,ds,y\ntotal,2026-10-01,1\ntotal,2026-10-02,1\ntotal,2026-10-03,1\n");
  });

  it("status --json has events, duplicates, quarantined and watermark", async () => {
    await ingest(writeNdjson(join(dir, "a.ndjson"), [opportunity("a", 3), opportunity("a", 3)]));
    const s = await status();
    expect(s).toMatchObject({
      events: { opportunity: 1, impression: 0, click: 0 },
      duplicates: 1,
      quarantined: {},
      watermark: at(3, 5),
    });
    expect(s.freshnessSeconds).toBeGreaterThan(0);
  });

  it("rejects bad series parameters with the flag named", async () => {
    await ingest(writeNdjson(join(dir, "a.ndjson"), [opportunity("a", 3)]));
    const cases: [string[], string][] = [
      [["--level", "nope"], 'unknown level "nope"'],
      [["--level", "geo", "--measure", "views"], '--measure: "views"'],
      [["--level", "geo", "--freq", "minutely"], '--freq: "minutely"'],
      [["--level", "geo", "--from", "2026-13-01"], '--from: "2026-13-01"'],
      [["--level", "geo", "--from", "2026-10-05", "--to", "2026-10-01"], "--to 2026-10-01 is not after"],
    ];
    for (const [args, message] of cases) {
      const result = await cli(["--store", store, "series", ...args]);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split("\n").length).toBe(1);
    }
  });

  it("status on a folder without a store says so", async () => {
    const result = await cli(["--store", join(dir, "empty"), "status"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no store at");
  });
});

describe("avails usage errors", () => {
  it("an unknown command, a missing argument or option is one line naming it, with a non-zero exit", async () => {
    const cases: [string[], string][] = [
      [["nope"], "avails: unknown command 'nope'"],
      [["ingest"], "avails: missing required argument 'paths'"],
      [["series"], "avails: required option '--level <level>' not specified"],
      [["status", "--bogus"], "avails: unknown option '--bogus'"],
    ];
    for (const [args, message] of cases) {
      const result = await cli(["--store", store, ...args]);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr.trim()).toBe(message);
    }
  });
});
