import { configHash } from "../config/config-hash.js";
import type { Config } from "../config/schema.js";
import { applyAdjustments } from "../forecast/adjust/apply-adjustments.js";
import { aggregateLeaves } from "../forecast/reconcile/aggregate-leaves.js";
import { applyProjection } from "../forecast/reconcile/apply-projection.js";
import { calibratedGrowth } from "../forecast/reconcile/calibrated-growth.js";
import { buildHierarchy, type Hierarchy } from "../forecast/reconcile/hierarchy.js";
import { parseSeriesKey } from "../forecast/reconcile/parse-series-key.js";
import { type ReconcileMethod, reconcile } from "../forecast/reconcile/reconcile.js";
import { buildSamplePaths } from "../forecast/reconcile/sample-paths.js";
import { readHierarchyHistory } from "../series/read-hierarchy.js";
import { reportingDays } from "../series/reporting-days.js";
import { RunGateError } from "../store/forecast-runs.js";
import type { RunPayload } from "../store/run-payload.js";
import type { Store } from "../store/store.js";
import { forecastCampaigns } from "./forecast-campaigns.js";
import { forecastHierarchy, type HierarchyForecast } from "./forecast-hierarchy.js";
import { forecastSnapshot } from "./forecast-snapshot.js";
import { levelCoherence } from "./level-coherence.js";
import type { RunManifest } from "./run-manifest.js";
import type { PoolOptions } from "./worker-pool.js";

/** How to run a forecast of the store. */
export interface ForecastRunOptions {
  /** Hours to forecast from the store's last hour; default 840 (35 days). */
  readonly horizon?: number;
  /** Seed of the sample paths; the same data, config and seed give the same numbers. Default 1. */
  readonly seed?: number;
  /** Sample paths per leaf; default 500. */
  readonly paths?: number;
  /** Default "mint-shrink". */
  readonly method?: ReconcileMethod;
  /** Days of history to fit on; default 120. */
  readonly historyDays?: number;
  /** Forecast as if the data ended at this instant (epoch ms), for backtests. */
  readonly asOf?: number;
  /** Model name for every series; default "auto". */
  readonly model?: string;
  /** Series keys forecast with another model (drift alarms' fallbacks, see `fallbackModels`): key to model. */
  readonly modelOf?: ReadonlyMap<string, string>;
  /** Publish the run when its gates pass (default true); `force` publishes it anyway. */
  readonly publish?: boolean;
  readonly force?: boolean;
  readonly pool?: Omit<PoolOptions<unknown>, "shared">;
  /** Told about each step, for a progress line. */
  readonly onStep?: (step: string) => void;
}

/** What a forecast run did. */
export interface ForecastRunResult {
  readonly runId: string;
  readonly published: boolean;
  /** Why it was not published: the failed gates' messages; empty when published or not asked to. */
  readonly refused: readonly string[];
  readonly manifest: RunManifest;
}

const HOUR = 3_600_000;
/** Hours of one-step residuals for the reconciliation weights and the sample paths' error pool: four weeks. */
const POOL_HOURS = 672;

/**
 * Forecasts every supply level of the store (all configured levels but `campaign`), and each campaign's
 * impressions and spend, and stores the result as a versioned run, published when its gates pass: history from the cube with open hours corrected
 * (`readHierarchyHistory`), every series forecast with conformal intervals and cold starts borrowing their
 * parent's shape (`forecastHierarchy`), reconciled (MinT with shrinkage by default) so that every aggregate is
 * the sum of its leaves, forecast adjustments applied to the leaves, and coherent sample paths drawn from the
 * reconciled day-ahead errors, scaled hour by hour so that the total's paths are as wide as its calibrated 80%
 * interval (`calibratedGrowth`). Daily and weekly views are sums of the hourly paths, so all granularities agree.
 *
 * @example
 * const { runId, published } = await runForecast(store, config, { seed: 7 });
 */
export async function runForecast(
  store: Store,
  config: Config,
  options: ForecastRunOptions = {},
): Promise<ForecastRunResult> {
  const horizon = options.horizon ?? 840;
  if (!(Number.isInteger(horizon) && horizon >= 1))
    throw new Error(`horizon: ${horizon} is not an integer >= 1`);
  const seed = options.seed ?? 1;
  if (!(Number.isSafeInteger(seed) && seed >= 0)) throw new Error(`seed: ${seed} is not an integer >= 0`);
  const step = options.onStep ?? (() => undefined);
  step("reading history");
  const history = await readHierarchyHistory(store, config, {
    historyDays: options.historyDays,
    asOf: options.asOf,
  });
  if (history === null)
    throw new Error("the store holds no opportunities to forecast: ingest delivery logs first");
  // The horizon starts after the last hour in the store; hours cut as too incomplete are forecast too.
  const fitHorizon = horizon + history.droppedHours;
  step("forecasting");
  const forecast = await forecastHierarchy(history, {
    horizon: fitHorizon,
    levels: [80, 95],
    model: options.model,
    modelOf: options.modelOf,
    residualHours: POOL_HOURS,
    pool: options.pool,
  });
  step("forecasting campaigns");
  // Impressions and spend per campaign, where the ad server delivers them; the cube has the campaign level.
  const campaigns = await forecastCampaigns(
    store,
    config,
    { start: history.start, hours: history.hours, horizon, skip: history.droppedHours },
    options.pool,
  );
  step("reconciling");
  const supply = config.levels.filter((level) => !level.dimensions.includes("campaign"));
  const bottom = forecast.levels.reduce((a, b) => (b.dimensions.length > a.dimensions.length ? b : a));
  const hierarchy = buildHierarchy([...bottom.keys], supply);
  const { base, residuals, dayAhead, lower80, upper80 } = inHierarchyOrder(
    hierarchy,
    forecast,
    history.droppedHours,
    horizon,
  );
  const R = forecast.residualHours;
  const reconciled = reconcile(hierarchy, base, horizon, {
    method: options.method,
    residuals,
    residualLength: R,
  });
  // The paths' error pool: day-ahead errors, whose days vary as a run's forecast errors do (one-step
  // residuals nearly cancel over a day below the total), reconciled like the means.
  const leafErrors = reconciled.projection
    ? applyProjection(hierarchy, reconciled.projection, dayAhead, R)
    : leafRows(hierarchy, dayAhead, R);

  step("adjusting");
  const m = hierarchy.leafKeys.length;
  const start = forecast.start + history.droppedHours * HOUR;
  const adjustments = await store.adjustments.list();
  const leafDimensions = hierarchy.leafKeys.map((key) => Object.fromEntries(parseSeriesKey(key)));
  const adjusted = applyAdjustments(adjustments, reconciled.leaves, {
    leaves: leafDimensions,
    hours: horizon,
    ...reportingDays(start, horizon, config.timeZone),
  });
  const leafMean = adjusted.means;
  const seriesMean = aggregateLeaves(hierarchy, leafMean, horizon);

  step("sampling paths");
  const totalErrors = new Float64Array(R);
  for (let l = 0; l < m; l++) for (let r = 0; r < R; r++) totalErrors[r] += leafErrors[l * R + r];
  const season = 24;
  // Pool row r is the hour R - r before the history's end; horizon hour t comes droppedHours + t after it.
  const phase = (R + history.droppedHours) % season;
  const growth = calibratedGrowth(totalErrors, lower80, upper80, 0.8, season, phase);
  const paths = buildSamplePaths({
    mean: leafMean,
    leafCount: m,
    horizon,
    errors: leafErrors,
    poolLength: R,
    paths: options.paths ?? 500,
    seed,
    season,
    phase,
    growth,
  });

  const models: Record<string, string> = {};
  const warnings: Record<string, string[]> = {};
  for (const level of forecast.levels) {
    level.keys.forEach((key, k) => {
      models[key] = level.models[k];
      if (level.warnings[k].length > 0) warnings[key] = [...level.warnings[k]];
    });
  }
  const manifest: RunManifest = {
    version: 1,
    start,
    horizon,
    timeZone: config.timeZone,
    levels: hierarchy.levels.map((level) => ({ name: level.name, dimensions: level.dimensions })),
    leafKeys: hierarchy.leafKeys,
    seriesKeys: hierarchy.keys,
    paths: {
      paths: paths.paths,
      poolLength: R,
      block: paths.block,
      season,
      phase,
    },
    method: reconciled.method,
    lambda: reconciled.lambda ?? null,
    clipped: reconciled.clipped,
    history: {
      start: history.start,
      hours: history.hours,
      correctedHours: history.correctedHours,
      droppedHours: history.droppedHours,
      delaysMeasured: history.delaysMeasured,
    },
    models,
    warnings,
    coldStarts: forecast.coldStarts,
    fallbacks: Object.fromEntries(options.modelOf ?? []),
    adjustments: adjusted.report,
    campaigns: campaigns === null ? null : { keys: campaigns.keys, models: campaigns.models },
  };

  const levelTotals: Record<string, { total: number; series: number }> = {};
  for (const level of hierarchy.levels) {
    let total = 0;
    for (let i = level.start * horizon; i < (level.start + level.count) * horizon; i++)
      total += seriesMean[i];
    levelTotals[level.name] = { total, series: level.count };
  }
  const snapshot = forecastSnapshot({
    hierarchy,
    paths,
    seriesMean,
    start,
    history: history.levels,
    retentionDays: config.monitor.retentionDays,
  });
  const payload: RunPayload<RunManifest> = {
    // What changes forecasts: serving and monitoring settings do not.
    configHash: configHash({ ...config, serve: undefined, monitor: undefined }),
    seed,
    watermark: new Date(history.watermark).toISOString(),
    summary: { levels: levelTotals, coherence: levelCoherence(hierarchy, seriesMean, horizon) },
    manifest,
    arrays: {
      series_mean: { data: seriesMean, rows: hierarchy.keys },
      leaf_mean: { data: leafMean, rows: hierarchy.leafKeys },
      errors: { data: paths.errors, rows: hierarchy.leafKeys, signed: true },
      index: { data: paths.index },
      growth: { data: paths.growth },
      first_block: { data: paths.firstBlock },
      ...(campaigns === null
        ? {}
        : {
            campaign_impressions: { data: campaigns.impressions.mean, rows: campaigns.keys },
            campaign_impressions_lo80: { data: campaigns.impressions.lower, rows: campaigns.keys },
            campaign_impressions_hi80: { data: campaigns.impressions.upper, rows: campaigns.keys },
            campaign_spend: { data: campaigns.spend.mean, rows: campaigns.keys },
            campaign_spend_lo80: { data: campaigns.spend.lower, rows: campaigns.keys },
            campaign_spend_hi80: { data: campaigns.spend.upper, rows: campaigns.keys },
          }),
    },
    snapshot,
  };
  step("storing the run");
  const runId = await store.runs.create(payload);
  if (options.publish === false) return { runId, published: false, refused: [], manifest };
  step("publishing");
  try {
    await store.runs.publish(runId, { force: options.force });
    return { runId, published: true, refused: [], manifest };
  } catch (error) {
    if (!(error instanceof RunGateError)) throw error;
    return { runId, published: false, refused: [error.message], manifest };
  }
}

/**
 * The base forecasts, residuals and the total's 80% interval in the hierarchy's series order, the first
 * `skip` hours (those after the history's end that the store already has, cut as incomplete) left out.
 */
function inHierarchyOrder(hierarchy: Hierarchy, forecast: HierarchyForecast, skip: number, horizon: number) {
  const n = hierarchy.keys.length;
  const R = forecast.residualHours;
  const H = forecast.horizon;
  const base = new Float64Array(n * horizon);
  const residuals = new Float64Array(n * R);
  const dayAhead = new Float64Array(n * R);
  let lower80: Float64Array | null = null;
  let upper80: Float64Array | null = null;
  const covered = new Uint8Array(n);
  for (const level of forecast.levels) {
    level.keys.forEach((key, k) => {
      const i = hierarchy.indexOf.get(key);
      if (i === undefined) return;
      covered[i] = 1;
      base.set(level.mean.subarray(k * H + skip, k * H + skip + horizon), i * horizon);
      residuals.set(level.residuals.subarray(k * R, (k + 1) * R), i * R);
      dayAhead.set(level.dayAheadErrors.subarray(k * R, (k + 1) * R), i * R);
      if (level.dimensions.length === 0) {
        lower80 = level.lower[0].slice(k * H + skip, k * H + skip + horizon);
        upper80 = level.upper[0].slice(k * H + skip, k * H + skip + horizon);
      }
    });
  }
  // Every aggregate of the leaves has history in the cube, so each series of the hierarchy has a forecast.
  const missing = covered.indexOf(0);
  if (missing >= 0) throw new Error(`series "${hierarchy.keys[missing]}" of the hierarchy has no forecast`);
  if (lower80 === null || upper80 === null) {
    throw new Error(
      "levels: a run needs a level without dimensions (the total) to calibrate its sample paths",
    );
  }
  return { base, residuals, dayAhead, lower80: lower80 as Float64Array, upper80: upper80 as Float64Array };
}

/** The leaves' own residual rows (bottom-up and top-down have no projection to reconcile them with). */
function leafRows(hierarchy: Hierarchy, residuals: Float64Array, R: number): Float64Array {
  const m = hierarchy.leafKeys.length;
  const out = new Float64Array(m * R);
  for (let l = 0; l < m; l++) {
    const i = hierarchy.leafSeries[l];
    out.set(residuals.subarray(i * R, (i + 1) * R), l * R);
  }
  return out;
}
