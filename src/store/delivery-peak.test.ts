import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../config/load-config.js";
import { openStore } from "./duckdb-store.js";

const config = parseConfig({}, "test");
const HOUR = Date.UTC(2026, 10, 20, 10);
const NOW = Date.UTC(2026, 10, 21);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "avails-peak-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** NDJSON impressions of a campaign at the given instants (and one of another campaign at each). */
function impressions(campaign: string, times: number[]): string {
  return times
    .flatMap((t, i) => [
      { event_id: `${campaign}-${i}`, campaign_id: campaign, event_time: t },
      { event_id: `other-${campaign}-${i}`, campaign_id: "other", event_time: t },
    ])
    .map((e) =>
      JSON.stringify({ ...e, event_type: "impression", ingestion_time: NOW, geo: "SE", device: "mobile" }),
    )
    .join("\n");
}

async function peakOf(times: number[], windowMinutes?: number) {
  const file = join(dir, "events.ndjson");
  writeFileSync(file, `${impressions("c1", times)}\n`);
  const store = await openStore(join(dir, "store"), config);
  try {
    await store.ingest([file], { now: NOW });
    return await store.deliveryPeak({
      campaignId: "c1",
      start: HOUR - 3_600_000,
      end: HOUR + 7_200_000,
      windowMinutes,
    });
  } finally {
    await store.close();
  }
}

describe("store.deliveryPeak", () => {
  it("deliveryPeak finds impressions dumped at the top of the hour: ratio near 12 for 5-minute windows", async () => {
    // 120 impressions in the hour's first two minutes.
    const times = Array.from({ length: 120 }, (_, i) => HOUR + i * 1000);
    const peak = await peakOf(times);
    expect(peak.peak).toBe(120);
    expect(peak.windowStart).toBe(HOUR);
    expect(peak.expected).toBeCloseTo(10, 9);
    expect(peak.ratio).toBeCloseTo(12, 9);
    expect(peak.total).toBe(120);
  });

  it("deliveryPeak of evenly spread impressions is near 1", async () => {
    // One impression every 30 seconds over two hours.
    const times = Array.from({ length: 240 }, (_, i) => HOUR + i * 30_000);
    const peak = await peakOf(times);
    expect(peak.peak).toBe(10);
    expect(peak.expected).toBeCloseTo(10, 9);
    expect(peak.ratio).toBeCloseTo(1, 9);
    expect(peak.total).toBe(240);
  });

  it("deliveryPeak windows are half-open: an impression exactly one window later falls out", async () => {
    const peak = await peakOf([HOUR, HOUR + 300_000, HOUR + 299_999], 5);
    expect(peak.peak).toBe(2);
    expect(peak.windowStart).toBe(HOUR);
  });

  it("deliveryPeak of a campaign without impressions is empty", async () => {
    const store = await openStore(join(dir, "empty"), config);
    try {
      const peak = await store.deliveryPeak({ campaignId: "none", start: HOUR, end: HOUR + 3_600_000 });
      expect(peak).toEqual({
        windowMinutes: 5,
        peak: 0,
        windowStart: null,
        expected: 0,
        ratio: null,
        total: 0,
      });
      await expect(
        store.deliveryPeak({ campaignId: "none", start: HOUR, end: HOUR, windowMinutes: 5 }),
      ).rejects.toThrow(/start, end/);
      await expect(
        store.deliveryPeak({ campaignId: "none", start: HOUR, end: HOUR + 1, windowMinutes: 0 }),
      ).rejects.toThrow(/window/);
    } finally {
      await store.close();
    }
  });
});
