import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import { type Frequency, formatDs } from "./frequency.js";
import { type LongSeries, readLongFormat } from "./read-long-format.js";
import { addSteps } from "./time-grid.js";

const folder = useTempFolder("avails-read-long-format-");
let files = 0;

/** Writes the lines to a new CSV file in the temp folder and returns its path. */
async function csv(lines: string[], ending = "\n"): Promise<string> {
  return folder.write(`input-${files++}.csv`, lines.join(ending) + ending);
}

/** A series as plain data: id, its ds texts and values (null for NaN). */
function plain(freq: Frequency, series: LongSeries) {
  const ds: string[] = [];
  let time = series.start;
  for (let i = 0; i < series.values.length; i++) {
    ds.push(formatDs(freq, time));
    time = addSteps(series.grid, time, 1);
  }
  return { id: series.id, ds, y: Array.from(series.values, (v) => (Number.isNaN(v) ? null : v)) };
}

async function rejects(path: string, freq: Frequency, message: string): Promise<void> {
  await expect(readLongFormat(path, freq)).rejects.toThrow(message);
}

describe("readLongFormat: good input", () => {
  it("readLongFormat(file, daily) groups rows by unique_id in order of first appearance, sorted by ds", async () => {
    const path = await csv([
      "unique_id,ds,y",
      "b,2026-01-02,20",
      "a,2026-01-03,3",
      "b,2026-01-01,10",
      "a,2026-01-01,1",
      "a,2026-01-02,2",
    ]);
    const series = await readLongFormat(path, "daily");
    expect(series.map((s) => plain("daily", s))).toEqual([
      { id: "b", ds: ["2026-01-01", "2026-01-02"], y: [10, 20] },
      { id: "a", ds: ["2026-01-01", "2026-01-02", "2026-01-03"], y: [1, 2, 3] },
    ]);
    expect(series[1]).toMatchObject({ rows: 3, gaps: 0, missing: 0 });
    expect(series[1].start).toBe(Date.UTC(2026, 0, 1));
    expect(series[1].values).toBeInstanceOf(Float64Array);
  });

  it("readLongFormat(file, freq) takes the columns in any order and ignores other columns", async () => {
    const path = await csv(["note,y,ds,unique_id", "x,5,2026-01-01,s", "y,6,2026-01-02,s"]);
    expect((await readLongFormat(path, "daily")).map((s) => plain("daily", s))).toEqual([
      { id: "s", ds: ["2026-01-01", "2026-01-02"], y: [5, 6] },
    ]);
  });

  it("readLongFormat(file, freq) reads quoted fields, commas and newlines in ids, CRLF endings and a BOM", async () => {
    const path = await folder.write(
      "quoted.csv",
      '\ufeff"unique_id","ds","y"\r\n"SE,mobile","2026-01-01","1.5"\r\n"two\nlines",2026-01-01,2\r\n' +
        '"say ""hi""",2026-01-01,3\r\n',
    );
    const series = await readLongFormat(path, "daily");
    expect(series.map((s) => [s.id, s.values[0]])).toEqual([
      ["SE,mobile", 1.5],
      ["two\nlines", 2],
      ['say "hi"', 3],
    ]);
  });

  it("readLongFormat(file, freq) fills grid steps without a row with NaN and counts them as gaps", async () => {
    const path = await csv(["unique_id,ds,y", "s,2026-01-01,1", "s,2026-01-04,4", "s,2026-01-02,2"]);
    const [series] = await readLongFormat(path, "daily");
    expect(plain("daily", series).y).toEqual([1, 2, null, 4]);
    expect(series).toMatchObject({ rows: 3, gaps: 1, missing: 0 });
  });

  it("readLongFormat(file, freq) reads an empty y, NA and NaN as missing values", async () => {
    const path = await csv([
      "unique_id,ds,y",
      "s,2026-01-01,",
      "s,2026-01-02,NA",
      "s,2026-01-03,NaN",
      "s,2026-01-04,nan",
      "s,2026-01-05,5",
    ]);
    const [series] = await readLongFormat(path, "daily");
    expect(plain("daily", series).y).toEqual([null, null, null, null, 5]);
    expect(series).toMatchObject({ rows: 5, gaps: 0, missing: 4 });
  });

  it("readLongFormat(file, freq) skips blank lines but counts them in line numbers", async () => {
    const path = await csv(["unique_id,ds,y", "", "s,2026-01-01,1", "   ", "s,2026-01-01,2"]);
    await rejects(path, "daily", `${path}:5: ds "2026-01-01" appears twice in series "s" (lines 3 and 5)`);
  });

  it("readLongFormat(file, hourly) reads UTC and ISO timestamps onto whole hours", async () => {
    const path = await csv([
      "unique_id,ds,y",
      "s,2026-03-29 00:00:00,1",
      "s,2026-03-29T01:00:00Z,2",
      "s,2026-03-29T04:00:00+02:00,3",
    ]);
    expect(plain("hourly", (await readLongFormat(path, "hourly"))[0])).toEqual({
      id: "s",
      ds: ["2026-03-29 00:00:00", "2026-03-29 01:00:00", "2026-03-29 02:00:00"],
      y: [1, 2, 3],
    });
  });

  it("readLongFormat(file, hourly) keeps a series whose every point is at half past", async () => {
    const path = await csv(["unique_id,ds,y", "s,2026-01-01 10:30:00,1", "s,2026-01-01 12:30:00,3"]);
    expect(plain("hourly", (await readLongFormat(path, "hourly"))[0]).ds).toEqual([
      "2026-01-01 10:30:00",
      "2026-01-01 11:30:00",
      "2026-01-01 12:30:00",
    ]);
  });

  it("readLongFormat(file, weekly) lays Sundays out seven days apart, across a year's end", async () => {
    const path = await csv(["unique_id,ds,y", "s,2024-01-07,2", "s,2023-12-24,0", "s,2023-12-31,1"]);
    expect(plain("weekly", (await readLongFormat(path, "weekly"))[0])).toEqual({
      id: "s",
      ds: ["2023-12-24", "2023-12-31", "2024-01-07"],
      y: [0, 1, 2],
    });
  });

  it("readLongFormat(file, monthly) reads month-end data through a leap February, with a gap", async () => {
    const path = await csv(["unique_id,ds,y", "s,2024-01-31,1", "s,2024-02-29,2", "s,2024-04-30,4"]);
    const [series] = await readLongFormat(path, "monthly");
    expect(plain("monthly", series)).toEqual({
      id: "s",
      ds: ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"],
      y: [1, 2, null, 4],
    });
    expect(series.gaps).toBe(1);
  });

  it("readLongFormat(file, quarterly) reads quarters starting in January and series on their own grids", async () => {
    const path = await csv([
      "unique_id,ds,y",
      "q,2023-10-01,4",
      "q,2024-01-01,5",
      "e,2023-12-31,1",
      "e,2024-06-30,3",
    ]);
    expect((await readLongFormat(path, "quarterly")).map((s) => plain("quarterly", s))).toEqual([
      { id: "q", ds: ["2023-10-01", "2024-01-01"], y: [4, 5] },
      { id: "e", ds: ["2023-12-31", "2024-03-31", "2024-06-30"], y: [1, null, 3] },
    ]);
  });

  it("readLongFormat(file, freq) reads a series of one row", async () => {
    const path = await csv(["unique_id,ds,y", "only,2026-05-01,7"]);
    expect(plain("monthly", (await readLongFormat(path, "monthly"))[0])).toEqual({
      id: "only",
      ds: ["2026-05-01"],
      y: [7],
    });
  });

  it("readLongFormat(file, freq) streams a file of many batches of lines, shuffled", async () => {
    const ids = ["a", "b", "c"];
    const n = 5000;
    const rows: string[] = [];
    for (let t = 0; t < n; t++) {
      for (let k = 0; k < ids.length; k++) {
        rows.push(`${ids[k]},${formatDs("hourly", Date.UTC(2026, 0, 1) + t * 3_600_000)},${t * 10 + k}`);
      }
    }
    // A fixed permutation: reversed odd positions, then the even ones.
    const shuffled = [...rows.filter((_, i) => i % 2 === 1).reverse(), ...rows.filter((_, i) => i % 2 === 0)];
    const path = await csv(["unique_id,ds,y", ...shuffled]);
    const series = await readLongFormat(path, "hourly");
    expect(series.map((s) => s.id)).toEqual(["c", "a", "b"]);
    for (const s of series) {
      const k = ids.indexOf(s.id);
      expect(s.values.length).toBe(n);
      expect(s.start).toBe(Date.UTC(2026, 0, 1));
      for (let t = 0; t < n; t++)
        if (s.values[t] !== t * 10 + k) throw new Error(`${s.id} ${t}: ${s.values[t]}`);
    }
  });
});

describe("readLongFormat: bad input", () => {
  it("readLongFormat(file, freq) rejects a file that does not exist", async () => {
    await expect(readLongFormat(join(folder.dir, "missing.csv"), "daily")).rejects.toThrow("missing.csv");
  });

  it("readLongFormat(file, freq) rejects an empty file and a header without rows", async () => {
    const empty = await folder.write("empty.csv", "");
    await rejects(empty, "daily", `${empty}: empty file; expected a header with unique_id, ds and y`);
    const blank = await folder.write("blank.csv", "\n\n");
    await rejects(blank, "daily", `${blank}: empty file`);
    const headerOnly = await csv(["unique_id,ds,y"]);
    await rejects(headerOnly, "daily", `${headerOnly}: no rows after the header`);
  });

  it("readLongFormat(file, freq) names a missing column and the header it found", async () => {
    const noY = await csv(["unique_id,ds,value", "s,2026-01-01,1"]);
    await rejects(noY, "daily", `${noY}:1: no y column in the header ("unique_id", "ds", "value")`);
    const noId = await csv(["id,ds,y", "s,2026-01-01,1"]);
    await rejects(noId, "daily", `${noId}:1: no unique_id column in the header`);
    const noDs = await csv(["unique_id,date,y", "s,2026-01-01,1"]);
    await rejects(noDs, "daily", `${noDs}:1: no ds column in the header`);
    const caseMatters = await csv(["Unique_ID,DS,Y", "s,2026-01-01,1"]);
    await rejects(caseMatters, "daily", `${caseMatters}:1: no unique_id column`);
  });

  it("readLongFormat(file, freq) rejects a column named twice", async () => {
    const path = await csv(["unique_id,ds,y,ds", "s,2026-01-01,1,2026-01-02"]);
    await rejects(path, "daily", `${path}:1: column ds appears twice in the header`);
  });

  it("readLongFormat(file, freq) rejects a row with more or fewer fields than the header", async () => {
    const fewer = await csv(["unique_id,ds,y", "s,2026-01-01,1", "s,2026-01-02"]);
    await rejects(fewer, "daily", `${fewer}:3: 2 fields where the header has 3`);
    const more = await csv(["unique_id,ds,y", "s,2026-01-01,1,9"]);
    await rejects(more, "daily", `${more}:2: 4 fields where the header has 3`);
  });

  it("readLongFormat(file, freq) rejects an empty unique_id", async () => {
    const path = await csv(["unique_id,ds,y", "s,2026-01-01,1", ",2026-01-02,2"]);
    await rejects(path, "daily", `${path}:3: unique_id is empty`);
  });

  it("readLongFormat(file, freq) names the line and the ds that is not a date of the frequency", async () => {
    const path = await csv(["unique_id,ds,y", "s,2026-01-01,1", "s,2026-02-30,2"]);
    await rejects(path, "daily", `${path}:3: ds "2026-02-30" is not a date (YYYY-MM-DD)`);
    const words = await csv(["unique_id,ds,y", "s,yesterday,1"]);
    await rejects(words, "monthly", `${words}:2: ds "yesterday" is not a date (YYYY-MM-DD)`);
    const empty = await csv(["unique_id,ds,y", "s,,1"]);
    await rejects(empty, "weekly", `${empty}:2: ds "" is not a date (YYYY-MM-DD)`);
  });

  it("readLongFormat(file, freq) suggests the other frequency when hourly and daily data are mixed up", async () => {
    const hourlyData = await csv(["unique_id,ds,y", "s,2026-01-01 10:00:00,1"]);
    await rejects(
      hourlyData,
      "daily",
      `${hourlyData}:2: ds "2026-01-01 10:00:00" is not a date (YYYY-MM-DD): it has a time of day; is the data hourly?`,
    );
    const dailyData = await csv(["unique_id,ds,y", "s,2026-01-01,1"]);
    await rejects(
      dailyData,
      "hourly",
      `${dailyData}:2: ds "2026-01-01" is not a timestamp (YYYY-MM-DD HH:MM:SS); is the data daily?`,
    );
  });

  it("readLongFormat(file, freq) names the line and the y that is not a number", async () => {
    for (const bad of ["abc", '"1,5"', "Infinity", "0x10", "1e999", "N/A"]) {
      const path = await csv(["unique_id,ds,y", "s,2026-01-01,1", `s,2026-01-02,${bad}`]);
      const shown = JSON.stringify(bad.replaceAll('"', ""));
      await rejects(
        path,
        "daily",
        `${path}:3: y ${shown} is not a number (empty, NA or NaN mark a missing value)`,
      );
    }
  });

  it("readLongFormat(file, freq) rejects a ds twice in a series, naming both lines", async () => {
    const path = await csv([
      "unique_id,ds,y",
      "s,2026-01-01 00:00:00,1",
      "t,2026-01-01 01:00:00,2",
      "s,2026-01-01T01:00:00Z,3",
      "s,2026-01-01T02:00:00+01:00,4",
    ]);
    await rejects(
      path,
      "hourly",
      `${path}:5: ds "2026-01-01 01:00:00" appears twice in series "s" (lines 4 and 5)`,
    );
  });

  it("readLongFormat(file, freq) allows the same ds in different series", async () => {
    const path = await csv(["unique_id,ds,y", "s,2026-01-01,1", "t,2026-01-01,2"]);
    expect((await readLongFormat(path, "daily")).length).toBe(2);
  });

  it("readLongFormat(file, hourly) rejects 10:30 among whole hours, naming its line", async () => {
    const path = await csv([
      "unique_id,ds,y",
      "s,2026-01-01 09:00:00,1",
      "s,2026-01-01 10:30:00,2",
      "s,2026-01-01 11:00:00,3",
    ]);
    await rejects(
      path,
      "hourly",
      `${path}:3: ds "2026-01-01 10:30:00" of series "s" is off its hourly grid: its other rows fall on whole hours`,
    );
  });

  it("readLongFormat(file, weekly) rejects a Tuesday among Mondays", async () => {
    const path = await csv(["unique_id,ds,y", "s,2024-02-26,1", "s,2024-03-05,2", "s,2024-03-11,3"]);
    await rejects(
      path,
      "weekly",
      `${path}:3: ds "2024-03-05" of series "s" is off its weekly grid: its other rows fall on Mondays`,
    );
  });

  it("readLongFormat(file, monthly) rejects the 15th among firsts of the month", async () => {
    const path = await csv(["unique_id,ds,y", "s,2024-03-15,2", "s,2024-01-01,1", "s,2024-04-01,3"]);
    await rejects(
      path,
      "monthly",
      `${path}:2: ds "2024-03-15" of series "s" is off its monthly grid: its other rows fall on day 1 of each month`,
    );
  });

  it("readLongFormat(file, quarterly) rejects a February among January, April and July", async () => {
    const path = await csv([
      "unique_id,ds,y",
      "s,2024-01-01,1",
      "s,2024-04-01,2",
      "s,2024-07-01,3",
      "s,2024-08-01,4",
    ]);
    await rejects(
      path,
      "quarterly",
      `${path}:5: ds "2024-08-01" of series "s" is off its quarterly grid: its other rows fall on day 1 of Jan, Apr, Jul and Oct`,
    );
  });

  it("readLongFormat(file, freq) rejects a series spanning more steps than maxLength, naming both ends", async () => {
    const path = await csv(["unique_id,ds,y", "s,2026-01-01,1", "s,2206-01-01,2"]);
    await expect(readLongFormat(path, "daily", { maxLength: 1000 })).rejects.toThrow(
      `${path}: series "s" spans 65744 daily steps from ds "2026-01-01" (line 2) to "2206-01-01" (line 3), more than 1000; is a date mistyped?`,
    );
  });

  it("readLongFormat(file, freq) rejects an unterminated quoted field, naming the line where it starts", async () => {
    const path = await csv(["unique_id,ds,y", "s,2026-01-01,1", '"s,2026-01-02,2', "s,2026-01-03,3"]);
    await rejects(path, "daily", `${path}:3: unterminated quoted field`);
  });

  it("readLongFormat(path) names a missing file or a folder plainly", async () => {
    await expect(readLongFormat(join(folder.dir, "absent.csv"), "daily")).rejects.toThrow(
      `cannot read ${join(folder.dir, "absent.csv")}: no such file`,
    );
    await expect(readLongFormat(folder.dir, "daily")).rejects.toThrow(
      `cannot read ${folder.dir}: it is a folder, not a CSV file`,
    );
  });
});
