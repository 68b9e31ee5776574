import type { MonitorConfig } from "../config/schema.js";
import type { ScoredRows } from "../store/forecast-snapshots.js";
import { bucketOf } from "./horizon-buckets.js";

const HOUR = 3_600_000;

/** A drift alarm: a series whose live forecast runs hot or cold, or a level whose bands cover too little or much. */
export interface DriftAlarm {
  kind: "bias" | "coverage";
  level: string;
  /** The series, for a bias alarm; null for a level's coverage alarm. */
  key: string | null;
  /** The bias (Σ (forecast − actual) / Σ actual) or the hourly 80% coverage. */
  value: number;
  /** Hours the figure was measured over. */
  hours: number;
  /** One line for people: what, how much, over what. */
  message: string;
}

/**
 * The drift alarms of day-ahead hourly forecasts (the first day of each run, what serving answers from):
 * - bias: over the last `driftHours` scored hours (up to the last closed hour a run forecast a day ahead), each
 *   hour scored once with the freshest run that forecast it, a series whose forecast is off its actuals by more than `driftThreshold` (Σ (forecast − actual) /
 *   Σ actual), when those actuals reach `driftMinVolume` (below that, hourly counts are too noisy to judge);
 * - coverage: over the whole window, a level whose hourly 80% bands cover a share outside `coverageBand80`,
 *   once it has `coverageMinHours` scored hours.
 *
 * @example
 * driftAlarms(rows, config.monitor);
 * // [{ kind: "bias", level: "geo", key: "geo=SE", value: 0.21, hours: 24, message: "geo=SE: forecast 21% over ..." }]
 */
export function driftAlarms(rows: ScoredRows, monitor: MonitorConfig): DriftAlarm[] {
  let lastHour = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.mean.length; i++) {
    if (bucketOf(rows.hours[i], rows.step[i]) === 0 && rows.hour[i] > lastHour) lastHour = rows.hour[i];
  }
  const since = lastHour + HOUR - monitor.driftHours * HOUR;
  // Rows come ordered by hour, level, key, run: the last row of a (level, key, hour) is its freshest run.
  const bias = new Map<string, { level: string; key: string; forecast: number; actual: number }>();
  const coverage = new Map<string, { inside: number; points: number; hours: Set<number> }>();
  const n = rows.mean.length;
  for (let i = 0; i < n; i++) {
    if (bucketOf(rows.hours[i], rows.step[i]) !== 0) continue;
    const level = rows.level[i];
    let cov = coverage.get(level);
    if (cov === undefined) {
      cov = { inside: 0, points: 0, hours: new Set() };
      coverage.set(level, cov);
    }
    cov.points++;
    cov.hours.add(rows.hour[i]);
    if (rows.actual[i] >= rows.lo80[i] && rows.actual[i] <= rows.hi80[i]) cov.inside++;

    if (rows.hour[i] < since) continue;
    const next = i + 1;
    const freshest =
      next >= n ||
      rows.hour[next] !== rows.hour[i] ||
      rows.level[next] !== level ||
      rows.key[next] !== rows.key[i] ||
      bucketOf(rows.hours[next], rows.step[next]) !== 0;
    if (!freshest) continue;
    const seriesKey = `${level}\u0000${rows.key[i]}`;
    let entry = bias.get(seriesKey);
    if (entry === undefined) {
      entry = { level, key: rows.key[i], forecast: 0, actual: 0 };
      bias.set(seriesKey, entry);
    }
    entry.forecast += rows.mean[i];
    entry.actual += rows.actual[i];
  }

  const alarms: DriftAlarm[] = [];
  for (const { level, key, forecast, actual } of bias.values()) {
    if (!(actual >= monitor.driftMinVolume) || actual <= 0) continue;
    const value = (forecast - actual) / actual;
    if (Math.abs(value) <= monitor.driftThreshold) continue;
    const direction = value > 0 ? "over" : "under";
    alarms.push({
      kind: "bias",
      level,
      key,
      value,
      hours: monitor.driftHours,
      message: `${key}: forecast ${percent(Math.abs(value))} ${direction} the actuals over the last ${monitor.driftHours} hours (threshold ${percent(monitor.driftThreshold)})`,
    });
  }
  const [low, high] = monitor.coverageBand80;
  for (const [level, { inside, points, hours }] of coverage) {
    if (hours.size < monitor.coverageMinHours) continue;
    const value = inside / points;
    if (value >= low && value <= high) continue;
    alarms.push({
      kind: "coverage",
      level,
      key: null,
      value,
      hours: hours.size,
      message: `${level}: hourly 80% bands covered ${percent(value)} of ${points} points over ${hours.size} hours (band ${percent(low)}-${percent(high)})`,
    });
  }
  // Bias alarms first, the largest first; then coverage alarms, the farthest from 80% first.
  return alarms.sort((a, b) =>
    a.kind !== b.kind
      ? a.kind === "bias"
        ? -1
        : 1
      : a.kind === "bias"
        ? Math.abs(b.value) - Math.abs(a.value)
        : Math.abs(b.value - 0.8) - Math.abs(a.value - 0.8),
  );
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
