// The calendar target of the forecast benchmark: on the demo data's holiday weeks, the auto model with calendar
// effects (the market's holidays and the shopping days as regressors, learned by eventAdjusted) against the same
// auto model without them, both as `avails forecast` runs them (runTask of the forecast task module).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { holidaysOn } from "../../dist/demo/holidays.js";
import { mase as maseOf } from "../../dist/metrics/index.js";
import { seriesMarket } from "../../dist/run/calendar-settings.js";
import { runTask } from "../../dist/run/forecast-task.js";
import { civilFromDays, DAY_MS } from "../../dist/series/civil-date.js";
import { readLongFormat } from "../../dist/series/read-long-format.js";
import { generateDemo, runAvails } from "./datasets.js";

/** Two years and more of demo traffic, so that every yearly holiday of the test year was seen once before. */
const DEMO = { seed: 11, days: 800, scale: 10_000, end: "2026-11-01" };
const HORIZON = 7;
/** The holiday is the fourth day of its test week. */
const LEAD = 3;
const LEVELS = [80, 95];

/**
 * Demo opportunities per market × device, daily over 800 days (50 series): made with the CLI once and cached
 * in `dir` (about 8 M events; a few minutes the first time).
 */
function holidayCells(dir) {
  const csv = join(dir, "geo-device-daily.csv");
  const manifest = join(dir, "series.json");
  if (existsSync(csv) && existsSync(manifest) && readFileSync(manifest, "utf8") === JSON.stringify(DEMO))
    return csv;
  spawnSync("rm", ["-rf", dir]);
  mkdirSync(dir, { recursive: true });
  const store = join(dir, "store");
  generateDemo(store, DEMO, join(dir, "logs"));
  const last = new Date(Date.parse(`${DEMO.end}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  runAvails(store, ["series", "--level", "geo_device", "--freq", "daily", "--to", last, "--output", csv]);
  spawnSync("rm", ["-rf", store, join(dir, "logs")]);
  writeFileSync(manifest, JSON.stringify(DEMO));
  return csv;
}

/**
 * The test weeks of a series: for each day of its last year that the demo generator made a holiday in its
 * market (Christmas, New Year's Day, Black Friday and the market's own), the week from three days before,
 * skipping a holiday inside the previous week (Boxing Day after Christmas).
 */
function holidayWeeks(series, geo) {
  const n = series.values.length;
  const origins = [];
  const firstDay = Math.floor(series.start / DAY_MS);
  for (let t = n - 365; t < n; t++) {
    const { year, month, day } = civilFromDays(firstDay + t);
    if (holidaysOn(geo, year, month, day).length === 0) continue;
    const origin = t - LEAD;
    if (origin + HORIZON > n) continue;
    if (origins.length > 0 && origin < origins.at(-1) + HORIZON) continue;
    origins.push(origin);
  }
  return origins;
}

/**
 * Runs both models on every holiday week of every demo cell and scores them: MASE of the week (scaled by the
 * training data's seasonal naive MAE at lag 7), WAPE over the weeks and over the holiday days alone, and the
 * coverage of the 80% and 95% intervals. Returns one row per model.
 *
 * @example const rows = holidayWeekBench("bench/out/forecast/holidays");
 */
export function holidayWeekBench(dir) {
  return readLongFormat(holidayCells(dir), "daily").then((all) => {
    const calendar = { holidays: "auto", userEvents: [], shoppingDays: true, lead: 0, lag: 0 };
    const models = [
      { name: "avails auto", settings: {} },
      { name: "avails auto + calendar (holidays auto, shopping days)", settings: { calendar } },
    ];
    const rows = models.map((m) => ({
      ...m,
      scaled: [],
      error: 0,
      actual: 0,
      dayError: 0,
      dayActual: 0,
      inside: [0, 0],
      points: 0,
      ms: [],
    }));
    let weeks = 0;
    for (const series of all) {
      const geo = seriesMarket(series.id, "auto");
      for (const origin of holidayWeeks(series, geo)) {
        weeks++;
        const train = series.values.slice(0, origin);
        const actual = series.values.subarray(origin, origin + HORIZON);
        for (const row of rows) {
          const started = performance.now();
          const output = runTask(
            { values: train.slice(), id: series.id, grid: series.grid, start: series.start },
            { horizon: HORIZON, levels: LEVELS, seasons: [7], model: "auto", ...row.settings },
          );
          row.ms.push(performance.now() - started);
          row.scaled.push(maseOf(actual, output.mean, train, 7));
          for (let j = 0; j < HORIZON; j++) {
            const e = Math.abs(actual[j] - output.mean[j]);
            row.error += e;
            row.actual += Math.abs(actual[j]);
            if (j === LEAD) {
              row.dayError += e;
              row.dayActual += Math.abs(actual[j]);
            }
            for (let l = 0; l < LEVELS.length; l++) {
              if (actual[j] >= output.lower[l][j] && actual[j] <= output.upper[l][j]) row.inside[l]++;
            }
            row.points++;
          }
        }
      }
    }
    return rows.map((row) => ({
      model: row.name,
      series: all.length,
      weeks,
      mase: row.scaled.reduce((a, b) => a + b, 0) / row.scaled.length,
      wape: row.error / row.actual,
      holidayWape: row.dayError / row.dayActual,
      coverage80: row.inside[0] / row.points,
      coverage95: row.inside[1] / row.points,
      msPerWeek: [...row.ms].sort((a, b) => a - b)[row.ms.length >> 1],
    }));
  });
}
