import { describe, expect, it } from "vitest";
import type { CubeQuery, CubeSlice, Store } from "../store/store.js";
import type { DenseSeries } from "./dense-series.js";
import { longFormatCsv, readSeries } from "./read-series.js";

const HOUR = 3_600_000;

function text(dense: DenseSeries): string {
  return [...longFormatCsv(dense)].join("");
}

/** A store whose cube returns the given slice and records the queries it was asked. */
function fakeStore(slice: CubeSlice): { store: Store; queries: CubeQuery[] } {
  const queries: CubeQuery[] = [];
  const store = {
    cube: async (query: CubeQuery) => {
      queries.push(query);
      return slice;
    },
  } as unknown as Store;
  return { store, queries };
}

function slice(keys: string[], cells: Array<[number, number, number]>): CubeSlice {
  const hours = cells.map((c) => c[1]);
  return {
    keys,
    keyIndex: Int32Array.from(cells.map((c) => c[0])),
    hour: Float64Array.from(hours),
    value: Float64Array.from(cells.map((c) => c[2])),
    firstHour: hours.length === 0 ? null : Math.min(...hours),
    lastHour: hours.length === 0 ? null : Math.max(...hours),
  };
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
    const { store } = fakeStore(slice([], []));
    const dense = await readSeries(store, {
      level: "geo",
      measure: "clicks",
      freq: "hourly",
      timeZone: "UTC",
    });
    expect(dense).toEqual({ keys: [], periods: [], values: new Float64Array(0) });
  });

  it("readSeries(store, request) without bounds spans the level's first to last hour", async () => {
    const first = Date.UTC(2026, 10, 25, 10);
    const { store, queries } = fakeStore(
      slice(
        ["SE"],
        [
          [0, first, 1],
          [0, first + 2 * HOUR, 3],
        ],
      ),
    );
    const dense = await readSeries(store, {
      level: "geo",
      measure: "opportunities",
      freq: "hourly",
      timeZone: "UTC",
    });
    expect(queries).toEqual([{ level: "geo", measure: "opportunities", start: undefined, end: undefined }]);
    expect(dense.periods).toEqual(["2026-11-25 10:00:00", "2026-11-25 11:00:00", "2026-11-25 12:00:00"]);
    expect(Array.from(dense.values)).toEqual([1, 0, 3]);
  });

  it("readSeries(store, request) reads --from and --to days, --to inclusive, in the reporting time zone", async () => {
    const { store, queries } = fakeStore(slice(["SE"], [[0, Date.UTC(2026, 10, 30, 23), 4]]));
    const dense = await readSeries(store, {
      level: "geo",
      measure: "impressions",
      freq: "daily",
      from: "2026-12-01",
      to: "2026-12-02",
      timeZone: "Europe/Stockholm",
    });
    expect(queries).toEqual([
      {
        level: "geo",
        measure: "impressions",
        start: Date.UTC(2026, 10, 30, 23),
        end: Date.UTC(2026, 11, 2, 23),
      },
    ]);
    expect(dense.periods).toEqual(["2026-12-01", "2026-12-02"]);
    expect(Array.from(dense.values)).toEqual([4, 0]);
  });

  it("readSeries(store, request) throws naming --from when it is not a date", async () => {
    const { store } = fakeStore(slice([], []));
    const base = { level: "geo", measure: "clicks", freq: "daily", timeZone: "UTC" } as const;
    await expect(readSeries(store, { ...base, from: "2026-02-30" })).rejects.toThrow(
      '--from: "2026-02-30" is not a date',
    );
    await expect(readSeries(store, { ...base, from: "yesterday" })).rejects.toThrow(
      '--from: "yesterday" is not a date (YYYY-MM-DD) or ISO time with offset',
    );
  });

  it("readSeries(store, request) throws when --to is not after --from", async () => {
    const { store } = fakeStore(slice([], []));
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
