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
import { globalOptions } from "./context.js";
import { collectRepeated, parseForecastFlags, type RawForecastFlags } from "./forecast-flags.js";
import { forecastStore, type RawRunFlags } from "./forecast-run.js";
import { printWarnings } from "./print-warnings.js";
import { createProgress } from "./progress.js";
import { addQueueOptions, queueFromFlags, type RawQueueFlags, withQueue } from "./queue-flags.js";

const TASK = new URL("../run/forecast-task.js", import.meta.url);

/** `avails forecast` (the store: a versioned run) and `avails forecast --input F.csv ...` (a file). */
export function registerForecast(program: Command): void {
  const command = program
    .command("forecast")
    .description(
      "forecast every level of the store and publish a run; with --input, forecast long-format series from a CSV file",
    )
    .option("--input <file>", "long-format CSV: unique_id,ds,y (any column order, any number of series)")
    .option("--freq <freq>", FREQUENCIES.join(", "))
    .option("--horizon <steps>", "steps to forecast (store: hours, default 840)")
    .option("--level <percent>", "interval level, repeatable (default 80 and 95)", collectRepeated, [])
    .option(
      "--quantile <p>",
      "quantile forecast column q-P, repeatable (e.g. 0.1, 0.5, 0.9)",
      collectRepeated,
      [],
    )
    .option(
      "--model <name>",
      `one of ${MODEL_NAMES.join(", ")}, or an ensemble of them: mean(a, b, ...) or median(a, b, ...)`,
      "auto",
    )
    .option("--season <periods>", 'seasonal periods, e.g. 24,168, or "none" (default by --freq)')
    .option("--output <file>", "CSV to write: unique_id,ds,mean,lo-80,hi-80,...,model")
    .option("--seed <n>", "store run: seed of the sample paths (default 1)")
    .option("--paths <n>", "store run: sample paths per leaf (default 500)")
    .option("--method <name>", "store run: mint-shrink (default), wls, ols, bottom-up or top-down")
    .option("--history-days <n>", "store run: days of history to fit on (default 120)")
    .option("--as-of <date>", "store run: forecast as if the data ended then (backtests)")
    .option("--no-publish", "store run: store the run without publishing it")
    .option("--force", "store run: publish even if a gate fails")
    .option("--json", "store run: print the outcome as JSON");
  addQueueOptions(addCalendarOptions(command)).action(
    async (
      options: Partial<RawForecastFlags> & RawCalendarFlags & RawRunFlags & RawQueueFlags,
      self: Command,
    ) => {
      if (options.input === undefined) {
        const fileOnly = ["freq", "output", "season", "holidays", "events"].filter(
          (flag) => (options as Record<string, unknown>)[flag] !== undefined,
        );
        if (fileOnly.length > 0) {
          throw new Error(`--${fileOnly[0]}: only with --input (a store run forecasts hourly every level)`);
        }
        await forecastStore(globalOptions(self), {
          ...options,
          model: options.model === "auto" ? undefined : options.model,
        });
        return;
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
      // With --queue, avails worker processes forecast the series; without, this machine's threads do.
      const executor = await queueFromFlags(options);
      const forecasts = await withQueue(executor, async () => {
        // With a worker count given, the threads load the models while this thread reads the file; without,
        // none start now, and a short run stays in this thread (runHereFirst).
        const started = executor === undefined ? startWorkers(TASK, { shared }) : undefined;
        const input = await readLongFormat(settings.input, settings.freq).catch(async (error: unknown) => {
          await started?.stop();
          throw error;
        });
        const { observed: series, empty } = splitEmptySeries(input);
        for (const s of empty)
          console.error(`warning: series "${s.id}": no observations (every y is missing), skipped`);
        const progress = createProgress("forecast");
        const result = await forecastLongSeries(TASK, series, shared, {
          onProgress: progress.update,
          started,
          executor,
        });
        progress.done();
        return result;
      });
      printWarnings(forecasts);
      await writeForecastCsv(settings.output, settings.levels, forecasts, settings.quantiles);
      console.error(
        `wrote ${forecasts.length} series × ${settings.horizon} steps (${settings.model}) to ${settings.output}`,
      );
    },
  );
}
