import { pathQuantiles } from "../forecast/reconcile/path-quantiles.js";
import { type Granularity, periodBounds } from "../pacing/period-bounds.js";
import type { PublishedForecast } from "../run/published-forecast.js";
import { HOUR_MS } from "../series/civil-date.js";
import { localDate } from "../series/zoned-time.js";
import { HttpProblem } from "./problem.js";

/** What GET /v1/forecasts asks. */
export interface ForecastRequest {
  level: string;
  /** Series key as the cube writes it (`geo=SE|device=mobile`); `total` for a level without dimensions. */
  key: string;
  granularity: Granularity;
  start: string;
  end: string;
}

/** One interval of a forecast answer: the forecast's mean and quantiles, and what actually happened. */
export interface ForecastInterval {
  start: string;
  end: string;
  mean: number;
  p025: number;
  p10: number;
  p50: number;
  p90: number;
  p975: number;
  /** Opportunities counted in the store for the interval's hours so far; null before any of them has data. */
  actual: number | null;
  /** Whether the store's watermark is past the interval's end (its actual is complete). */
  complete: boolean;
}

/** The answer of GET /v1/forecasts. */
export interface ForecastAnswer {
  run_id: string;
  level: string;
  key: string;
  granularity: Granularity;
  start: string;
  end: string;
  measure: "opportunities";
  intervals: ForecastInterval[];
}

/** The hours of a forecast answer: interval bounds as epoch ms, for summing actuals. */
export interface ForecastHours {
  answer: ForecastAnswer;
  /** Interval boundaries, epoch ms (intervals + 1 values). */
  bounds: Float64Array;
}

const PROBS = [0.025, 0.1, 0.5, 0.9, 0.975];

/**
 * A series' forecast from the published run by interval: the mean and the 2.5/10/50/90/97.5% quantiles of the
 * interval sums of its sample paths (so the 80% and 95% bands of days and weeks are those of sums, not sums of
 * hourly bands). Actuals are left empty for `addActuals`. Errors are 400 problems naming the parameter, and
 * 404 for a key the run does not have.
 *
 * @example
 * const { answer, bounds } = answerForecast(forecast, "UTC", { level: "geo", key: "geo=SE", granularity: "day", start: "2026-12-01", end: "2026-12-07" });
 */
export function answerForecast(
  forecast: PublishedForecast,
  timeZone: string,
  request: ForecastRequest,
): ForecastHours {
  const { hierarchy, manifest, paths } = forecast;
  const level = hierarchy.levels.find((l) => l.name === request.level);
  if (level === undefined) {
    throw new HttpProblem(
      400,
      `level: "${request.level}" is not a level of run ${forecast.runId} (${hierarchy.levels.map((l) => l.name).join(", ")})`,
      "level",
    );
  }
  const series = hierarchy.indexOf.get(request.key);
  if (series === undefined || hierarchy.levelOf[series] !== hierarchy.levels.indexOf(level)) {
    throw new HttpProblem(
      404,
      `key: level ${level.name} of run ${forecast.runId} has no series "${request.key}"`,
      "key",
    );
  }
  const grid = { start: manifest.start, hours: manifest.horizon };
  let bounds: Int32Array;
  try {
    bounds = periodBounds(grid, request.start, request.end, request.granularity, timeZone);
  } catch (error) {
    const message = (error as Error).message;
    throw new HttpProblem(400, message, /^(\w+):/.exec(message)?.[1]);
  }
  const k = bounds.length - 1;
  const leaves = hierarchy.leaves.subarray(hierarchy.rowStart[series], hierarchy.rowStart[series + 1]);
  const q = pathQuantiles(paths, leaves, bounds[0], bounds[k], bounds.subarray(0, k), PROBS);
  const instant = (hour: number) => grid.start + hour * HOUR_MS;
  const label = (hour: number, end: boolean) =>
    request.granularity === "hour"
      ? new Date(instant(hour)).toISOString()
      : localDate(instant(hour) - (end ? 1 : 0), timeZone);
  const intervals = q.intervals.map((interval, i) => ({
    start: label(bounds[i], false),
    end: label(bounds[i + 1], request.granularity !== "hour"),
    mean: interval.mean,
    p025: interval.quantiles[0],
    p10: interval.quantiles[1],
    p50: interval.quantiles[2],
    p90: interval.quantiles[3],
    p975: interval.quantiles[4],
    actual: null,
    complete: false,
  }));
  return {
    answer: {
      run_id: forecast.runId,
      level: level.name,
      key: request.key,
      granularity: request.granularity,
      start: request.start,
      end: request.end,
      measure: "opportunities",
      intervals,
    },
    bounds: Float64Array.from(bounds, instant),
  };
}

/**
 * Fills each interval's actual from cube cells of the series (hours as epoch ms, values), and marks the
 * intervals the watermark has passed as complete.
 *
 * @example
 * addActuals(answer, bounds, slice.hour, slice.value, watermark);
 */
export function addActuals(
  answer: ForecastAnswer,
  bounds: Float64Array,
  hours: Float64Array,
  values: Float64Array,
  watermark: number | null,
): void {
  const k = answer.intervals.length;
  const sums = new Float64Array(k);
  const seen = new Uint8Array(k);
  for (let c = 0; c < hours.length; c++) {
    const h = hours[c];
    if (h < bounds[0] || h >= bounds[k]) continue;
    // Intervals are few (hours of a week at most a few hundred): a binary search finds the cell's.
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid] <= h) lo = mid;
      else hi = mid - 1;
    }
    sums[lo] += values[c];
    seen[lo] = 1;
  }
  for (let i = 0; i < k; i++) {
    const interval = answer.intervals[i];
    interval.actual = seen[i] ? sums[i] : null;
    interval.complete = watermark !== null && watermark >= bounds[i + 1];
  }
}
