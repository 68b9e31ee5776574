import type { Command } from "commander";
import { MODEL_NAMES } from "../forecast/models/model-names.js";
import type { BacktestSettings, SeriesBacktest } from "../run/backtest-task.js";
import type { ForecastTaskInput } from "../run/forecast-long-series.js";
import { splitEmptySeries } from "../run/split-empty-series.js";
import { splitShortSeries } from "../run/split-short-series.js";
import { runPool, startWorkers } from "../run/worker-pool.js";
import { FREQUENCIES } from "../series/frequency.js";
import { readLongFormat } from "../series/read-long-format.js";
import { addCalendarOptions, parseCalendarFlags, type RawCalendarFlags } from "./calendar-flags.js";
import { collectRepeated, parseBacktestFlags, type RawForecastFlags } from "./forecast-flags.js";
import { formatAccuracyTable } from "./format-accuracy.js";
import { printWarnings } from "./print-warnings.js";
import { createProgress } from "./progress.js";

const TASK = new URL("../run/backtest-task.js", import.meta.url);

/** `avails backtest --input F.csv ...` */
export function registerBacktest(program: Command): void {
  const command = program
    .command("backtest")
    .description("rolling-origin backtest of models on long-format series: accuracy and interval coverage")
    .option("--input <file>", "long-format CSV: unique_id,ds,y")
    .option("--freq <freq>", FREQUENCIES.join(", "))
    .option("--horizon <steps>", "steps each window forecasts")
    .option("--windows <count>", "windows (folds), each `horizon` points, ending at the last point")
    .option(
      "--models <names>",
      `comma-separated, from ${MODEL_NAMES.join(", ")}, and ensembles such as median(ets, theta)`,
      "auto",
    )
    .option("--level <percent>", "interval level, repeatable (default 80 and 95)", collectRepeated, [])
    .option("--season <periods>", 'seasonal periods, e.g. 24,168, or "none" (default by --freq)')
    .option("--json", "print JSON instead of a table");
  addCalendarOptions(command).action(
    async (options: Partial<RawForecastFlags> & RawCalendarFlags & { json?: boolean }) => {
      if (options.input === undefined) throw new Error("--input: required, a long-format CSV");
      if (options.freq === undefined) throw new Error(`--freq: required, one of ${FREQUENCIES.join(", ")}`);
      if (options.horizon === undefined)
        throw new Error("--horizon: required, the steps each window forecasts");
      const settings = parseBacktestFlags(options as RawForecastFlags, MODEL_NAMES);
      const calendar = await parseCalendarFlags(options, settings.freq);
      const { observed, empty } = splitEmptySeries(await readLongFormat(settings.input, settings.freq));
      for (const s of empty)
        console.error(`warning: series "${s.id}": no observations (every y is missing), skipped`);
      const { long: series, short } = splitShortSeries(observed, settings.windows, settings.horizon);
      for (const s of short) {
        console.error(
          `warning: series "${s.id}": ${s.values.length} points leave no training data for ` +
            `${settings.windows} windows of ${settings.horizon}, skipped`,
        );
      }
      const shared: BacktestSettings = {
        horizon: settings.horizon,
        windows: settings.windows,
        levels: settings.levels,
        seasons: settings.seasons,
        models: settings.models,
        ...(calendar === undefined ? {} : { calendar }),
      };
      const progress = createProgress("backtest");
      const backtests = await runPool<ForecastTaskInput, BacktestSettings, SeriesBacktest>(
        TASK,
        series.map((s) => ({
          id: s.id,
          input: { values: s.values, id: s.id, grid: s.grid, start: s.start },
        })),
        // Without a worker count, a short run stays in this thread (runHereFirst).
        { shared, onProgress: progress.update, started: startWorkers(TASK, { shared }) },
      );
      progress.done();
      printWarnings(series.map((s, i) => ({ id: s.id, warnings: backtests[i].warnings ?? [] })));
      const { summarizeBacktest } = await import("../run/backtest-summary.js");
      const accuracy = summarizeBacktest(backtests, settings.levels, settings.seasons[0] ?? 1);
      const summary = {
        series: series.length,
        skipped: empty.length + short.length,
        horizon: settings.horizon,
        windows: settings.windows,
        seasons: settings.seasons,
        models: accuracy,
      };
      process.stdout.write(
        options.json
          ? `${JSON.stringify(summary, null, 2)}\n`
          : formatAccuracyTable(summary, settings.levels),
      );
    },
  );
}
