import { coverageStandardError } from "../metrics/coverage-standard-error.js";
import { rollingMape } from "../metrics/rolling-mape.js";
import { localDate } from "../series/zoned-time.js";
import type { ScoredRows } from "../store/forecast-snapshots.js";
import { bucketOf, HORIZON_BUCKETS } from "./horizon-buckets.js";

/** The errors of one level at one horizon bucket, or on one day of it. */
export interface AccuracyFigures {
  /** Scored (run, series, span) points. */
  points: number;
  /** Σ actual opportunities over the points. */
  actual: number;
  /** Σ |actual − mean| / Σ actual. */
  wape: number;
  /** Mean |actual − mean| / actual over the points with a positive actual. */
  mape: number;
  /** Mean |actual − mean| / the series' in-sample seasonal naive MAE (Hyndman & Koehler 2006). */
  mase: number;
  /** Σ (mean − actual) / Σ actual: positive when the forecast runs hot. */
  bias: number;
  /** Share of points inside the 80% and 95% bands. */
  coverage80: number;
  coverage95: number;
}

/** One level at one horizon bucket over the whole window. */
export interface AccuracyCell extends AccuracyFigures {
  level: string;
  horizon: string;
  /**
   * The standard errors of `coverage80` and `coverage95` with the reporting days as clusters
   * (`coverageStandardError`): the hours of one day miss together, so this says how far a calibrated band's
   * coverage strays by chance over the window. NaN with fewer than two days.
   */
  coverage80StandardError: number;
  coverage95StandardError: number;
}

/** One level at one horizon bucket on one reporting day (the day of each point's start). */
export interface AccuracyDay extends AccuracyFigures {
  level: string;
  horizon: string;
  day: string;
}

/** Live accuracy of published runs over a window, by level and horizon. */
export interface AccuracyReport {
  cells: AccuracyCell[];
  days: AccuracyDay[];
  /**
   * Per level, the mean over its series of the MAPE of daily totals over the last 7 reporting days of
   * day-ahead hourly points (`rollingMape`: missing days and zero actuals skipped); NaN without data.
   */
  rollingMape: { level: string; mape: number; series: number }[];
}

class Sums {
  points = 0;
  actual = 0;
  absError = 0;
  signedError = 0;
  apeSum = 0;
  apeCount = 0;
  aseSum = 0;
  aseCount = 0;
  inside80 = 0;
  inside95 = 0;

  add(rows: ScoredRows, i: number): void {
    const a = rows.actual[i];
    const e = rows.mean[i] - a;
    this.points++;
    this.actual += a;
    this.absError += Math.abs(e);
    this.signedError += e;
    if (a > 0) {
      this.apeSum += Math.abs(e) / a;
      this.apeCount++;
    }
    const scale = rows.scale[i];
    if (scale > 0) {
      this.aseSum += Math.abs(e) / scale;
      this.aseCount++;
    }
    if (a >= rows.lo80[i] && a <= rows.hi80[i]) this.inside80++;
    if (a >= rows.lo95[i] && a <= rows.hi95[i]) this.inside95++;
  }

  figures(): AccuracyFigures {
    return {
      points: this.points,
      actual: this.actual,
      wape: this.actual > 0 ? this.absError / this.actual : Number.NaN,
      mape: this.apeCount > 0 ? this.apeSum / this.apeCount : Number.NaN,
      mase: this.aseCount > 0 ? this.aseSum / this.aseCount : Number.NaN,
      bias: this.actual > 0 ? this.signedError / this.actual : Number.NaN,
      coverage80: this.points > 0 ? this.inside80 / this.points : Number.NaN,
      coverage95: this.points > 0 ? this.inside95 / this.points : Number.NaN,
    };
  }
}

/**
 * Scores snapshot rows against their actuals: WAPE, MAPE, MASE, bias and 80% / 95% coverage (with its standard
 * error over the days) per level and horizon bucket (`HORIZON_BUCKETS`), the same per reporting day (accuracy
 * over time), and the rolling 7-day MAPE per level. Every run that covers a span counts once for it, so with
 * hourly runs each hour is scored by every run that forecast it in the bucket: the usual rolling-origin
 * evaluation.
 *
 * @param levels the level names in display order (levels without rows are left out)
 * @example
 * const report = accuracyReport(await store.runs.scores({ from, closedBefore }), ["total", "geo"], "UTC");
 * report.cells[0]; // { level: "total", horizon: "hours 1-24", wape: 0.031, coverage80: 0.81, ... }
 */
export function accuracyReport(
  rows: ScoredRows,
  levels: readonly string[],
  timeZone: string,
): AccuracyReport {
  const cells = new Map<string, Sums>();
  const days = new Map<string, Sums>();
  // Each cell's days, the clusters of its coverage's standard error.
  const daysOfCell = new Map<string, Sums[]>();
  // Day-ahead hourly points per series, for the rolling MAPE: day, actual, mean.
  const perSeries = new Map<string, { level: string; days: string[]; actual: number[]; mean: number[] }>();
  let lastDay = "";
  const dayOf = new Map<number, string>();
  for (let i = 0; i < rows.mean.length; i++) {
    const b = bucketOf(rows.hours[i], rows.step[i]);
    if (b < 0) continue;
    const horizon = HORIZON_BUCKETS[b].name;
    const level = rows.level[i];
    const cellKey = `${level}\u0000${horizon}`;
    let cell = cells.get(cellKey);
    if (cell === undefined) {
      cell = new Sums();
      cells.set(cellKey, cell);
    }
    cell.add(rows, i);
    let day = dayOf.get(rows.hour[i]);
    if (day === undefined) {
      day = localDate(rows.hour[i], timeZone);
      dayOf.set(rows.hour[i], day);
    }
    const dayKey = `${cellKey}\u0000${day}`;
    let daySums = days.get(dayKey);
    if (daySums === undefined) {
      daySums = new Sums();
      days.set(dayKey, daySums);
      const list = daysOfCell.get(cellKey);
      if (list === undefined) daysOfCell.set(cellKey, [daySums]);
      else list.push(daySums);
    }
    daySums.add(rows, i);
    if (b === 0) {
      const seriesKey = `${level}\u0000${rows.key[i]}`;
      let series = perSeries.get(seriesKey);
      if (series === undefined) {
        series = { level, days: [], actual: [], mean: [] };
        perSeries.set(seriesKey, series);
      }
      series.days.push(day);
      series.actual.push(rows.actual[i]);
      series.mean.push(rows.mean[i]);
      if (day > lastDay) lastDay = day;
    }
  }

  const order = (level: string) => levels.indexOf(level);
  const split = (key: string) => key.split("\u0000");
  const cellList: AccuracyCell[] = [...cells]
    .map(([key, sums]) => {
      const [level, horizon] = split(key);
      const perDay = daysOfCell.get(key) ?? [];
      const points = perDay.map((d) => d.points);
      return {
        level,
        horizon,
        ...sums.figures(),
        coverage80StandardError: coverageStandardError(
          perDay.map((d) => d.inside80),
          points,
        ),
        coverage95StandardError: coverageStandardError(
          perDay.map((d) => d.inside95),
          points,
        ),
      };
    })
    .sort((a, b) => order(a.level) - order(b.level) || horizonOrder(a.horizon) - horizonOrder(b.horizon));
  const dayList: AccuracyDay[] = [...days]
    .map(([key, sums]) => {
      const [level, horizon, day] = split(key);
      return { level, horizon, day, ...sums.figures() };
    })
    .sort(
      (a, b) =>
        order(a.level) - order(b.level) ||
        horizonOrder(a.horizon) - horizonOrder(b.horizon) ||
        (a.day < b.day ? -1 : a.day > b.day ? 1 : 0),
    );

  const rolling = new Map<string, { sum: number; series: number }>();
  for (const series of perSeries.values()) {
    const mape = rollingMape(series.days, series.actual, series.mean, lastDay, 7);
    let entry = rolling.get(series.level);
    if (entry === undefined) {
      entry = { sum: 0, series: 0 };
      rolling.set(series.level, entry);
    }
    if (!Number.isNaN(mape)) {
      entry.sum += mape;
      entry.series++;
    }
  }
  const rollingMapeList = [...rolling]
    .map(([level, { sum, series }]) => ({ level, mape: series > 0 ? sum / series : Number.NaN, series }))
    .sort((a, b) => order(a.level) - order(b.level));
  return { cells: cellList, days: dayList, rollingMape: rollingMapeList };
}

function horizonOrder(name: string): number {
  return HORIZON_BUCKETS.findIndex((bucket) => bucket.name === name);
}
