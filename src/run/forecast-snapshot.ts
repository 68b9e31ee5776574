import type { Hierarchy } from "../forecast/reconcile/hierarchy.js";
import { pathQuantiles } from "../forecast/reconcile/path-quantiles.js";
import type { SamplePaths } from "../forecast/reconcile/sample-paths.js";
import { seasonalNaiveMae } from "../metrics/seasonal-naive-mae.js";
import type { LevelHistory } from "../series/read-hierarchy.js";
import type { ForecastSnapshot } from "../store/forecast-snapshot.js";

const HOUR = 3_600_000;
const DAY_HOURS = 24;
/** P2.5, P10, P90, P97.5: the 95% and 80% central bands. */
const PROBS = [0.025, 0.1, 0.9, 0.975];

/** What `forecastSnapshot` needs of a run. */
export interface SnapshotInput {
  readonly hierarchy: Hierarchy;
  readonly paths: SamplePaths;
  /** Every series' mean, `seriesMean[i * horizon + t]` in `hierarchy.keys` order. */
  readonly seriesMean: Float64Array;
  /** The run's first forecast hour, epoch ms. */
  readonly start: number;
  /** The history the run was fitted on, for each series' MASE scale. */
  readonly history: readonly LevelHistory[];
  /** Snapshot rows older than this many days before `start` are dropped when the snapshot is stored. */
  readonly retentionDays: number;
}

/**
 * The rows of a run that its live accuracy is scored on (`ForecastSnapshot`): for every series of every level,
 * the first day hour by hour, then every later whole day of the horizon (24-hour blocks from the first forecast
 * hour), each with its mean and 80% and 95% bands from the summed sample paths, and the series' in-sample
 * seasonal naive MAE (hourly season 24, daily season 7 on 24-hour blocks ending at the run's start). About
 * 58 rows a series for a 35-day horizon: what scoring by horizon needs, without the run's files.
 *
 * @example
 * const snapshot = forecastSnapshot({ hierarchy, paths, seriesMean, start, history: history.levels,
 *   retentionDays: 42 });
 */
export function forecastSnapshot(input: SnapshotInput): ForecastSnapshot {
  const { hierarchy, paths, seriesMean, start, history } = input;
  const H = paths.horizon;
  const hourly = Math.min(H, DAY_HOURS);
  const days = Math.floor(H / DAY_HOURS);
  // Interval starts: hours 0..hourly-1, then days 1..days-1.
  const bounds: number[] = [];
  for (let t = 0; t < hourly; t++) bounds.push(t);
  for (let d = 1; d < days; d++) bounds.push(d * DAY_HOURS);
  const end = days > 1 ? days * DAY_HOURS : hourly;
  const perSeries = bounds.length;
  const n = hierarchy.keys.length * perSeries;
  const out = {
    level: new Int32Array(n),
    series: new Int32Array(n),
    hour: new Float64Array(n),
    hours: new Int32Array(n),
    step: new Int32Array(n),
    mean: new Float64Array(n),
    lo95: new Float64Array(n),
    lo80: new Float64Array(n),
    hi80: new Float64Array(n),
    hi95: new Float64Array(n),
    scale: new Float64Array(n),
  };
  const scales = seriesScales(hierarchy, history);
  let row = 0;
  for (let i = 0; i < hierarchy.keys.length; i++) {
    const leaves = hierarchy.leaves.subarray(hierarchy.rowStart[i], hierarchy.rowStart[i + 1]);
    const q = pathQuantiles(paths, leaves, 0, end, bounds, PROBS);
    for (let b = 0; b < perSeries; b++, row++) {
      const interval = q.intervals[b];
      const span = interval.end - interval.start;
      out.level[row] = hierarchy.levelOf[i];
      out.series[row] = i;
      out.hour[row] = start + interval.start * HOUR;
      out.hours[row] = span;
      out.step[row] = interval.start;
      // The run's coherent mean (adjustments included), summed over the span.
      let mean = 0;
      for (let t = interval.start; t < interval.end; t++) mean += seriesMean[i * H + t];
      out.mean[row] = mean;
      [out.lo95[row], out.lo80[row], out.hi80[row], out.hi95[row]] = interval.quantiles;
      out.scale[row] = span === 1 ? scales.hourly[i] : scales.daily[i];
    }
  }
  return {
    levels: hierarchy.levels.map((level) => level.name),
    keys: hierarchy.keys,
    ...out,
    keepFrom: start - input.retentionDays * DAY_HOURS * HOUR,
  };
}

/** Each series' in-sample seasonal naive MAE, hourly (season 24) and on 24-hour blocks (season 7). */
function seriesScales(
  hierarchy: Hierarchy,
  history: readonly LevelHistory[],
): { hourly: Float64Array; daily: Float64Array } {
  const hourly = new Float64Array(hierarchy.keys.length).fill(Number.NaN);
  const daily = new Float64Array(hierarchy.keys.length).fill(Number.NaN);
  for (const level of history) {
    const width = level.keys.length === 0 ? 0 : level.values.length / level.keys.length;
    const blocks = Math.floor(width / DAY_HOURS);
    const sums = new Float64Array(blocks);
    level.keys.forEach((key, k) => {
      const i = hierarchy.indexOf.get(key);
      if (i === undefined) return;
      const values = level.values.subarray(k * width, (k + 1) * width);
      hourly[i] = seasonalNaiveMae(values, DAY_HOURS);
      // Blocks end at the history's last hour, as the daily rows start at the run's first hour.
      const offset = width - blocks * DAY_HOURS;
      sums.fill(0);
      for (let t = offset; t < width; t++) sums[Math.floor((t - offset) / DAY_HOURS)] += values[t];
      daily[i] = seasonalNaiveMae(sums, 7);
    });
  }
  return { hourly, daily };
}
