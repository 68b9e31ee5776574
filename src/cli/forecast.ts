import type { Command } from "commander";
import { MODEL_NAMES } from "../forecast/models/model-names.js";
import { forecastLongSeries } from "../run/forecast-long-series.js";
import type { ForecastTaskSettings } from "../run/forecast-task.js";
import { splitEmptySeries } from "../run/split-empty-series.js";
import { startWorkers } from "../run/worker-pool.js";
import { FREQUENCIES } from "../series/frequency.js";
import { readLongFormat } from "../series/read-long-format.js";
import { writeForecastCsv } from "../series/write-forecast-csv.js";
import { addCalendarOptions, parseCalendarFlags, type RawCalendarFlags } from "./calendar-flags.js";
import { collectRepeated, parseForecastFlags, type RawForecastFlags } from "./forecast-flags.js";
import { printWarnings } from "./print-warnings.js";
import { createProgress } from "./progress.js";

const TASK = new URL("../run/forecast-task.js", import.meta.url);

/** `avails forecast --input F.csv ...` */
export function registerForecast(program: Command): void {
  const command = program
    .command("forecast")
    .description("forecast long-format series (unique_id,ds,y) from a CSV file, with prediction intervals")
    .option("--input <file>", "long-format CSV: unique_id,ds,y (any column order, any number of series)")
    .option("--freq <freq>", FREQUENCIES.join(", "))
    .option("--horizon <steps>", "steps to forecast")
    .option("--level <percent>", "interval level, repeatable (default 80 and 95)", collectRepeated, [])
    .option(
      "--quantile <p>",
      "quantile forecast column q-P, repeatable (e.g. 0.1, 0.5, 0.9)",
      collectRepeated,
      [],
    )
    .option("--model <name>", `one of ${MODEL_NAMES.join(", ")}`, "auto")
    .option("--season <periods>", 'seasonal periods, e.g. 24,168, or "none" (default by --freq)')
    .option("--output <file>", "CSV to write: unique_id,ds,mean,lo-80,hi-80,...,model");
  addCalendarOptions(command).action(async (options: Partial<RawForecastFlags> & RawCalendarFlags) => {
    if (options.input === undefined) {
      throw new Error("--input: give a long-format CSV (forecasting the store itself is not built yet)");
    }
    if (options.freq === undefined) throw new Error(`--freq: required, one of ${FREQUENCIES.join(", ")}`);
    if (options.horizon === undefined) throw new Error("--horizon: required, the steps to forecast");
    const settings = parseForecastFlags(options as RawForecastFlags, MODEL_NAMES);
    const calendar = await parseCalendarFlags(options, settings.freq);
    const shared: ForecastTaskSettings = {
      horizon: settings.horizon,
      levels: settings.levels,
      quantiles: settings.quantiles,
      seasons: settings.seasons,
      model: settings.model,
      // Without calendar flags the settings (and so the output) are exactly those of a run before them.
      ...(calendar === undefined ? {} : { calendar }),
    };
    // The workers load the models while this thread reads the file.
    const started = startWorkers(TASK, { shared });
    const input = await readLongFormat(settings.input, settings.freq).catch(async (error: unknown) => {
      await started.stop();
      throw error;
    });
    const { observed: series, empty } = splitEmptySeries(input);
    for (const s of empty)
      console.error(`warning: series "${s.id}": no observations (every y is missing), skipped`);
    const progress = createProgress("forecast");
    const forecasts = await forecastLongSeries(TASK, series, shared, {
      onProgress: progress.update,
      started,
    });
    progress.done();
    printWarnings(forecasts);
    await writeForecastCsv(settings.output, settings.levels, forecasts, settings.quantiles);
    console.error(
      `wrote ${forecasts.length} series × ${settings.horizon} steps (${settings.model}) to ${settings.output}`,
    );
  });
}
