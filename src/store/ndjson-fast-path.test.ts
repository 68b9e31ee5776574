import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import { parseConfig } from "../config/load-config.js";
import { parseNdjsonLine } from "../events/read-ndjson.js";
import { FALLBACK, NdjsonFastPath, OUTSIDE_RANGE, STAGED } from "./ndjson-fast-path.js";
import { emptyCounts, RowStager, type StageSettings } from "./stage-file.js";
import { StagingFile } from "./staging-file.js";

const NOW = Date.UTC(2026, 10, 25, 12);
const SOURCE = { path: "/logs/a,b.ndjson", format: "ndjson" as const };

const folder = useTempFolder("avails-fast-path-");

function linesOf(file: StagingFile): string[] {
  file.close();
  const text = readFileSync(file.path, "utf8");
  rmSync(file.path);
  return text === "" ? [] : text.slice(0, -1).split("\n");
}

/** What the general path (JSON.parse, validateRecord, format) writes to real staging files for a line. */
function general(settings: StageSettings, text: string, line: number) {
  const events = new StagingFile(join(folder.dir, "events.csv"));
  const quarantine = new StagingFile(join(folder.dir, "quarantine.csv"));
  const counts = emptyCounts();
  new RowStager(settings, SOURCE, events, quarantine, counts).stage(parseNdjsonLine(text, line));
  return { events: linesOf(events), quarantine: linesOf(quarantine), outside: counts.outsideRange };
}

const settingsArbitrary = fc.record({
  tooOld: fc.boolean(),
  range: fc.boolean(),
});

function settingsOf(flags: { tooOld: boolean; range: boolean }): StageSettings {
  return {
    config: parseConfig({}, "test"),
    now: NOW,
    tooOldBefore: flags.tooOld ? Date.UTC(2026, 10, 20) : null,
    range: flags.range ? { start: Date.UTC(2026, 10, 18), end: Date.UTC(2026, 10, 22) } : undefined,
  };
}

const timeArbitrary = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 10, 10), max: NOW + 7_200_000 }).map((t) => new Date(t).toISOString()),
  fc.integer({ min: Date.UTC(2026, 10, 10), max: NOW + 7_200_000 }),
  fc
    .integer({ min: Date.UTC(2026, 10, 10), max: NOW })
    .map((t) => new Date(t).toISOString().replace("Z", "+00:00")),
  fc.constantFrom("2026-11-31T00:00:00.000Z", "yesterday", "", "2026-11-20T10:00:00Z", "1795000000000"),
);

const valueArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("SE", "se", "Mobile", "tv", "music", " padded ", "a,b", "ß", "") },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, 3, -1, 1.5, true, [1], { a: 1 }) },
);

const numberArbitrary = fc.oneof(
  fc.integer({ min: -3, max: 5000 }),
  fc.constantFrom(1.5, 0, -0, 1e3, "3", "x", null, 1234567890123456),
);

const rowArbitrary = fc.record(
  {
    event_id: fc.oneof(
      fc.string({ minLength: 0, maxLength: 12 }),
      fc.constant("x".repeat(129)),
      fc.integer(),
    ),
    event_type: fc.constantFrom("opportunity", "impression", "click", "Click", "view", 4),
    event_time: timeArbitrary,
    ingestion_time: fc.oneof(timeArbitrary, fc.constant(null)),
    campaign_id: fc.oneof(fc.constantFrom("c01", "", "c,2"), fc.constant(null), fc.integer()),
    geo: valueArbitrary,
    device: valueArbitrary,
    content: valueArbitrary,
    count: numberArbitrary,
    cost_micros: numberArbitrary,
    extra: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant({ nested: [1, 2] })),
  },
  { requiredKeys: [] },
);

/** Rows that are mostly valid, so the fast path has work to do. */
const validishRowArbitrary = fc.record(
  {
    event_id: fc.string({ minLength: 1, maxLength: 12 }),
    event_type: fc.constantFrom("opportunity", "impression", "click"),
    event_time: timeArbitrary,
    ingestion_time: fc.oneof(timeArbitrary, fc.constant(null)),
    campaign_id: fc.constantFrom("c01", "c,2", "c3"),
    geo: fc.constantFrom("SE", "se", "No", "a,b", "ß"),
    device: fc.constantFrom("mobile", "TV", "smart_speaker"),
    content: fc.constantFrom("music", "Podcast", null),
    count: fc.integer({ min: 1, max: 5 }),
    cost_micros: fc.integer({ min: 0, max: 5000 }),
    extra: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
  },
  { requiredKeys: ["event_id", "event_type", "event_time", "campaign_id", "geo", "device"] },
);

/** Ways the same object can be written on a line: JSON.stringify, or with spaces, or broken. */
const layoutArbitrary = fc.constantFrom("compact", "spaced", "truncated", "trailing");

function layout(row: object, how: string): string {
  const json = JSON.stringify(row);
  if (how === "spaced") return JSON.stringify(row, null, 1).replaceAll("\n", "");
  if (how === "truncated") return json.slice(0, Math.max(1, json.length - 3));
  if (how === "trailing") return `${json} x`;
  return json;
}

describe("NdjsonFastPath", () => {
  it("stages exactly the line the general path stages, or hands the row to it", () => {
    let staged = 0;
    fc.assert(
      fc.property(
        settingsArbitrary,
        fc.oneof(validishRowArbitrary, rowArbitrary),
        layoutArbitrary,
        fc.integer({ min: 1, max: 1e6 }),
        (flags, row, how, line) => {
          const settings = settingsOf(flags);
          const text = layout(row, how);
          const fast = new NdjsonFastPath(settings, '"/logs/a,b.ndjson"');
          const outcome = fast.stage(text, line);
          const expected = general(settings, text, line);
          if (outcome === STAGED) {
            staged++;
            expect(expected.events).toEqual([fast.line]);
          } else if (outcome === OUTSIDE_RANGE) {
            expect(expected.outside).toBe(1);
            expect(expected.events).toEqual([]);
          } else {
            expect(outcome).toBe(FALLBACK);
          }
        },
      ),
      { numRuns: 5000, seed: 42 },
    );
    // The property means something only if the fast path takes a fair share of the rows.
    expect(staged).toBeGreaterThan(100);
  });

  it("stages a typical demo line and keeps the raw text of a possibly late row", () => {
    const settings = settingsOf({ tooOld: true, range: false });
    const fast = new NdjsonFastPath(settings, "src");
    const text =
      '{"event_id":"s42-1l6m","event_type":"impression","event_time":"2026-11-08T06:22:04.647Z",' +
      '"ingestion_time":"2026-11-10T00:08:36.346Z","campaign_id":"c08","geo":"mx","device":"Mobile","cost_micros":240}';
    expect(fast.stage(text, 7)).toBe(STAGED);
    expect(fast.line).toBe(
      `s42-1l6m,impression,${Date.UTC(2026, 10, 8, 6, 22, 4, 647)},${Date.UTC(2026, 10, 10, 0, 8, 36, 346)},c08,MX,mobile,unknown,1,240,src,7,"${text.replaceAll('"', '""')}"`,
    );
  });

  it("hands escapes, nested values, fractions and malformed lines to the general path", () => {
    const fast = new NdjsonFastPath(settingsOf({ tooOld: false, range: false }), "src");
    const base =
      '"event_type":"opportunity","event_time":"2026-11-08T06:22:04.647Z","geo":"SE","device":"tv"';
    for (const text of [
      `{"event_id":"a\\"b",${base}}`,
      `{"event_id":"a",${base},"x":{"y":1}}`,
      `{"event_id":"a",${base},"count":1.0}`,
      `{"event_id":"a",${base}`,
      `{"event_id":"a",${base}} trailing`,
      `{"event_id":"a",${base},"count":01}`,
      "[1,2]",
      "{}",
    ]) {
      expect(fast.stage(text, 1), text).toBe(FALLBACK);
    }
  });
});
