import type { Config } from "../config/schema.js";
import { arrivalCompleteness } from "../series/arrival-completeness.js";
import type { Store } from "../store/store.js";
import { type AccuracyReport, accuracyReport } from "./accuracy-report.js";
import { type DriftAlarm, driftAlarms } from "./drift-alarms.js";

const HOUR = 3_600_000;
/** An hour counts as closed once the measured arrival delays say it holds this share of its events. */
const CLOSED_SHARE = 0.99;

/** Live accuracy of the published runs, and the alarms raised from it. */
export interface LiveAccuracy extends AccuracyReport {
  /** The scored window: spans starting at or after `from` and ending at or before `closedBefore` (ISO). */
  window: { from: string; closedBefore: string; days: number };
  alarms: DriftAlarm[];
}

/** Which window to score. */
export interface MeasureOptions {
  /** Days back from the last closed hour; default the config's `monitor.windowDays`. */
  readonly windowDays?: number;
}

/**
 * Scores every published run's snapshot against the actuals of closed hours (those the store's measured
 * arrival delays say are 99% complete; every hour up to the watermark's after a bulk load) over the last
 * `windowDays`, by level and horizon, with the drift alarms (`driftAlarms`). Null when the store has no events.
 *
 * @example
 * const live = await measureAccuracy(store, config);
 * live?.alarms.map((a) => a.message);
 */
export async function measureAccuracy(
  store: Store,
  config: Config,
  options: MeasureOptions = {},
): Promise<LiveAccuracy | null> {
  const windowDays = options.windowDays ?? config.monitor.windowDays;
  if (!(Number.isInteger(windowDays) && windowDays >= 1 && windowDays <= 366)) {
    throw new Error(`window: ${windowDays} is not a whole number of days from 1 to 366`);
  }
  const closedBefore = await lastClosedHourEnd(store, config);
  if (closedBefore === null) return null;
  const from = closedBefore - windowDays * 24 * HOUR;
  const rows = await store.runs.scores({ from, closedBefore });
  const levels = config.levels.map((level) => level.name);
  return {
    window: {
      from: new Date(from).toISOString(),
      closedBefore: new Date(closedBefore).toISOString(),
      days: windowDays,
    },
    ...accuracyReport(rows, levels, config.timeZone),
    alarms: driftAlarms(rows, config.monitor),
  };
}

/** The end of the last hour that is closed to late events (epoch ms), null for an empty store. */
async function lastClosedHourEnd(store: Store, config: Config): Promise<number | null> {
  const delays = await store.arrivalDelays("opportunity");
  if (delays.watermark === null) return null;
  const completeness = arrivalCompleteness(delays, config.allowedLatenessHours);
  const now = delays.lastIngestion ?? delays.watermark;
  const watermarkHour = Math.floor(delays.watermark / HOUR) * HOUR;
  // After a bulk load every hour before the watermark's own is taken as complete.
  if (!completeness.informative) return watermarkHour;
  // Completeness falls with an hour's start: scan back from the watermark's hour to the first closed one.
  for (let hour = watermarkHour; hour > watermarkHour - 14 * 24 * HOUR; hour -= HOUR) {
    if (completeness.shareAt((now - hour) / HOUR) >= CLOSED_SHARE) return hour + HOUR;
  }
  return watermarkHour - 14 * 24 * HOUR;
}
