import type { Config } from "../config/schema.js";
import { denseSeries } from "../series/dense-series.js";
import type { Measure, Store } from "../store/store.js";
import { forecastHierarchy } from "./forecast-hierarchy.js";
import type { PoolOptions } from "./worker-pool.js";

/** Campaign delivery forecasts: per campaign key, hourly impressions and spend. */
export interface CampaignForecasts {
  /** `campaign=c01`, ...: the keys of the campaign levels (one per level with the campaign dimension). */
  readonly keys: readonly string[];
  /** keys × horizon each: mean, and the 80% interval. */
  readonly impressions: {
    readonly mean: Float64Array;
    readonly lower: Float64Array;
    readonly upper: Float64Array;
  };
  readonly spend: { readonly mean: Float64Array; readonly lower: Float64Array; readonly upper: Float64Array };
  readonly models: Readonly<Record<string, string>>;
}

const HOUR = 3_600_000;

/**
 * Forecasts what every campaign key delivers (impressions) and spends, hourly over the same history span and
 * horizon as the supply, with the same models and conformal intervals (`forecastHierarchy` on the campaign
 * levels alone: no reconciliation, a campaign is not a sum of supply). Null when no level has the campaign
 * dimension or no campaign delivered in the span.
 *
 * @example
 * const campaigns = await forecastCampaigns(store, config, { start, hours, horizon: 840 });
 */
export async function forecastCampaigns(
  store: Store,
  config: Config,
  span: { start: number; hours: number; horizon: number; skip: number },
  pool?: Omit<PoolOptions<unknown>, "shared">,
): Promise<CampaignForecasts | null> {
  const levels = config.levels.filter((level) => level.dimensions.includes("campaign"));
  if (levels.length === 0) return null;
  const end = span.start + span.hours * HOUR;
  const measures: Measure[] = ["impressions", "spend"];
  const out: Partial<Record<Measure, { mean: Float64Array; lower: Float64Array; upper: Float64Array }>> = {};
  let keys: string[] = [];
  const models: Record<string, string> = {};
  for (const measure of measures) {
    const histories = [];
    for (const level of levels) {
      const slice = await store.cube({ level: level.name, measure, start: span.start, end });
      const dense = denseSeries(slice, { freq: "hourly", start: span.start, end, timeZone: "UTC" });
      histories.push({
        name: level.name,
        dimensions: level.dimensions,
        keys: dense.keys,
        values: dense.values,
      });
    }
    const levelKeys = histories.flatMap((h) => h.keys);
    if (levelKeys.length === 0) return null;
    keys = levelKeys;
    const forecast = await forecastHierarchy(
      {
        start: span.start,
        hours: span.hours,
        levels: histories,
        correctedHours: 0,
        droppedHours: 0,
        delaysMeasured: false,
        medianDelayHours: Number.NaN,
        watermark: end - 1,
      },
      { horizon: span.horizon + span.skip, levels: [80], residualHours: 1, pool },
    );
    const H = span.horizon;
    const mean = new Float64Array(keys.length * H);
    const lower = new Float64Array(keys.length * H);
    const upper = new Float64Array(keys.length * H);
    let row = 0;
    for (const level of forecast.levels) {
      const width = forecast.horizon;
      level.keys.forEach((key, k) => {
        const from = k * width + span.skip;
        mean.set(level.mean.subarray(from, from + H), row * H);
        lower.set(level.lower[0].subarray(from, from + H), row * H);
        upper.set(level.upper[0].subarray(from, from + H), row * H);
        models[`${key}:${measure}`] = level.models[k];
        row++;
      });
    }
    out[measure] = { mean, lower, upper };
  }
  if (out.impressions === undefined || out.spend === undefined) return null;
  return { keys, impressions: out.impressions, spend: out.spend, models };
}
