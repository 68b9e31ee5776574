import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTempFolder } from "../../test/temp-folder.js";
import { readLongFormat } from "../series/read-long-format.js";
import { writeForecastCsv } from "../series/write-forecast-csv.js";
import { forecastLongSeries } from "./forecast-long-series.js";

const NAIVE = new URL("./fixtures/naive-forecast-task.js", import.meta.url);
const folder = useTempFolder("avails-forecast-series-");

const INPUT = [
  "unique_id,ds,y",
  "b,2024-01-31,5",
  "a,2023-11-30,1",
  "a,2023-12-31,2",
  "b,2023-12-31,4",
  "a,2024-01-31,NA",
  "",
].join("\n");

describe("forecastLongSeries", () => {
  it("forecastLongSeries(module, series, shared) on workers continues each series' grid, in input order", async () => {
    const series = await readLongFormat(await folder.write("in.csv", INPUT), "monthly");
    const forecasts = await forecastLongSeries(
      NAIVE,
      series,
      { horizon: 2, levels: [80, 95] },
      { workers: 2 },
    );
    const out = join(folder.dir, "out.csv");
    await writeForecastCsv(out, [80, 95], forecasts);
    expect(await readFile(out, "utf8")).toBe(
      "unique_id,ds,mean,lo-80,hi-80,lo-95,hi-95,model\n" +
        "b,2024-02-29,5,-3,13,-4.5,14.5,naive (worker)\n" +
        "b,2024-03-31,5,-3,13,-4.5,14.5,naive (worker)\n" +
        "a,2024-02-29,2,-6,10,-7.5,11.5,naive (worker)\n" +
        "a,2024-03-31,2,-6,10,-7.5,11.5,naive (worker)\n",
    );
  });

  it("forecastLongSeries(module, series, shared, { workers: 0 }) gives the same forecasts in this thread", async () => {
    const series = await readLongFormat(await folder.write("in-here.csv", INPUT), "monthly");
    const done: string[] = [];
    const forecasts = await forecastLongSeries(
      NAIVE,
      series,
      { horizon: 1, levels: [] },
      { workers: 0, onProgress: (_, __, id) => done.push(id) },
    );
    expect(forecasts.map((f) => [f.id, f.start, Array.from(f.mean), f.model])).toEqual([
      ["b", Date.UTC(2024, 1, 29), [5], "naive (here)"],
      ["a", Date.UTC(2024, 1, 29), [2], "naive (here)"],
    ]);
    expect(done).toEqual(["b", "a"]);
  });

  it("forecastLongSeries(module, series, shared) moves each series' values to the workers", async () => {
    const series = await readLongFormat(await folder.write("in-moved.csv", INPUT), "monthly");
    await forecastLongSeries(NAIVE, series, { horizon: 1, levels: [] }, { workers: 1 });
    expect(series.map((s) => s.values.length)).toEqual([0, 0]);
  });

  it("forecastLongSeries(module, series, shared) rejects naming the series the model failed on", async () => {
    const path = await folder.write("in-empty.csv", "unique_id,ds,y\nok,2024-01-01,1\nempty,2024-01-01,NA\n");
    const series = await readLongFormat(path, "daily");
    await expect(
      forecastLongSeries(NAIVE, series, { horizon: 1, levels: [] }, { workers: 2 }),
    ).rejects.toThrow('series "empty": no observations to forecast from');
  });
});
