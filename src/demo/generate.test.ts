import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "./bad-rows.js";
import type { DemoCampaign } from "./campaigns.js";
import { type DemoManifest, type DemoOptions, generateDemo } from "./generate.js";
import { QUARANTINE_REASONS } from "./manifest.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TYPES = ["opportunity", "impression", "click"] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

/** A row as read back: its file, its fields (null when it did not parse). */
interface ReadRow {
  file: string;
  line: number;
  row: Row | null;
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "avails-demo-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let runs = 0;
async function generate(
  options: Partial<DemoOptions> = {},
): Promise<{ dir: string; manifest: DemoManifest }> {
  const dir = join(root, `run-${runs++}`);
  const manifest = await generateDemo({
    outDir: dir,
    seed: 42,
    days: 3,
    scale: 3000,
    format: "ndjson",
    gzip: false,
    end: new Date(Date.UTC(2026, 7, 1)),
    ...options,
  });
  return { dir, manifest };
}

/** Reads every event file of a run, in the manifest's order. */
async function readRows(dir: string, manifest: DemoManifest): Promise<ReadRow[]> {
  const out: ReadRow[] = [];
  if (manifest.format === "parquet") {
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    for (const file of manifest.files) {
      const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, file)}')`);
      reader.getRowObjectsJS().forEach((r, i) => {
        const row: Row = {};
        for (const c of CSV_COLUMNS) if (r[c] !== null && r[c] !== undefined) row[c] = String(r[c]);
        out.push({ file, line: i + 1, row });
      });
    }
    connection.closeSync();
    db.closeSync();
    return out;
  }
  for (const file of manifest.files) {
    const raw = await readFile(join(dir, file));
    const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
    const lines = text.split("\n");
    expect(lines.pop()).toBe("");
    if (manifest.format === "csv") expect(lines.shift()).toBe(CSV_COLUMNS.join(","));
    lines.forEach((text, i) => {
      let row: Row | null = null;
      if (manifest.format === "csv") {
        const fields = text.split(",");
        if (fields.length === CSV_COLUMNS.length) {
          row = {};
          CSV_COLUMNS.forEach((c, k) => {
            if (fields[k] !== "" && row) row[c] = fields[k];
          });
        }
      } else {
        try {
          row = JSON.parse(text);
        } catch {
          row = null;
        }
      }
      out.push({ file, line: i + 1, row });
    });
  }
  return out;
}

/** event_time / ingestion_time to epoch ms (NaN when invalid): epoch digits or strict ISO 8601 with a zone. */
function parseTime(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return Number.NaN;
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) return Number.NaN;
  return Date.parse(value);
}

const isInt = (v: unknown) =>
  v === undefined || (typeof v === "number" ? Number.isInteger(v) : /^-?\d+$/.test(String(v)));

/** Validates a row the way the ingester must: a quarantine reason, or "ok". */
function classify(row: Row | null): string {
  if (row === null) return "malformed";
  if (!row.event_id) return "missing_field:event_id";
  if (!TYPES.includes(row.event_type as (typeof TYPES)[number])) return "unknown_event_type";
  if (row.event_time === undefined || row.event_time === null) return "missing_field:event_time";
  if (!row.geo) return "missing_field:geo";
  if (!row.device) return "missing_field:device";
  if (row.event_type !== "opportunity" && !row.campaign_id) return "missing_field:campaign_id";
  if (Number.isNaN(parseTime(row.event_time)) || Number.isNaN(parseTime(row.ingestion_time)))
    return "bad_time";
  if (!isInt(row.count) || !isInt(row.cost_micros)) return "bad_type";
  if (Number(row.cost_micros ?? 0) < 0) return "negative_cost";
  if (parseTime(row.event_time) > parseTime(row.ingestion_time) + HOUR) return "future_time";
  return "ok";
}

/** A valid row in one canonical text, whatever the file format wrote. */
function canonical(row: Row): string {
  return [
    row.event_id,
    row.event_type,
    parseTime(row.event_time),
    parseTime(row.ingestion_time),
    row.campaign_id ?? "",
    String(row.geo).toUpperCase(),
    row.device,
    row.content,
    Number(row.count ?? 1),
    Number(row.cost_micros ?? 0),
  ].join("|");
}

/** Everything the manifest claims, counted from the files. */
function tally(rows: ReadRow[]) {
  const quarantine = Object.fromEntries(QUARANTINE_REASONS.map((r) => [r, 0])) as Record<string, number>;
  const events = { opportunity: 0, impression: 0, click: 0 };
  const eventRows = { opportunity: 0, impression: 0, click: 0 };
  const lateBeyondEvents = { opportunity: 0, impression: 0, click: 0 };
  const first = new Map<string, number>();
  let duplicates = 0;
  let duplicatesLater = 0;
  let lateWithin = 0;
  let lateBeyond = 0;
  for (const { row } of rows) {
    const reason = classify(row);
    if (reason !== "ok" || row === null) {
      quarantine[reason]++;
      continue;
    }
    const id = String(row.event_id);
    const arrival = parseTime(row.ingestion_time);
    const seen = first.get(id);
    if (seen !== undefined) {
      duplicates++;
      if (arrival > seen) duplicatesLater++;
      continue;
    }
    first.set(id, arrival);
    const type = row.event_type as (typeof TYPES)[number];
    const count = Number(row.count ?? 1);
    events[type] += count;
    eventRows[type]++;
    const delay = arrival - parseTime(row.event_time);
    if (delay >= HOUR && delay <= 48 * HOUR) lateWithin++;
    if (delay >= 4 * DAY) {
      lateBeyond++;
      lateBeyondEvents[type] += count;
    }
  }
  return {
    rows_written: rows.length,
    events,
    event_rows: eventRows,
    duplicates,
    duplicates_later_ingestion: duplicatesLater,
    late_within_allowed: lateWithin,
    late_beyond_allowed: lateBeyond,
    late_beyond_allowed_events: lateBeyondEvents,
    quarantine,
  };
}

/**
 * Ingests the files as DESIGN.md says, one run per file in day order: the watermark (latest stored event
 * time) advances at the end of a run; a row older than watermark - 72 h is too_late; an id already stored
 * with the same or a newer ingestion_time is a duplicate; a newer ingestion_time replaces.
 */
function ingestDayByDay(rows: ReadRow[], files: string[]) {
  const stored = new Map<string, { arrival: number; count: number; time: number }>();
  let watermark = Number.NEGATIVE_INFINITY;
  let tooLate = 0;
  let duplicates = 0;
  const byFile = new Map<string, ReadRow[]>();
  for (const r of rows) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  for (const file of files) {
    const before = watermark;
    for (const { row } of byFile.get(file) ?? []) {
      if (classify(row) !== "ok" || row === null) continue;
      const id = String(row.event_id);
      const arrival = parseTime(row.ingestion_time);
      const time = parseTime(row.event_time);
      const old = stored.get(id);
      if (old && old.arrival >= arrival) {
        duplicates++;
        continue;
      }
      if (time < before - 72 * HOUR) {
        tooLate++;
        continue;
      }
      if (old) duplicates++;
      stored.set(id, { arrival, count: Number(row.count ?? 1), time });
      if (time > watermark) watermark = time;
    }
  }
  let events = 0;
  for (const s of stored.values()) events += s.count;
  return { tooLate, duplicates, events };
}

const total = (x: { opportunity: number; impression: number; click: number }) =>
  x.opportunity + x.impression + x.click;

describe("generateDemo", () => {
  describe("a 21-day history over Christmas", () => {
    let dir: string;
    let manifest: DemoManifest;
    let rows: ReadRow[];
    /** The valid rows, with their times parsed. */
    let valid: { file: string; row: Row; time: number; arrival: number; count: number; geo: string }[];
    beforeAll(async () => {
      ({ dir, manifest } = await generate({ days: 21, scale: 12_000, end: new Date(Date.UTC(2026, 0, 5)) }));
      rows = await readRows(dir, manifest);
      valid = rows.flatMap(({ file, row }) =>
        row !== null && classify(row) === "ok"
          ? [
              {
                file,
                row,
                time: parseTime(row.event_time),
                arrival: parseTime(row.ingestion_time),
                count: Number(row.count ?? 1),
                geo: String(row.geo).toUpperCase(),
              },
            ]
          : [],
      );
    });

    it("writes one file per arrival day, campaigns.json and manifest.json", async () => {
      const names = await readdir(dir);
      expect(manifest.files).toHaveLength(21);
      expect(manifest.files[0]).toBe("events-2025-12-15.ndjson");
      expect(manifest.files[20]).toBe("events-2026-01-04.ndjson");
      expect(names.sort()).toEqual([...manifest.files, "campaigns.json", "manifest.json"].sort());
      expect(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"))).toEqual(manifest);
      const campaigns: DemoCampaign[] = JSON.parse(await readFile(join(dir, "campaigns.json"), "utf8"));
      expect(campaigns).toHaveLength(manifest.campaigns);
      expect(manifest.campaigns).toBeGreaterThanOrEqual(30);
      expect(manifest.start).toBe("2025-12-15T00:00:00.000Z");
      expect(manifest.end).toBe("2026-01-05T00:00:00.000Z");
      expect(manifest.markets.length).toBeGreaterThanOrEqual(8);
      expect(manifest.devices.length).toBeGreaterThanOrEqual(4);
    });

    it("manifest counts match what is in the files, row for row", () => {
      const counted = tally(rows);
      const { seed, days, scale, format, gzip, start, end, files, markets, devices, campaigns, ...claimed } =
        manifest;
      expect(counted).toEqual(claimed);
    });

    it("has every kind of defect", () => {
      for (const reason of QUARANTINE_REASONS) expect(manifest.quarantine[reason], reason).toBeGreaterThan(0);
      expect(manifest.duplicates).toBeGreaterThan(0);
      expect(manifest.duplicates_later_ingestion).toBeGreaterThan(0);
      expect(manifest.duplicates_later_ingestion).toBeLessThan(manifest.duplicates);
      expect(manifest.late_within_allowed).toBeGreaterThan(0);
      expect(manifest.late_beyond_allowed).toBeGreaterThan(0);
      const realRows = total(manifest.event_rows);
      expect(manifest.duplicates / realRows).toBeGreaterThan(0.01);
      expect(manifest.duplicates / realRows).toBeLessThan(0.02);
      expect(manifest.late_within_allowed / realRows).toBeGreaterThan(0.015);
      expect(manifest.late_within_allowed / realRows).toBeLessThan(0.025);
      expect(manifest.events.opportunity).toBeGreaterThan(manifest.event_rows.opportunity);
    });

    it("ingesting one run per file in day order makes exactly the late_beyond_allowed rows too_late", () => {
      const result = ingestDayByDay(rows, manifest.files);
      expect(result.tooLate).toBe(manifest.late_beyond_allowed);
      expect(result.duplicates).toBe(manifest.duplicates);
      expect(result.events).toBe(total(manifest.events) - total(manifest.late_beyond_allowed_events));
    });

    it("puts every row in the file of its arrival day, roughly in ingestion order, after its event", () => {
      const misplaced = valid.filter(
        (v) =>
          v.file !== `events-${new Date(v.arrival).toISOString().slice(0, 10)}.ndjson` || v.arrival < v.time,
      );
      expect(misplaced).toEqual([]);
      // Ordered by arrival hour within each file.
      const unordered: ReadRow[] = [];
      let previous = 0;
      let file = "";
      for (const r of rows) {
        if (r.file !== file) [file, previous] = [r.file, 0];
        if (r.row === null || typeof r.row.ingestion_time !== "string") continue;
        const hour = Math.floor(parseTime(r.row.ingestion_time) / HOUR);
        if (hour < previous) unordered.push(r);
        previous = hour;
      }
      expect(unordered).toEqual([]);
    });

    it("averages about `scale` valid events a day and sells 40-70% of the opportunities", () => {
      const perDay = total(manifest.events) / manifest.days;
      expect(perDay / 12_000).toBeGreaterThan(0.9);
      expect(perDay / 12_000).toBeLessThan(1.1);
      const sold = manifest.events.impression / manifest.events.opportunity;
      expect(sold).toBeGreaterThan(0.4);
      expect(sold).toBeLessThan(0.7);
      const ctr = manifest.events.click / manifest.events.impression;
      expect(ctr).toBeGreaterThan(0.005);
      expect(ctr).toBeLessThan(0.015);
    });

    it("mixes timestamp formats, lower-case geos and pre-aggregated counts like real logs", () => {
      const n = valid.length;
      const share = (test: (r: Row) => boolean) => valid.filter((v) => test(v.row)).length / n;
      const local = share((r) => typeof r.event_time === "string" && !r.event_time.endsWith("Z"));
      const epoch = share((r) => typeof r.event_time === "number");
      const lower = share((r) => r.geo !== String(r.geo).toUpperCase());
      expect(local).toBeGreaterThan(0.08);
      expect(local).toBeLessThan(0.12);
      expect(epoch).toBeGreaterThan(0.04);
      expect(epoch).toBeLessThan(0.06);
      expect(lower).toBeGreaterThan(0.02);
      expect(lower).toBeLessThan(0.04);
      expect(share((r) => r.event_type === "impression" && !(Number(r.cost_micros) > 0))).toBe(0);
      expect(share((r) => r.event_type === "opportunity" && r.campaign_id != null)).toBe(0);
      expect(share((r) => r.event_type !== "opportunity" && r.count !== undefined)).toBe(0);
      const aggregated = share((r) => r.event_type === "opportunity" && Number(r.count ?? 1) > 1);
      expect(aggregated / share((r) => r.event_type === "opportunity")).toBeCloseTo(0.02, 2);
    });

    /** Opportunities by market and local hour or local date, through Intl (cached per UTC hour). */
    function byLocal(key: "hour" | "date", device?: string): Map<string, Map<string, number>> {
      const out = new Map<string, Map<string, number>>();
      const formats = new Map<string, Intl.DateTimeFormat>();
      for (const { geo, time_zone } of manifest.markets) {
        out.set(geo, new Map());
        formats.set(geo, new Intl.DateTimeFormat("en-CA", { timeZone: time_zone, dateStyle: "short" }));
        formats.set(
          `${geo}h`,
          new Intl.DateTimeFormat("en-US", { timeZone: time_zone, hour: "numeric", hourCycle: "h23" }),
        );
      }
      const cache = new Map<string, string>();
      for (const v of valid) {
        if (v.row.event_type !== "opportunity" || (device && v.row.device !== device)) continue;
        const utcHour = Math.floor(v.time / HOUR);
        const cacheKey = `${v.geo}${utcHour}`;
        let local = cache.get(cacheKey);
        if (local === undefined) {
          local = formats.get(key === "hour" ? `${v.geo}h` : v.geo)?.format(utcHour * HOUR) ?? "";
          cache.set(cacheKey, local);
        }
        const sums = out.get(v.geo) as Map<string, number>;
        sums.set(local, (sums.get(local) ?? 0) + v.count);
      }
      return out;
    }

    it("peaks in the local evening (17:00-23:00) in most markets", () => {
      const markets = byLocal("hour");
      let evening = 0;
      for (const hours of markets.values()) {
        const peak = [...hours].reduce((a, b) => (b[1] > a[1] ? b : a));
        if (Number(peak[0]) >= 17 && Number(peak[0]) <= 23) evening++;
      }
      expect(evening).toBeGreaterThanOrEqual(Math.ceil(0.8 * markets.size));
    });

    it("moves traffic on Christmas Day: desktops down, connected TVs up (vs the Thursday before)", () => {
      const ratio = (device: string) => {
        let christmas = 0;
        let before = 0;
        for (const days of byLocal("date", device).values()) {
          christmas += days.get("2025-12-25") ?? 0;
          before += days.get("2025-12-18") ?? 0;
        }
        return christmas / before;
      };
      expect(ratio("desktop")).toBeLessThan(0.75);
      expect(ratio("connected_tv")).toBeGreaterThan(1.08);
    });

    it("only sells to matching campaigns during their flights, at their price", async () => {
      const campaigns: DemoCampaign[] = JSON.parse(await readFile(join(dir, "campaigns.json"), "utf8"));
      const byId = new Map(campaigns.map((c) => [c.id, c]));
      const wrong = valid.filter(({ row, time, geo }) => {
        if (row.event_type !== "impression") return false;
        const c = byId.get(String(row.campaign_id));
        if (!c) return true;
        const day = new Date(time).toISOString().slice(0, 10);
        return (
          day < c.start ||
          day > c.end ||
          (c.targeting.geo && !c.targeting.geo.includes(geo)) ||
          (c.targeting.device && !c.targeting.device.includes(String(row.device))) ||
          Number(row.cost_micros) !== c.cpm_micros / 1000
        );
      });
      expect(wrong).toEqual([]);
    });
  });

  it("same seed gives byte-identical files, a different seed different ones", async () => {
    const a = await generate();
    const b = await generate();
    const c = await generate({ seed: 43 });
    for (const name of [...a.manifest.files, "campaigns.json", "manifest.json"]) {
      expect((await readFile(join(a.dir, name))).equals(await readFile(join(b.dir, name))), name).toBe(true);
    }
    expect(a.manifest).toEqual(b.manifest);
    expect(c.manifest.files).toEqual(a.manifest.files);
    const first = a.manifest.files[0];
    expect((await readFile(join(a.dir, first))).equals(await readFile(join(c.dir, first)))).toBe(false);
    expect(await readFile(join(c.dir, "campaigns.json"), "utf8")).not.toBe(
      await readFile(join(a.dir, "campaigns.json"), "utf8"),
    );
  });

  it("CSV and Parquet outputs carry the same events as NDJSON for a seed", async () => {
    const json = await generate({ days: 6 });
    const csv = await generate({ days: 6, format: "csv" });
    const parquet = await generate({ days: 6, format: "parquet" });
    expect(csv.manifest.files[0]).toMatch(/\.csv$/);
    expect(parquet.manifest.files[0]).toMatch(/\.parquet$/);
    expect((await readdir(parquet.dir)).filter((f) => f.includes("tmp"))).toEqual([]);
    const valid = async (run: typeof json) =>
      (await readRows(run.dir, run.manifest))
        .filter((r) => classify(r.row) === "ok")
        .map((r) => canonical(r.row as Row))
        .sort();
    const expected = await valid(json);
    expect(expected.length).toBeGreaterThan(10_000);
    expect(await valid(csv)).toEqual(expected);
    expect(await valid(parquet)).toEqual(expected);
    for (const run of [csv, parquet]) {
      expect(run.manifest.events).toEqual(json.manifest.events);
      expect(tally(await readRows(run.dir, run.manifest)).quarantine).toEqual(run.manifest.quarantine);
    }
    expect(csv.manifest.quarantine).toEqual(json.manifest.quarantine);
    expect(parquet.manifest.quarantine).toEqual({ ...json.manifest.quarantine, malformed: 0 });
  });

  it("gzip output decompresses to the NDJSON output", async () => {
    const plain = await generate();
    const zipped = await generate({ gzip: true });
    expect(zipped.manifest.files).toEqual(plain.manifest.files.map((f) => `${f}.gz`));
    for (let i = 0; i < plain.manifest.files.length; i++) {
      const raw = await readFile(join(zipped.dir, zipped.manifest.files[i]));
      expect(gunzipSync(raw).equals(await readFile(join(plain.dir, plain.manifest.files[i])))).toBe(true);
    }
    const csvZipped = await generate({ gzip: true, format: "csv" });
    expect(csvZipped.manifest.files[0]).toMatch(/\.csv\.gz$/);
  });

  it("reports progress at most every ~50k rows and ends at the total", async () => {
    const calls: [number, number][] = [];
    const { manifest } = await generate({ days: 4, scale: 30_000, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBeGreaterThan(1);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i][0]).toBeGreaterThan(calls[i - 1][0]);
      expect(calls[i][0]).toBeLessThanOrEqual(calls[i][1]);
    }
    for (let i = 1; i < calls.length - 1; i++)
      expect(calls[i][0] - calls[i - 1][0]).toBeGreaterThanOrEqual(50_000);
    expect(calls.at(-1)).toEqual([manifest.rows_written, manifest.rows_written]);
  });

  it("rejects invalid options with an error naming the option", async () => {
    const cases: [Partial<DemoOptions>, string][] = [
      [{ days: 0 }, "days"],
      [{ days: 1.5 }, "days"],
      [{ scale: -5 }, "scale"],
      [{ scale: Number.NaN }, "scale"],
      [{ seed: -1 }, "seed"],
      [{ seed: 0.5 }, "seed"],
      [{ format: "xml" as DemoOptions["format"] }, "format"],
      [{ gzip: true, format: "parquet" }, "gzip"],
      [{ end: new Date(Date.UTC(2026, 0, 1, 5)) }, "end"],
      [{ end: new Date(Number.NaN) }, "end"],
      [{ outDir: "" }, "outDir"],
    ];
    for (const [options, name] of cases) {
      await expect(generate(options), name).rejects.toThrow(`"${name}"`);
    }
  });
});
