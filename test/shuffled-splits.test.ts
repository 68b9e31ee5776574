import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openStore } from "../src/store/duckdb-store.js";
import { at, cli, cubeDigest, defaultConfig, type Row, tempDir, writeNdjson } from "./helpers.js";

const GEOS = ["SE", "NO", "DK"];
const DEVICES = ["mobile", "desktop", "tv"];

/** Events within 60 hours, so no split order can make one too late for another (lateness is 72 h). */
const eventArbitrary = fc.record({
  type: fc.constantFrom("opportunity", "impression", "click"),
  hour: fc.integer({ min: 0, max: 60 }),
  geo: fc.constantFrom(...GEOS),
  device: fc.constantFrom(...DEVICES),
  campaign: fc.constantFrom("c1", "c2"),
  count: fc.integer({ min: 1, max: 4 }),
  cost: fc.integer({ min: 0, max: 5000 }),
  /** How many extra copies (retries) this event has, each with its own ingestion time. */
  retries: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
});

const scenarioArbitrary = fc.record({
  events: fc.array(eventArbitrary, { minLength: 1, maxLength: 60 }),
  files: fc.integer({ min: 1, max: 4 }),
  /** Ingest every file in its own run rather than all in one. */
  separateRuns: fc.boolean(),
  seed: fc.integer(),
});

type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer S> ? S : never;

function rowsOf(events: Scenario["events"]): Row[] {
  const rows: Row[] = [];
  events.forEach((e, i) => {
    const base: Row = {
      event_id: `e${i}`,
      event_type: e.type,
      event_time: at(e.hour, i % 60),
      ingestion_time: at(e.hour + 1),
      geo: e.geo,
      device: e.device,
      count: e.count,
      ...(e.type === "opportunity" ? {} : { campaign_id: e.campaign, cost_micros: e.cost }),
    };
    rows.push(base);
    // Retries carry the same content, with the same or a later ingestion time.
    for (const delay of e.retries) rows.push({ ...base, ingestion_time: at(e.hour + 1 + delay) });
  });
  return rows;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice();
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("avails ingest of shuffled splits", () => {
  it("gives the same cube to the last count as one file in one run, however the events are split and ordered", async () => {
    const { dir, cleanup } = tempDir();
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(scenarioArbitrary, async (scenario) => {
          n++;
          const rows = rowsOf(scenario.events);
          const reference = await openStore(join(dir, `ref-${n}`), defaultConfig);
          await reference.ingest([writeNdjson(join(dir, `all-${n}.ndjson`), rows)]);
          const expected = await cubeDigest(reference);
          const expectedStatus = await reference.status();
          await reference.close();

          const order = shuffled(rows, scenario.seed);
          const files: string[] = [];
          for (let f = 0; f < scenario.files; f++) {
            const part = order.filter((_, i) => i % scenario.files === f);
            files.push(writeNdjson(join(dir, `part-${n}-${f}.ndjson`), part));
          }
          // Through the CLI, so the worker-thread staging of the built program is what is checked.
          const splitDir = join(dir, `split-${n}`);
          const runs = scenario.separateRuns ? shuffled(files, scenario.seed + 1).map((f) => [f]) : [files];
          for (const run of runs) {
            const result = await cli(["--store", splitDir, "ingest", ...run]);
            expect(result.code, result.stderr).toBe(0);
          }
          const split = await openStore(splitDir, defaultConfig);
          const actual = await cubeDigest(split);
          const actualStatus = await split.status();
          await split.close();
          expect(actual).toBe(expected);
          expect(actualStatus.events).toEqual(expectedStatus.events);
          expect(actualStatus.duplicates).toBe(rows.length - scenario.events.length);
        }),
        { numRuns: 12, seed: 20261125 },
      );
    } finally {
      cleanup();
    }
  });
});
