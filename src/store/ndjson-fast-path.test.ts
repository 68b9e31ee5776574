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
import { FALLBACK, NdjsonFastPath, OUTSIDE_RANGE, STAGED } from "./ndjson-fast-path.js";
import { emptyCounts, RowStager, type StageSettings } from "./stage-file.js";
import { StagingFile } from "./staging-file.js";

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
