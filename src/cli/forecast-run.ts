import { canonicalModelSpec, parseModelSpec } from "../forecast/models/model-spec.js";
import type { ReconcileMethod } from "../forecast/reconcile/reconcile.js";
import { RECONCILE_METHODS } from "../forecast/reconcile/reconcile.js";
import type { ForecastRunResult } from "../run/forecast-run.js";
import { type GlobalOptions, withStore } from "./context.js";
import { createProgress } from "./progress.js";
import { queueFromFlags, type RawQueueFlags, withQueue } from "./queue-flags.js";

/** The flags of `avails forecast` without `--input`, as commander gives them. */
export interface RawRunFlags extends RawQueueFlags {
  horizon?: string;
  seed?: string;
  paths?: string;
  method?: string;
  historyDays?: string;
  asOf?: string;
  model?: string;
  publish?: boolean;
  force?: boolean;
  json?: boolean;
}

function wholeNumber(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`${flag}: "${text}" is not a whole number >= ${min}`);
  return value;
}

/**
 * `avails forecast` on the store: forecasts every level, reconciles, draws sample paths, stores the run and
 * publishes it when its gates pass; prints what it did. Exits non-zero (an Error) when the gates refuse it.
 */
export async function forecastStore(options: GlobalOptions, flags: RawRunFlags): Promise<void> {
  const horizon = wholeNumber("--horizon", flags.horizon, 840, 1);
  const seed = wholeNumber("--seed", flags.seed, 1, 0);
  const paths = wholeNumber("--paths", flags.paths, 500, 10);
  const historyDays = wholeNumber("--history-days", flags.historyDays, 120, 14);
  const method = (flags.method ?? "mint-shrink") as ReconcileMethod;
  if (!RECONCILE_METHODS.includes(method)) {
    throw new Error(`--method: "${flags.method}" is not one of ${RECONCILE_METHODS.join(", ")}`);
  }
  const model =
    flags.model === undefined ? undefined : canonicalModelSpec(parseModelSpec(flags.model, "--model"));
  let asOf: number | undefined;
  if (flags.asOf !== undefined) {
    asOf = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(flags.asOf) ? `${flags.asOf}T00:00:00Z` : flags.asOf);
    if (Number.isNaN(asOf))
      throw new Error(`--as-of: "${flags.asOf}" is not a date (YYYY-MM-DD) or ISO time`);
  }
  const { runForecast } = await import("../run/forecast-run.js");
  // With --queue the series are forecast by avails worker processes; everything else runs here as usual.
  const executor = await queueFromFlags(flags);
  const progress = createProgress("forecast run");
  const { fallbackModels } = await import("../monitor/fallback-models.js");
  const result: ForecastRunResult = await withQueue(executor, () =>
    withStore(options, false, async (store, config) =>
      runForecast(store, config, {
        // A backtest as of a past instant must not learn from later alarms.
        modelOf: asOf === undefined ? await fallbackModels(store, config) : undefined,
        horizon,
        seed,
        paths,
        method,
        historyDays,
        asOf,
        model,
        publish: flags.publish !== false,
        force: flags.force,
        pool: { onProgress: (done, total, id) => progress.update(done, total, id), executor },
        onStep: (step) => progress.update(0, null, step),
      }),
    ),
  );
  progress.done();
  const { manifest } = result;
  if (flags.json) {
    console.log(
      JSON.stringify({
        run_id: result.runId,
        published: result.published,
        refused: result.refused,
        start: new Date(manifest.start).toISOString(),
        horizon: manifest.horizon,
        series: manifest.seriesKeys.length,
        leaves: manifest.leafKeys.length,
        method: manifest.method,
        history: manifest.history,
        cold_starts: manifest.coldStarts,
        fallbacks: manifest.fallbacks ?? {},
        campaigns: manifest.campaigns?.keys.length ?? 0,
        adjustments: manifest.adjustments,
        ...(executor === undefined
          ? {}
          : {
              queue: {
                name: executor.name,
                shards: executor.stats.shards,
                retried: executor.stats.retried,
                duplicates: executor.stats.duplicates,
                workers: executor.stats.workers.length,
              },
            }),
      }),
    );
  } else {
    const from = new Date(manifest.start).toISOString().slice(0, 16).replace("T", " ");
    console.log(
      `${result.runId}: ${manifest.seriesKeys.length} series (${manifest.leafKeys.length} leaves) × ` +
        `${manifest.horizon} hours from ${from} UTC, ${manifest.method}, ${manifest.paths.paths} sample paths`,
    );
    if (manifest.campaigns !== null) {
      console.log(`${manifest.campaigns.keys.length} campaigns: hourly impressions and spend`);
    }
    const { correctedHours, droppedHours, delaysMeasured } = manifest.history;
    if (delaysMeasured) {
      console.log(
        `open hours: ${correctedHours} corrected for late arrivals, ${droppedHours} left to the forecast`,
      );
    }
    for (const cold of manifest.coldStarts)
      console.log(`cold start: ${cold.key} borrows the shape of ${cold.from}`);
    for (const [key, model] of Object.entries(manifest.fallbacks ?? {}))
      console.log(`drift alarm: ${key} forecast with the fallback model ${model} until it clears`);
    for (const outcome of manifest.adjustments) {
      console.log(
        `adjustment ${outcome.name}: ${outcome.series} series, ${outcome.days} days, ` +
          `${Math.round(outcome.before)} -> ${Math.round(outcome.after)}${outcome.notes.length ? ` (${outcome.notes.join("; ")})` : ""}`,
      );
    }
    if (executor !== undefined) {
      const { shards, retried, workers } = executor.stats;
      console.log(
        `queue ${executor.name}: ${shards} shards on ${workers.length} workers` +
          (retried > 0 ? `, ${retried} retried` : ""),
      );
    }
    if (result.published) console.log(`published ${result.runId}`);
    else if (flags.publish === false)
      console.log(`not published (--no-publish): avails runs publish ${result.runId}`);
  }
  if (result.refused.length > 0) {
    throw new Error(
      `${result.runId} not published: ${result.refused.join("; ")} (avails runs publish --force)`,
    );
  }
}
