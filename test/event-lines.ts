import fc from "fast-check";
import { parseConfig } from "../src/config/load-config.js";
import type { StageSettings } from "../src/store/stage-file.js";

// Log lines for the property tests of the NDJSON fast paths: rows valid and not, laid out several ways.

/** The ingest clock of the generated rows. */
export const NOW = Date.UTC(2026, 10, 25, 12);

/** Whether the run has a lateness bound and a backfill range. */
export const settingsArbitrary = fc.record({
  tooOld: fc.boolean(),
  range: fc.boolean(),
});

/** Staging settings with or without a lateness bound and a backfill range. */
export function settingsOf(flags: { tooOld: boolean; range: boolean }): StageSettings {
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

/** Rows of any shape, mostly invalid. */
export const rowArbitrary = fc.record(
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
export const validishRowArbitrary = fc.record(
  {
    event_id: fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
      fc.constant("é".repeat(128)),
      fc.constant("😀".repeat(64)),
      fc.constant("😀".repeat(65)),
    ),
    event_type: fc.constantFrom("opportunity", "impression", "click"),
    event_time: timeArbitrary,
    ingestion_time: fc.oneof(timeArbitrary, fc.constant(null)),
    campaign_id: fc.constantFrom("c01", "c,2", "c3", "cé", "c\u007f"),
    geo: fc.constantFrom("SE", "se", "No", "a,b", "ß", "é", "ǆ", "İ"),
    device: fc.constantFrom("mobile", "TV", "smart_speaker", "ＴＶ", "tv\u00a0", "\u2003tv"),
    content: fc.constantFrom("music", "Podcast", null, "música"),
    count: fc.integer({ min: 1, max: 5 }),
    cost_micros: fc.integer({ min: 0, max: 5000 }),
    extra: fc.oneof(fc.string({ maxLength: 5 }), fc.string({ unit: "grapheme", maxLength: 3 }), fc.integer()),
  },
  { requiredKeys: ["event_id", "event_type", "event_time", "campaign_id", "geo", "device"] },
);

/** Ways the same object can be written on a line: JSON.stringify, with spaces, with escapes, or broken. */
export const layoutArbitrary = fc.constantFrom("compact", "spaced", "escaped", "truncated", "trailing");

/** The line of a row in a layout. */
export function layout(row: object, how: string): string {
  const json = JSON.stringify(row);
  if (how === "spaced") return JSON.stringify(row, null, 1).replaceAll("\n", "");
  if (how === "truncated") return json.slice(0, Math.max(1, json.length - 3));
  if (how === "trailing") return `${json} x`;
  if (how === "escaped")
    return json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return json;
}
