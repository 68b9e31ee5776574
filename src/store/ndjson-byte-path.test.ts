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
import { NdjsonBytePath } from "./ndjson-byte-path.js";
import { FALLBACK, OUTSIDE_RANGE, STAGED } from "./ndjson-fast-path.js";
import { emptyCounts, RowStager, type StageSettings } from "./stage-file.js";
import { StagingFile } from "./staging-file.js";

const SOURCE = { path: "/logs/a,b.ndjson", format: "ndjson" as const };
const SOURCE_FIELD = '"/logs/a,b.ndjson"';

const folder = useTempFolder("avails-byte-path-");

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

/** The byte path on `text` set between other lines of a buffer, as a file chunk holds it. */
function byBytes(settings: StageSettings, text: string, lineNumber: number) {
  const before = Buffer.from('{"event_id":"before"}\n');
  const line = Buffer.from(text);
  const chunk = Buffer.concat([before, line, Buffer.from('\n{"event_id":"after"}')]);
  const out = new StagingFile(join(folder.dir, "bytes.csv"));
  const outcome = new NdjsonBytePath(settings, SOURCE_FIELD).stage(
    chunk,
    before.length,
    before.length + line.length,
    lineNumber,
    out,
  );
  return { outcome, rows: out.rows, lines: linesOf(out) };
}

describe("NdjsonBytePath", () => {
  it("stages exactly the line the general path stages, or hands the row back untouched", () => {
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
          const { outcome, rows, lines } = byBytes(settings, text, line);
          const expected = general(settings, text, line);
          if (outcome === STAGED) {
            staged++;
            expect(lines).toEqual(expected.events);
            expect(rows).toBe(1);
          } else {
            expect(lines).toEqual([]);
            expect(rows).toBe(0);
            if (outcome === OUTSIDE_RANGE) {
              expect(expected.outside).toBe(1);
              expect(expected.events).toEqual([]);
            } else {
              expect(outcome).toBe(FALLBACK);
            }
          }
        },
      ),
      { numRuns: 5000, seed: 42 },
    );
    // The property means something only if the byte path takes a fair share of the rows.
    expect(staged).toBeGreaterThan(100);
  });

  it("stages a typical demo line and keeps the raw text of a possibly late row", () => {
    const settings = settingsOf({ tooOld: true, range: false });
    const text =
      '{"event_id":"s42-1l6m","event_type":"impression","event_time":"2026-11-08T06:22:04.647Z",' +
      '"ingestion_time":"2026-11-10T00:08:36.346Z","campaign_id":"c08","geo":"mx","device":"Mobile","cost_micros":240}';
    const { outcome, lines } = byBytes(settings, text, 7);
    expect(outcome).toBe(STAGED);
    expect(lines).toEqual([
      `s42-1l6m,impression,${Date.UTC(2026, 10, 8, 6, 22, 4, 647)},${Date.UTC(2026, 10, 10, 0, 8, 36, 346)},c08,MX,mobile,unknown,1,240,${SOURCE_FIELD},7,"${text.replaceAll('"', '""')}"`,
    ]);
  });

  it("quotes ids and dimension values holding commas, and writes large integers exactly", () => {
    const settings = settingsOf({ tooOld: false, range: false });
    const text =
      '{"event_id":"a,b","event_type":"click","event_time":1795000000000,"campaign_id":",c",' +
      '"geo":"s,e","device":"tv","content":"x","count":999999999999999,"cost_micros":100000000}';
    const { outcome, lines } = byBytes(settings, text, 123456789);
    expect(outcome).toBe(STAGED);
    expect(lines).toEqual([
      `"a,b",click,1795000000000,${settings.now},",c","S,E",tv,x,999999999999999,100000000,,123456789,`,
    ]);
    expect(lines).toEqual(general(settings, text, 123456789).events);
  });

  it("hands escapes, non-ASCII text, nested values, fractions and malformed lines back", () => {
    const settings = settingsOf({ tooOld: false, range: false });
    const base =
      '"event_type":"opportunity","event_time":"2026-11-08T06:22:04.647Z","geo":"SE","device":"tv"';
    for (const text of [
      `{"event_id":"a\\"b",${base}}`,
      `{"event_id":"å",${base}}`,
      `{"event_id":"a",${base},"x":"\u0001"}`,
      `{"event_id":"a",${base},"x":{"y":1}}`,
      `{"event_id":"a",${base},"count":1.0}`,
      `{"event_id":"a",${base}`,
      `{"event_id":"a",${base}} trailing`,
      `{"event_id":"a",${base},"count":01}`,
      `{"event_id":"a",${base},"count":nul}`,
      `{"event_id":"a",${base},"geo":" SE"}`,
      "[1,2]",
      "{}",
      "",
      "   ",
    ]) {
      const { outcome, rows } = byBytes(settings, text, 1);
      expect(outcome, text).toBe(FALLBACK);
      expect(rows).toBe(0);
    }
  });

  it("never reads past the end of its line", () => {
    const settings = settingsOf({ tooOld: false, range: false });
    const text =
      '{"event_id":"a","event_type":"opportunity","event_time":"2026-11-08T06:22:04.647Z","geo":"SE","device":"tv"}';
    const chunk = Buffer.from(`${text}\n`);
    const out = new StagingFile(join(folder.dir, "bounds.csv"));
    const path = new NdjsonBytePath(settings, SOURCE_FIELD);
    // Every cut of the line short of its end is not a whole object, whatever follows it in the buffer.
    for (let end = 0; end < text.length; end++)
      expect(path.stage(chunk, 0, end, 1, out), String(end)).toBe(FALLBACK);
    expect(path.stage(chunk, 0, text.length, 1, out)).toBe(STAGED);
    expect(linesOf(out)).toEqual([
      `a,opportunity,${Date.UTC(2026, 10, 8, 6, 22, 4, 647)},${settings.now},,SE,tv,unknown,1,0,,1,`,
    ]);
  });
});
