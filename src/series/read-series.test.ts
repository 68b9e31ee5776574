import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import { parseConfig } from "../config/load-config.js";
import { openStore } from "../store/duckdb-store.js";
import type { Store } from "../store/store.js";
import type { DenseSeries } from "./dense-series.js";
import { longFormatCsv, readSeries } from "./read-series.js";

function text(dense: DenseSeries): string {
  return [...longFormatCsv(dense)].join("");
}

const folder = useTempFolder("avails-read-series-");
const open: Store[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

function opportunity(id: string, time: string): Record<string, unknown> {
  return { event_id: id, event_type: "opportunity", event_time: time, geo: "SE", device: "mobile" };
}

/** A real store holding these rows, ingested with a clock after them all. */
async function storeWith(rows: Record<string, unknown>[]): Promise<Store> {
  const name = `s${open.length}-${Math.random().toString(36).slice(2)}`;
  const file = await folder.write(`${name}.ndjson`, rows.map((r) => JSON.stringify(r)).join("\n"));
  const store = await openStore(join(folder.dir, name), parseConfig({}, "test"));
  open.push(store);
  await store.ingest([file], { now: Date.UTC(2027, 0, 1) });
  return store;
}

describe("longFormatCsv", () => {
  it("longFormatCsv(dense) writes the header, then one unique_id,ds,y line per key and period", () => {
    const dense: DenseSeries = {
      keys: ["SE", "NO"],
      periods: ["2026-11-25", "2026-11-26"],
      values: Float64Array.from([1, 2.5, 0, 40]),
    };
    expect([...longFormatCsv(dense)]).toEqual([
      "unique_id,ds,y\n",
      "SE,2026-11-25,1\nSE,2026-11-26,2.5\n",
      "NO,2026-11-25,0\nNO,2026-11-26,40\n",
    ]);
  });

  it("longFormatCsv(dense) quotes keys holding commas, quotes or newlines", () => {
    const dense: DenseSeries = {
      keys: ["SE,mobile", 'say "hi"', "two\nlines", "plain key"],
      periods: ["2026-11-25 00:00:00"],
      values: Float64Array.from([1, 2, 3, 4]),
    };
    expect(text(dense)).toBe(
      'unique_id,ds,y\n"SE,mobile",2026-11-25 00:00:00,1\n"say ""hi""",2026-11-25 00:00:00,2\n' +
        '"two\nlines",2026-11-25 00:00:00,3\nplain key,2026-11-25 00:00:00,4\n',
    );
  });

  it("longFormatCsv(dense) of no keys is the header alone", () => {
    expect(text({ keys: [], periods: [], values: new Float64Array(0) })).toBe("unique_id,ds,y\n");
  });
});

describe("readSeries", () => {
  it("readSeries(store, request) of an empty level returns no keys, periods or values", async () => {
    const store = await storeWith([opportunity("o1", "2026-11-25T10:05:00Z")]);
    const dense = await readSeries(store, {
      level: "campaign",
      measure: "clicks",
      freq: "hourly",
      timeZone: "UTC",
    });
    expect(dense).toEqual({ keys: [], periods: [], values: new Float64Array(0) });
  });

  it("readSeries(store, request) without bounds spans the level's first to last hour, zero-filled", async () => {
    const store = await storeWith([
      opportunity("o1", "2026-11-25T10:05:00Z"),
      { ...opportunity("o2", "2026-11-25T12:59:59Z"), count: 3 },
    ]);
    const dense = await readSeries(store, {
      level: "geo",
      measure: "opportunities",
      freq: "hourly",
      timeZone: "UTC",
    });
    expect(dense.keys).toEqual(["geo=SE"]);
    expect(dense.periods).toEqual(["2026-11-25 10:00:00", "2026-11-25 11:00:00", "2026-11-25 12:00:00"]);
    expect(Array.from(dense.values)).toEqual([1, 0, 3]);
  });

  it("readSeries(store, request) reads --from and --to days, --to inclusive, in the reporting time zone", async () => {
    const store = await storeWith([
      { ...opportunity("in", "2026-11-30T23:30:00Z"), count: 4 }, // 00:30 on Dec 1 in Stockholm
      opportunity("before", "2026-11-30T22:30:00Z"), // 23:30 on Nov 30 in Stockholm
      opportunity("after", "2026-12-02T23:00:00Z"), // 00:00 on Dec 3 in Stockholm
    ]);
    const dense = await readSeries(store, {
      level: "geo",
      measure: "opportunities",
      freq: "daily",
      from: "2026-12-01",
      to: "2026-12-02",
      timeZone: "Europe/Stockholm",
    });
    expect(dense.periods).toEqual(["2026-12-01", "2026-12-02"]);
    expect(Array.from(dense.values)).toEqual([4, 0]);
  });

  it("readSeries(store, request) throws naming --from when it is not a date", async () => {
    const store = await storeWith([opportunity("o1", "2026-11-25T10:05:00Z")]);
    const base = { level: "geo", measure: "clicks", freq: "daily", timeZone: "UTC" } as const;
    await expect(readSeries(store, { ...base, from: "2026-02-30" })).rejects.toThrow(
      '--from: "2026-02-30" is not a date',
    );
    await expect(readSeries(store, { ...base, from: "yesterday" })).rejects.toThrow(
      '--from: "yesterday" is not a date (YYYY-MM-DD) or ISO time with offset',
    );
  });

  it("readSeries(store, request) throws when --to is not after --from", async () => {
    const store = await storeWith([opportunity("o1", "2026-11-25T10:05:00Z")]);
    await expect(
      readSeries(store, {
        level: "geo",
        measure: "clicks",
        freq: "daily",
        from: "2026-11-05",
        to: "2026-11-01",
        timeZone: "UTC",
      }),
    ).rejects.toThrow("--to 2026-11-01 is not after --from 2026-11-05");
  });
});
