import { DAY_MS, HOUR_MS, isoDate, parseIsoDate } from "../civil-date.js";
import { gridIndex, type TimeGrid } from "../time-grid.js";
import { zonedDayStart } from "../zoned-time.js";
import type { CalendarEvent } from "./calendar-event.js";

/** The points the regressors cover: the history of a series and its forecast horizon. */
export interface RegressorSpan {
  /** The series' grid: hourly (UTC instants) or daily (local dates). */
  readonly grid: TimeGrid;
  /** Epoch milliseconds of the first observation, on the grid. */
  readonly start: number;
  /** Observations (>= 1): columns that are all zero over these are dropped. */
  readonly history: number;
  /** Future steps (>= 0); the columns have history + horizon values. */
  readonly horizon: number;
  /** Hourly series: the IANA time zone of the events' local dates (the market's); default "UTC". */
  readonly timeZone?: string;
}

/** Extra columns for the days around each event. */
export interface RegressorWindows {
  /** Days before each occurrence that get a column each (`<id>-1`, `<id>-2`, ...); default 0. */
  readonly lead?: number;
  /** Days after each occurrence that get a column each (`<id>+1`, ...); default 0. */
  readonly lag?: number;
}

/** Regressor columns and their names, in the same order. */
export interface EventRegressors {
  /** The event id, `<id>-k` for the k-th day before, `<id>+k` after; ids with the same days join by "|". */
  readonly names: string[];
  /** One column per name: 1 on the points of the event's days, 0 elsewhere; history + horizon values. */
  readonly xreg: Float64Array[];
}

const MAX_WINDOW = 31;

function checkCount(value: number | undefined, parameter: string, min: number, max: number): number {
  const n = value ?? 0;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${parameter}: ${value} is not an integer from ${min} to ${max}`);
  }
  return n;
}

/** The local days of each column: the events' own days, then the lead and lag days of each id. */
function columnDays(events: readonly CalendarEvent[], lead: number, lag: number): Map<string, Set<number>> {
  const own = new Map<string, Set<number>>();
  const starts = new Map<string, number[]>();
  const ends = new Map<string, number[]>();
  events.forEach((event, i) => {
    const first = parseIsoDate(event.start);
    const last = parseIsoDate(event.end);
    if (Number.isNaN(first) || Number.isNaN(last) || last < first) {
      throw new Error(
        `events[${i}]: ${JSON.stringify(event.start)}..${JSON.stringify(event.end)} is no date range`,
      );
    }
    if (typeof event.id !== "string" || event.id === "") throw new Error(`events[${i}]: id is empty`);
    let days = own.get(event.id);
    if (days === undefined) {
      days = new Set();
      own.set(event.id, days);
      starts.set(event.id, []);
      ends.set(event.id, []);
    }
    for (let day = first; day <= last; day++) days.add(day);
    starts.get(event.id)?.push(first);
    ends.get(event.id)?.push(last);
  });
  const columns = new Map<string, Set<number>>();
  for (const [id, days] of own) {
    columns.set(id, days);
    // A window day that is itself a day of the event (consecutive occurrences) stays the event's.
    for (let k = 1; k <= lead; k++) {
      columns.set(
        `${id}-${k}`,
        new Set((starts.get(id) ?? []).map((d) => d - k).filter((d) => !days.has(d))),
      );
    }
    for (let k = 1; k <= lag; k++) {
      columns.set(`${id}+${k}`, new Set((ends.get(id) ?? []).map((d) => d + k).filter((d) => !days.has(d))));
    }
  }
  return columns;
}

/**
 * Regressor columns for calendar events over a series' history and horizon, as `ForecastRequest.xreg`
 * takes them: one column per event id (all its occurrences), 1 on the points that fall on the event's local
 * days (for hourly series, the hours of those days in `span.timeZone`), 0 elsewhere; with `lead`/`lag`, one
 * more column per day before/after each occurrence. Columns that are all zero over the history are dropped
 * (nothing to learn an effect from), and columns equal to an earlier one join its name ("a|b").
 * Hourly and daily grids only.
 *
 * @example
 * const span = { grid: { freq: "daily", anchor: 0, phase: 0 }, start: Date.UTC(2023, 0, 1), history: 1096, horizon: 14 };
 * eventRegressors(calendarEvents("DE", "2023-01-01", "2026-01-14"), span, { lead: 1 }).names;
 * // ["new_year", "new_year-1", "good_friday", ...]
 */
export function eventRegressors(
  events: readonly CalendarEvent[],
  span: RegressorSpan,
  windows: RegressorWindows = {},
): EventRegressors {
  const { grid, start } = span;
  if (grid?.freq !== "hourly" && grid?.freq !== "daily") {
    throw new Error(`span.grid: event regressors need hourly or daily data, got ${grid?.freq}`);
  }
  if (!Number.isFinite(start) || Number.isNaN(gridIndex(grid, start))) {
    throw new Error(`span.start: ${start} is not a time on the ${grid.freq} grid`);
  }
  const history = checkCount(span.history, "span.history", 1, Number.MAX_SAFE_INTEGER);
  const horizon = checkCount(span.horizon, "span.horizon", 0, Number.MAX_SAFE_INTEGER);
  const lead = checkCount(windows.lead, "lead", 0, MAX_WINDOW);
  const lag = checkCount(windows.lag, "lag", 0, MAX_WINDOW);
  const timeZone = span.timeZone ?? "UTC";
  if (grid.freq === "hourly") {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
    } catch {
      throw new Error(`span.timeZone: ${JSON.stringify(timeZone)} is not an IANA time zone`);
    }
  }
  const length = history + horizon;
  const dayStarts = new Map<number, number>();
  const dayStart = (day: number) => {
    let instant = dayStarts.get(day);
    if (instant === undefined) {
      instant = zonedDayStart(isoDate(day), timeZone);
      dayStarts.set(day, instant);
    }
    return instant;
  };
  const names: string[] = [];
  const xreg: Float64Array[] = [];
  for (const [name, days] of columnDays(events, lead, lag)) {
    const column = new Float64Array(length);
    for (const day of days) {
      let first: number;
      let end: number;
      if (grid.freq === "daily") {
        first = Math.round((day * DAY_MS - start) / DAY_MS);
        end = first + 1;
      } else {
        // The hours whose start falls in the local day [dayStart(day), dayStart(day + 1)).
        first = Math.ceil((dayStart(day) - start) / HOUR_MS);
        end = Math.ceil((dayStart(day + 1) - start) / HOUR_MS);
      }
      for (let t = Math.max(first, 0); t < Math.min(end, length); t++) column[t] = 1;
    }
    if (!column.subarray(0, history).some((x) => x !== 0)) continue;
    const same = xreg.findIndex((other) => other.every((x, t) => x === column[t]));
    if (same >= 0) names[same] = `${names[same]}|${name}`;
    else {
      names.push(name);
      xreg.push(column);
    }
  }
  return { names, xreg };
}
