import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { arrivalCompleteness } from "../src/series/arrival-completeness.js";
import { openStore } from "../src/store/duckdb-store.js";
import { at, defaultConfig, opportunity, tempDir, writeNdjson } from "./helpers.js";

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe("store.arrivalDelays()", () => {
  it("histograms ingestion_time - event_time of closed hours' events by 5 minutes, counts included", async () => {
    const rows = [];
    // Hours 0-99; lateness 72 h from the watermark (hour 199) closes hours before 127.
    for (let h = 0; h < 100; h++) {
      rows.push(opportunity(`a${h}`, h, "SE", "mobile", { ingestion_time: at(h, 30) }));
      rows.push(opportunity(`b${h}`, h, "SE", "mobile", { ingestion_time: at(h + 2, 10), count: 3 }));
    }
    // Open hours' events (after the closing point) and one straggler backfilled ten days late.
    rows.push(opportunity("late", 150, "SE", "mobile", { ingestion_time: at(160) }));
    rows.push(opportunity("w", 199, "SE", "mobile", { ingestion_time: at(199, 20) }));
    rows.push(opportunity("s", 50, "SE", "mobile", { ingestion_time: at(50 + 240) }));
    const file = writeNdjson(join(dir, "a.ndjson"), rows);
    const store = await openStore(join(dir, "store"), defaultConfig);
    try {
      await store.backfill([file], {
        start: Date.parse(at(0)),
        end: Date.parse(at(24 * 10)),
        from: "2026-10-01",
        to: "2026-10-10",
        now: Date.parse(at(400)),
      });
      const delays = await store.arrivalDelays();
      expect(delays.watermark).toBe(Date.parse(at(199, 5)));
      expect(delays.lastIngestion).toBe(Date.parse(at(290)));
      // Delays of 25 minutes (bucket 5 of 5 minutes) and 2 h 5 min (bucket 25).
      expect(delays.bucketHours).toBe(1 / 12);
      expect(delays.units[5]).toBe(100);
      expect(delays.units[25]).toBe(300);
      expect(delays.beyond).toBe(1);
      expect(delays.units.reduce((a, b) => a + b, 0)).toBe(400);
      const completeness = arrivalCompleteness(delays, defaultConfig.allowedLatenessHours);
      expect(completeness.informative).toBe(true);
      // 90 minutes in, the prompt quarter is whole and the late rest has not begun to arrive.
      expect(completeness.shareAt(1.5)).toBeCloseTo(0.25, 12);
      expect(completeness.shareAt(3.5)).toBeCloseTo(1, 12);
      expect(await store.arrivalDelays("impression")).toMatchObject({ beyond: 0 });
    } finally {
      await store.close();
    }
  });
});
