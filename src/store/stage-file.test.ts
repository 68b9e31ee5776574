import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
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
import type { ParquetFile } from "./parquet-file.js";
import { emptyCounts, RowStager, type StageSettings, stageFile } from "./stage-file.js";
import { createStagedEventsFile } from "./staged-events.js";
import { StagingFile } from "./staging-file.js";

const folder = useTempFolder("avails-stage-file-");
/** One for every test: an id's hash depends on the id alone. */
const hashes = new IdHashes();

function contents(file: StagingFile | ParquetFile): string {
  file.close();
  return readFileSync(file.path, "latin1");
}

/** Stages a file with stageFile (the fast paths first). */
async function staged(settings: StageSettings, path: string) {
  const events = createStagedEventsFile(join(folder.dir, "fast-events.parquet"), settings.config);
  const quarantine = new StagingFile(join(folder.dir, "fast-quarantine.csv"));
  const counts = emptyCounts();
  await stageFile({ path, format: "ndjson" }, settings, events, quarantine, counts, hashes);
  return { events: contents(events), rows: events.rows, quarantine: contents(quarantine), counts };
}

/** Stages the lines one by one through the general path only, skipping blank lines as the readers do. */
function generalOnly(settings: StageSettings, path: string, lines: string[]) {
  const events = createStagedEventsFile(join(folder.dir, "general-events.parquet"), settings.config);
  const quarantine = new StagingFile(join(folder.dir, "general-quarantine.csv"));
  const counts = emptyCounts();
  const stager = new RowStager(settings, { path, format: "ndjson" }, events, quarantine, counts, hashes);
  lines.forEach((text, i) => {
    if (text.trim() === "") return;
    counts.rowsRead++;
    stager.stage(parseNdjsonLine(text, i + 1));
  });
  return { events: contents(events), rows: events.rows, quarantine: contents(quarantine), counts };
}

const lineArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(validishRowArbitrary, layoutArbitrary).map(([r, how]) => layout(r, how)) },
  { weight: 3, arbitrary: fc.tuple(rowArbitrary, layoutArbitrary).map(([r, how]) => layout(r, how)) },
  { weight: 1, arbitrary: fc.constantFrom("", "  ", "\u00a0", "not json", '{"event_id":"é"}') },
);

describe("stageFile on NDJSON", () => {
  it("stageFile stages a file's lines as the general path stages each, whatever the line endings", async () => {
    await fc.assert(
      fc.asyncProperty(
        settingsArbitrary,
        fc.array(lineArbitrary, { maxLength: 25 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.boolean(),
        async (flags, lines, newline, finalNewline, gzip) => {
          const settings = settingsOf(flags);
          const text = lines.join(newline) + (finalNewline && lines.length > 0 ? newline : "");
          const path = await folder.write(
            gzip ? "lines.ndjson.gz" : "lines.ndjson",
            gzip ? gzipSync(text) : text,
          );
          const fast = await staged(settings, path);
          const expected = generalOnly(settings, path, lines);
          expect(fast.rows).toBe(expected.rows);
          expect(fast.events === expected.events).toBe(true);
          expect(fast.quarantine).toBe(expected.quarantine);
          expect(fast.counts).toEqual(expected.counts);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it("stageFile numbers lines from 1 after a byte-order mark and counts blank lines as lines, not rows", async () => {
    const settings = settingsOf({ tooOld: false, range: false });
    const row =
      '{"event_id":"e1","event_type":"opportunity","event_time":1795000000000,"geo":"se","device":"tv"}';
    const path = await folder.write("bom.ndjson", `\uFEFF${row}\n\n  \n${row.replace("e1", "e2")}\r\n`);
    const fast = await staged(settings, path);
    const expected = generalOnly(settings, path, ["", row, "", "  ", row.replace("e1", "e2")].slice(1));
    expect(fast.rows).toBe(2);
    expect(fast.events === expected.events).toBe(true);
    expect(fast.counts.rowsRead).toBe(2);
  });
});
