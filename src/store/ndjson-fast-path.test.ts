import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  layout,
  layoutArbitrary,
  rowArbitrary,
  settingsArbitrary,
  settingsOf,
  validishRowArbitrary,
} from "../../test/event-lines.js";
import { useTempFolder } from "../../test/temp-folder.js";
import { parseNdjsonLine } from "../events/read-ndjson.js";
import { IdHashes } from "./id-hashes.js";
import { FALLBACK, NdjsonFastPath, OUTSIDE_RANGE, STAGED } from "./ndjson-fast-path.js";
import type { ParquetFile } from "./parquet-file.js";
import { emptyCounts, RowStager, type StageSettings } from "./stage-file.js";
import { createStagedEventsFile } from "./staged-events.js";
import { StagingFile } from "./staging-file.js";

const SOURCE = { path: "/logs/a,b é.ndjson", format: "ndjson" as const };

const folder = useTempFolder("avails-fast-path-");
/** One for every test: an id's hash depends on the id alone. */
const hashes = new IdHashes();

/** Closes a staging file and returns its bytes. */
function bytesOf(file: ParquetFile): Buffer {
  file.close();
  const bytes = readFileSync(file.path);
  rmSync(file.path);
  return bytes;
}

/** The staging file the general path (JSON.parse, validateRecord) writes for a line, and what it counted. */
function general(settings: StageSettings, text: string, line: number) {
  const events = createStagedEventsFile(join(folder.dir, "general.parquet"), settings.config);
  const quarantine = new StagingFile(join(folder.dir, "quarantine.csv"));
  const counts = emptyCounts();
  new RowStager(settings, SOURCE, events, quarantine, counts, hashes).stage(parseNdjsonLine(text, line));
  quarantine.close();
  return { rows: events.rows, bytes: bytesOf(events), outside: counts.outsideRange };
}

/**
 * The fast path on the line's bytes set between other lines of a buffer, as a file chunk holds them. A fast
 * path given as `reused` carries over what it learnt from earlier lines (their key order, dimension values).
 */
function fast(settings: StageSettings, line: Buffer, lineNumber: number, reused?: NdjsonFastPath) {
  const before = Buffer.from('{"event_id":"before"}\n');
  const chunk = Buffer.concat([before, line, Buffer.from('\n{"event_id":"after"}')]);
  const out = createStagedEventsFile(join(folder.dir, "fast.parquet"), settings.config);
  const outcome = (reused ?? new NdjsonFastPath(settings, SOURCE.path, hashes)).stage(
    chunk,
    before.length,
    before.length + line.length,
    lineNumber,
    out,
  );
  return { outcome, rows: out.rows, bytes: bytesOf(out) };
}

/** Checks the fast path against the general path on one line; true when the fast path staged it. */
function agrees(settings: StageSettings, line: Buffer, lineNumber: number, reused?: NdjsonFastPath): boolean {
  const got = fast(settings, line, lineNumber, reused);
  const expected = general(settings, line.toString("utf8"), lineNumber);
  if (got.outcome === STAGED) {
    expect(got.rows).toBe(1);
    expect(expected.rows).toBe(1);
    expect(got.bytes.equals(expected.bytes)).toBe(true);
    return true;
  }
  expect(got.rows).toBe(0);
  if (got.outcome === OUTSIDE_RANGE) {
    expect(expected.outside).toBe(1);
    expect(expected.rows).toBe(0);
  } else {
    expect(got.outcome).toBe(FALLBACK);
  }
  return false;
}

describe("NdjsonFastPath", () => {
  it("stages exactly the row the general path stages, or hands the row back with the file untouched", () => {
    let staged = 0;
    // One fast path per setting for all the rows, as for the lines of a file: each row meets what the rows
    // before it taught the fast path (another key order, dimension values seen), not a fresh one.
    const paths = new Map<string, NdjsonFastPath>();
    fc.assert(
      fc.property(
        settingsArbitrary,
        fc.oneof({ weight: 3, arbitrary: validishRowArbitrary }, { weight: 1, arbitrary: rowArbitrary }),
        layoutArbitrary,
        fc.integer({ min: 1, max: 1e6 }),
        (flags, row, how, lineNumber) => {
          const settings = settingsOf(flags);
          const key = JSON.stringify(flags);
          const path = paths.get(key) ?? new NdjsonFastPath(settings, SOURCE.path, hashes);
          paths.set(key, path);
          if (agrees(settings, Buffer.from(layout(row, how)), lineNumber, path)) staged++;
        },
      ),
      { numRuns: 4000, seed: 42 },
    );
    // The property means something only if the fast path takes a fair share of the rows.
    expect(staged).toBeGreaterThan(300);
  });

  it("stages a typical demo line and keeps the raw text and source of a possibly late row", () => {
    const settings = settingsOf({ tooOld: true, range: false });
    const text =
      '{"event_id":"s42-1l6m","event_type":"impression","event_time":"2026-11-08T06:22:04.647Z",' +
      '"ingestion_time":"2026-11-10T00:08:36.346Z","campaign_id":"c08","geo":"mx","device":"Mobile","cost_micros":240}';
    expect(agrees(settings, Buffer.from(text), 7)).toBe(true);
  });

  it("stages text beyond ASCII: ids by their UTF-16 length, dimensions case-normalised as text", () => {
    const settings = settingsOf({ tooOld: true, range: false });
    for (const text of [
      '{"event_id":"é","event_type":"click","event_time":1795000000000,"campaign_id":"ç","geo":"ß","device":"ǆ"}',
      `{"event_id":"${"😀".repeat(64)}","event_type":"opportunity","event_time":1795000000000,"geo":"x","device":"y","z":"€"}`,
    ]) {
      expect(agrees(settings, Buffer.from(text), 3), text).toBe(true);
    }
    const tooLong = `{"event_id":"${"😀".repeat(65)}","event_type":"opportunity","event_time":1795000000000,"geo":"x","device":"y"}`;
    expect(agrees(settings, Buffer.from(tooLong), 3)).toBe(false);
  });

  it("hands back bytes that are not UTF-8 where they matter, and stages them where they do not", () => {
    const bad = Buffer.from([0xc3, 0x28]);
    const line = (before: string, after: string) =>
      Buffer.concat([Buffer.from(before), bad, Buffer.from(after)]);
    const row = '"event_type":"opportunity","event_time":1779000000000,"geo":"SE","device":"tv"';
    const recent = settingsOf({ tooOld: false, range: false });
    const late = settingsOf({ tooOld: true, range: false });
    // In the id: the general path reads a replacement character, so the fast path must not copy the bytes.
    expect(fast(recent, line('{"event_id":"a', `",${row}}`), 1).outcome).toBe(FALLBACK);
    // In a field avails ignores: the event is the same whatever the bytes decode to...
    expect(agrees(recent, line(`{"event_id":"a",${row},"note":"`, '"}'), 1)).toBe(true);
    // ...unless the row keeps its raw text for quarantine.
    expect(fast(late, line(`{"event_id":"a",${row},"note":"`, '"}'), 1).outcome).toBe(FALLBACK);
    expect(agrees(late, line(`{"event_id":"a",${row},"note":"`, '"}'), 1)).toBe(false);
  });

  it("hands escapes, control characters, nested values, fractions and malformed lines back", () => {
    const settings = settingsOf({ tooOld: false, range: false });
    const base =
      '"event_type":"opportunity","event_time":"2026-11-08T06:22:04.647Z","geo":"SE","device":"tv"';
    for (const text of [
      `{"event_id":"a\\"b",${base}}`,
      `{"event_id":"a\\u00e9",${base}}`,
      `{"event_id":"a",${base},"x":"\u0001"}`,
      `{"event_id":"a",${base},"x":{"y":1}}`,
      `{"event_id":"a",${base},"count":1.0}`,
      `{"event_id":"a",${base}`,
      `{"event_id":"a",${base}} trailing`,
      `{"event_id":"a",${base},"count":01}`,
      `{"event_id":"a",${base},"count":2147483648}`,
      `{"event_id":"a",${base},"count":nul}`,
      `{"event_id":"a",${base},"geo":" SE"}`,
      `{"event_id":"a",${base},"geo":"SE\u00a0"}`,
      `\t{"event_id":"a",${base}}`,
      "[1,2]",
      "{}",
      "",
      "   ",
    ]) {
      const { outcome, rows } = fast(settings, Buffer.from(text), 1);
      expect(outcome, text).toBe(FALLBACK);
      expect(rows).toBe(0);
    }
  });

  it("never reads past the end of its line", () => {
    const settings = settingsOf({ tooOld: false, range: false });
    const text =
      '{"event_id":"a","event_type":"opportunity","event_time":"2026-11-08T06:22:04.647Z","geo":"SE","device":"tv"}';
    const chunk = Buffer.from(`${text}${text}`);
    const out = createStagedEventsFile(join(folder.dir, "bounds.parquet"), settings.config);
    const path = new NdjsonFastPath(settings, SOURCE.path, hashes);
    // Every cut of the line short of its end is not a whole object, whatever follows it in the buffer.
    for (let end = 0; end < text.length; end++) {
      expect(path.stage(chunk, 0, end, 1, out), String(end)).toBe(FALLBACK);
    }
    expect(out.rows).toBe(0);
    expect(path.stage(chunk, 0, text.length, 1, out)).toBe(STAGED);
    expect(out.rows).toBe(1);
    out.close();
  });
});
