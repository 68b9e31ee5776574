import type { Config } from "../config/schema.js";
import type { Measure, Store } from "../store/store.js";
import { arrivalCompleteness } from "./arrival-completeness.js";
import { closeOpenHours } from "./close-open-hours.js";
import { denseSeries } from "./dense-series.js";

const HOUR = 3_600_000;

/** One level's hourly history: a row of `values` per key. */
export interface LevelHistory {
  readonly name: string;
  readonly dimensions: readonly string[];
  readonly keys: readonly string[];
  /** keys.length × hours, row-major. */
  readonly values: Float64Array;
}

/** The hourly history of every supply level, over one span of closed (or corrected) hours. */
export interface HierarchyHistory {
  /** First hour, epoch ms. */
  readonly start: number;
  /** Hours of history; the forecast starts at start + hours × 1 h. */
  readonly hours: number;
  /** The configured levels without `campaign`, in the config's order. */
  readonly levels: readonly LevelHistory[];
  /** Open hours scaled up by their completeness, and hours cut as too incomplete (see closeOpenHours). */
  readonly correctedHours: number;
  readonly droppedHours: number;
  /** Whether arrival delays could be measured (false for a bulk load of history: every hour taken as it is). */
  readonly delaysMeasured: boolean;
  readonly medianDelayHours: number;
  /** The latest event_time in the store, epoch ms. */
  readonly watermark: number;
}

/** Which history to read. */
export interface HierarchyHistoryOptions {
  readonly measure?: Measure;
  /** Most days of history to read, back from the last hour; default 120. */
  readonly historyDays?: number;
  /**
   * Read the history as if it ended at this instant (epoch ms, rounded down to the hour), for backtests:
   * hours from it on are left out, and the hours before it are taken as complete (they were, by now).
   */
  readonly asOf?: number;
}

/**
 * Reads the hourly history of every supply level (all configured levels but `campaign`) from the store's
 * cube, zero-filled, on one common span that ends at the watermark's hour, with open hours made safe to
 * train on (`closeOpenHours`, with the store's measured arrival delays and its last ingestion as now).
 * Null when the store holds no events of the measure.
 *
 * @example
 * const history = await readHierarchyHistory(store, config);
 * history?.levels.find((l) => l.name === "geo")?.keys; // ["geo=DE", "geo=SE", ...]
 */
export async function readHierarchyHistory(
  store: Store,
  config: Config,
  options: HierarchyHistoryOptions = {},
): Promise<HierarchyHistory | null> {
  const measure = options.measure ?? "opportunities";
  const historyDays = options.historyDays ?? 120;
  if (!(Number.isInteger(historyDays) && historyDays >= 1)) {
    throw new Error(`historyDays: ${historyDays} is not an integer >= 1`);
  }
  const supply = config.levels.filter((level) => !level.dimensions.includes("campaign"));
  if (supply.length === 0) throw new Error("levels: no level without the campaign dimension to forecast");
  const eventType =
    measure === "opportunities" ? "opportunity" : measure === "clicks" ? "click" : "impression";
  const delays = await store.arrivalDelays(eventType);
  // An empty slice (hours [0, 1 ms)) still reports the level's span of data.
  const first = await store.cube({ level: supply[0].name, measure, start: 0, end: 1 });
  if (first.firstHour === null || first.lastHour === null || delays.watermark === null) return null;
  let end = first.lastHour + HOUR;
  const asOf = options.asOf;
  if (asOf !== undefined) {
    if (!Number.isFinite(asOf)) throw new Error(`asOf: ${asOf} is not an instant`);
    const cut = Math.floor(asOf / HOUR) * HOUR;
    if (cut <= first.firstHour) {
      throw new Error(`asOf: ${new Date(asOf).toISOString()} is before the first hour with data`);
    }
    end = Math.min(end, cut);
  }
  const start = Math.max(first.firstHour, end - historyDays * 24 * HOUR);
  // As of a past instant the hours before it are closed by now: no correction.
  const completeness =
    asOf === undefined
      ? arrivalCompleteness(delays, config.allowedLatenessHours)
      : arrivalCompleteness({ ...delays, units: new Float64Array(1) }, config.allowedLatenessHours);
  const now = delays.lastIngestion ?? end;
  const levels: LevelHistory[] = [];
  let correctedHours = 0;
  let droppedHours = 0;
  for (const level of supply) {
    const slice = await store.cube({ level: level.name, measure, start, end });
    const dense = denseSeries(slice, { freq: "hourly", start, end, timeZone: "UTC" });
    const closed = closeOpenHours(dense, start, now, completeness);
    correctedHours = closed.corrected;
    droppedHours = closed.dropped;
    levels.push({
      name: level.name,
      dimensions: level.dimensions,
      keys: closed.series.keys,
      values: closed.series.values,
    });
  }
  return {
    start,
    hours: (end - start) / HOUR - droppedHours,
    levels,
    correctedHours,
    droppedHours,
    delaysMeasured: completeness.informative,
    medianDelayHours: completeness.medianDelayHours,
    watermark: asOf === undefined ? delays.watermark : Math.min(delays.watermark, end - 1),
  };
}
