import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import type { TimeGrid } from "./time-grid.js";
import {
  forecastCsvHeader,
  forecastCsvRows,
  type SeriesForecast,
  writeForecastCsv,
} from "./write-forecast-csv.js";

const folder = useTempFolder("avails-write-forecast-");
const daily: TimeGrid = { freq: "daily", anchor: 0, phase: 0 };
const monthEnds: TimeGrid = { freq: "monthly", anchor: 31, phase: 0 };
const f64 = (values: number[]) => Float64Array.from(values);

function forecast(overrides: Partial<SeriesForecast> = {}): SeriesForecast {
  return {
    id: "s",
    grid: daily,
    start: Date.UTC(2026, 0, 1),
    mean: f64([10, 11]),
    lower: [f64([8, 8.5]), f64([6, 5])],
    upper: [f64([12, 13.5]), f64([14, 17])],
    model: "ets",
    ...overrides,
  };
}

async function* slowly(items: SeriesForecast[], failAfter = Number.POSITIVE_INFINITY) {
  let n = 0;
  for (const item of items) {
    if (n++ >= failAfter) throw new Error("the engine failed");
    yield item;
  }
}

describe("forecastCsvHeader", () => {
  it("forecastCsvHeader(levels) has a lo and hi column per level, in the order given, then model", () => {
    expect(forecastCsvHeader([80, 95])).toBe("unique_id,ds,mean,lo-80,hi-80,lo-95,hi-95,model\n");
    expect(forecastCsvHeader([95, 50, 99.5])).toBe(
      "unique_id,ds,mean,lo-95,hi-95,lo-50,hi-50,lo-99.5,hi-99.5,model\n",
    );
    expect(forecastCsvHeader([])).toBe("unique_id,ds,mean,model\n");
  });

  it("forecastCsvHeader(levels) throws naming a level outside (0, 100) or given twice", () => {
    for (const bad of [0, 100, -5, 120, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => forecastCsvHeader([80, bad]), String(bad)).toThrow(
        `levels: ${bad} is not a percentage strictly between 0 and 100`,
      );
    }
    expect(() => forecastCsvHeader([80, 95, 80])).toThrow("levels: 80 is given twice");
  });
});

describe("quantile columns", () => {
  it("forecastCsvHeader(levels, probs) puts a q column per probability after the intervals", () => {
    expect(forecastCsvHeader([80], [0.1, 0.5, 0.9])).toBe(
      "unique_id,ds,mean,lo-80,hi-80,q-0.1,q-0.5,q-0.9,model\n",
    );
    expect(forecastCsvHeader([], [0.05])).toBe("unique_id,ds,mean,q-0.05,model\n");
    expect(() => forecastCsvHeader([], [0.1, 0.1])).toThrow("quantiles: 0.1 is given twice");
    expect(() => forecastCsvHeader([], [1])).toThrow("quantiles: 1 is not strictly between 0 and 1");
  });

  it("forecastCsvRows(forecast, levels, probs) writes the quantiles and refuses a missing one", () => {
    const withQuantiles = forecast({ lower: [], upper: [], quantiles: [f64([9, 10]), f64([12, 13])] });
    expect(forecastCsvRows(withQuantiles, [], [0.2, 0.8])).toBe(
      "s,2026-01-01,10,9,12,ets\ns,2026-01-02,11,10,13,ets\n",
    );
    expect(() => forecastCsvRows(withQuantiles, [], [0.2, 0.5, 0.8])).toThrow(
      'series "s": 2 quantile forecasts for 3 quantiles',
    );
  });
});

describe("forecastCsvRows", () => {
  it("forecastCsvRows(forecast, levels) writes one row per step with the grid's ds", () => {
    expect(forecastCsvRows(forecast(), [80, 95])).toBe(
      "s,2026-01-01,10,8,12,6,14,ets\ns,2026-01-02,11,8.5,13.5,5,17,ets\n",
    );
  });

  it("forecastCsvRows(forecast, levels) steps month ends through a leap February", () => {
    const text = forecastCsvRows(
      forecast({ grid: monthEnds, start: Date.UTC(2024, 0, 31), mean: f64([1, 2, 3]), lower: [], upper: [] }),
      [],
    );
    expect(text).toBe("s,2024-01-31,1,ets\ns,2024-02-29,2,ets\ns,2024-03-31,3,ets\n");
  });

  it("forecastCsvRows(forecast, levels) writes hourly ds in UTC and numbers to ten significant digits", () => {
    const text = forecastCsvRows(
      forecast({
        grid: { freq: "hourly", anchor: 0, phase: 0 },
        start: Date.UTC(2026, 0, 1, 23),
        mean: f64([0.1 + 0.2, 2 / 3]),
        lower: [],
        upper: [],
      }),
      [],
    );
    expect(text).toBe("s,2026-01-01 23:00:00,0.3,ets\ns,2026-01-02 00:00:00,0.6666666667,ets\n");
  });

  it("forecastCsvRows(forecast, levels) quotes ids and models holding commas, quotes or newlines", () => {
    const text = forecastCsvRows(
      forecast({ id: 'SE,"mobile"', model: "ETS(A,N,A)", mean: f64([1]), lower: [], upper: [] }),
      [],
    );
    expect(text).toBe('"SE,""mobile""",2026-01-01,1,"ETS(A,N,A)"\n');
  });

  it("forecastCsvRows(forecast, levels) throws naming the series, column and ds of a non-finite number", () => {
    expect(() => forecastCsvRows(forecast({ mean: f64([10, Number.NaN]) }), [80, 95])).toThrow(
      'series "s": mean at 2026-01-02 is NaN; nothing written',
    );
    const upper = [f64([12, 13.5]), f64([Number.POSITIVE_INFINITY, 17])];
    expect(() => forecastCsvRows(forecast({ upper }), [80, 95])).toThrow(
      'series "s": hi-95 at 2026-01-01 is Infinity; nothing written',
    );
  });

  it("forecastCsvRows(forecast, levels) throws when the bounds do not match the levels or the horizon", () => {
    expect(() => forecastCsvRows(forecast(), [80])).toThrow(
      'series "s": 2 lower and 2 upper bounds for 1 levels',
    );
    expect(() => forecastCsvRows(forecast({ lower: [f64([8, 8.5]), f64([6])] }), [80, 95])).toThrow(
      'series "s": the 95% bounds do not have the 2 steps of the mean',
    );
  });
});

describe("writeForecastCsv", () => {
  it("writeForecastCsv(path, levels, forecasts) writes the header and every series, and counts the rows", async () => {
    const path = join(folder.dir, "out.csv");
    const rows = await writeForecastCsv(path, [80, 95], [forecast(), forecast({ id: "t", model: "theta" })]);
    expect(rows).toBe(4);
    expect(await readFile(path, "utf8")).toBe(
      "unique_id,ds,mean,lo-80,hi-80,lo-95,hi-95,model\n" +
        "s,2026-01-01,10,8,12,6,14,ets\ns,2026-01-02,11,8.5,13.5,5,17,ets\n" +
        "t,2026-01-01,10,8,12,6,14,theta\nt,2026-01-02,11,8.5,13.5,5,17,theta\n",
    );
  });

  it("writeForecastCsv(path, levels, forecasts) takes an async iterable and writes files larger than a chunk", async () => {
    const path = join(folder.dir, "large.csv");
    const horizon = 30_000;
    const mean = Float64Array.from({ length: horizon }, (_, i) => i);
    await writeForecastCsv(path, [], slowly([forecast({ mean, lower: [], upper: [] })]));
    const lines = (await readFile(path, "utf8")).split("\n");
    expect(lines.length).toBe(horizon + 2);
    expect(lines[horizon]).toBe(`s,2108-02-20,${horizon - 1},ets`);
  });

  it("writeForecastCsv(path, levels, forecasts) replaces an existing file", async () => {
    const path = await folder.write("replace.csv", "old\n");
    await writeForecastCsv(path, [], [forecast({ mean: f64([1]), lower: [], upper: [] })]);
    expect(await readFile(path, "utf8")).toBe("unique_id,ds,mean,model\ns,2026-01-01,1,ets\n");
  });

  it("writeForecastCsv(path, levels, forecasts) leaves the old file and no temporary file when a forecast is bad", async () => {
    const dir = join(folder.dir, "atomic-bad");
    await mkdir(dir);
    const path = join(dir, "out.csv");
    await writeFile(path, "old\n");
    const bad = forecast({ id: "broken", mean: f64([1, Number.NaN]) });
    await expect(writeForecastCsv(path, [80, 95], [forecast(), bad])).rejects.toThrow(
      'series "broken": mean',
    );
    expect(await readFile(path, "utf8")).toBe("old\n");
    expect(await readdir(dir)).toEqual(["out.csv"]);
  });

  it("writeForecastCsv(path, levels, forecasts) leaves no file at all when the forecasts fail midway", async () => {
    const dir = join(folder.dir, "atomic-throw");
    await mkdir(dir);
    const path = join(dir, "out.csv");
    await expect(writeForecastCsv(path, [80, 95], slowly([forecast(), forecast()], 1))).rejects.toThrow(
      "the engine failed",
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it("writeForecastCsv(path, levels, forecasts) throws naming the path when its folder does not exist", async () => {
    const path = join(folder.dir, "no-such-folder", "out.csv");
    await expect(writeForecastCsv(path, [80], [forecast()])).rejects.toThrow(
      `cannot write ${path}: its folder does not exist`,
    );
  });

  it("writeForecastCsv(path, levels, forecasts) checks the levels before creating anything", async () => {
    const path = join(folder.dir, "levels.csv");
    await expect(writeForecastCsv(path, [80, 150], [forecast()])).rejects.toThrow("levels: 150");
    await expect(readFile(path)).rejects.toThrow("ENOENT");
  });
});
