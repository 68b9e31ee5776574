import { DAY_MS, HOUR_MS } from "./civil-date.js";
import { calendarDate, dateTime, type Frequency } from "./frequency.js";

/**
 * The regular times a series' points fall on: its frequency and where in each period the points sit.
 * Steps on a grid are numbered by whole integers, so "n steps later" is calendar arithmetic for months.
 */
export interface TimeGrid {
  readonly freq: Frequency;
  /**
   * hourly: milliseconds past the hour (0 for whole hours); weekly: day of the week (0 = Monday ... 6 = Sunday);
   * monthly and quarterly: day of the month, 1-31, clamped to the month's length (so 31 is the month's end);
   * daily: 0.
   */
  readonly anchor: number;
  /** quarterly: months past January of the quarters' months (0: Jan, Apr, Jul, Oct ... 2: Mar, Jun, Sep, Dec); otherwise 0. */
  readonly phase: number;
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Days since 1970-01-01 (a Thursday) to day of the week, 0 = Monday. */
function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

function monthIndex(time: number): { month: number; day: number; monthDays: number } {
  const date = calendarDate(time);
  return { month: date.year * 12 + date.month - 1, day: date.day, monthDays: date.monthDays };
}

/**
 * The step number of a time on a grid, or NaN when the time is not on the grid.
 *
 * @example
 * const monthly = { freq: "monthly", anchor: 1, phase: 0 } as const;
 * gridIndex(monthly, Date.UTC(2024, 1, 1)) - gridIndex(monthly, Date.UTC(2023, 11, 1)); // 2
 * gridIndex(monthly, Date.UTC(2024, 1, 15)); // NaN
 */
export function gridIndex(grid: TimeGrid, time: number): number {
  switch (grid.freq) {
    case "hourly": {
      const index = (time - grid.anchor) / HOUR_MS;
      return Number.isInteger(index) ? index : Number.NaN;
    }
    case "daily":
      return time % DAY_MS === 0 ? time / DAY_MS : Number.NaN;
    case "weekly": {
      const days = time / DAY_MS;
      if (!Number.isInteger(days) || weekday(days) !== grid.anchor) return Number.NaN;
      return (days + 3 - grid.anchor) / 7;
    }
    default: {
      if (time % DAY_MS !== 0) return Number.NaN;
      const { month, day, monthDays } = monthIndex(time);
      if (day !== Math.min(grid.anchor, monthDays)) return Number.NaN;
      if (grid.freq === "monthly") return month;
      const quarter = (month - grid.phase) / 3;
      return Number.isInteger(quarter) ? quarter : Number.NaN;
    }
  }
}

/**
 * The time of a step number on a grid (the inverse of gridIndex).
 *
 * @example
 * gridTime({ freq: "monthly", anchor: 31, phase: 0 }, 2024 * 12 + 1); // Date.UTC(2024, 1, 29): February's end
 */
export function gridTime(grid: TimeGrid, index: number): number {
  switch (grid.freq) {
    case "hourly":
      return index * HOUR_MS + grid.anchor;
    case "daily":
      return index * DAY_MS;
    case "weekly":
      return (index * 7 + grid.anchor - 3) * DAY_MS;
    default: {
      const month = grid.freq === "monthly" ? index : index * 3 + grid.phase;
      const year = Math.floor(month / 12);
      return dateTime(year, month - year * 12 + 1, grid.anchor);
    }
  }
}

/**
 * The time `steps` grid steps after `time` (before, when negative); `time` must be on the grid.
 *
 * @example
 * addSteps({ freq: "quarterly", anchor: 31, phase: 2 }, Date.UTC(2023, 11, 31), 1); // Date.UTC(2024, 2, 31)
 */
export function addSteps(grid: TimeGrid, time: number, steps: number): number {
  const index = gridIndex(grid, time);
  if (Number.isNaN(index)) throw new Error(`addSteps: time ${time} is not on the ${grid.freq} grid`);
  return gridTime(grid, index + steps);
}

/**
 * Where a grid's points fall, for error messages.
 *
 * @example
 * describeGrid({ freq: "weekly", anchor: 0, phase: 0 }); // "Mondays"
 * describeGrid({ freq: "quarterly", anchor: 31, phase: 2 }); // "the last day of Mar, Jun, Sep and Dec"
 */
export function describeGrid(grid: TimeGrid): string {
  switch (grid.freq) {
    case "hourly": {
      if (grid.anchor === 0) return "whole hours";
      const minutes = Math.floor(grid.anchor / 60_000);
      const seconds = Math.floor((grid.anchor % 60_000) / 1000);
      return `${minutes} min${seconds === 0 ? "" : ` ${seconds} s`} past each hour`;
    }
    case "daily":
      return "every day";
    case "weekly":
      return `${WEEKDAYS[grid.anchor]}s`;
    default: {
      const day = grid.anchor === 31 ? "the last day" : `day ${grid.anchor}`;
      if (grid.freq === "monthly") return `${day} of each month`;
      const months = [0, 3, 6, 9].map((m) => MONTHS[m + grid.phase]);
      return `${day} of ${months.slice(0, 3).join(", ")} and ${months[3]}`;
    }
  }
}

/**
 * The grid most of a series' points fall on; on a tie, the one of the earliest point in `times`.
 * Points off that grid are then the ones to report.
 *
 * @param times epoch milliseconds of the points, each a valid ds of the frequency; not empty
 * @example
 * inferGrid("weekly", [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 16)]); // Mondays: anchor 0
 */
export function inferGrid(freq: Frequency, times: ArrayLike<number>): TimeGrid {
  if (times.length === 0) throw new Error("inferGrid: no times");
  switch (freq) {
    case "daily":
      return { freq, anchor: 0, phase: 0 };
    case "hourly":
      return { freq, anchor: mostCommon(times, (t) => ((t % HOUR_MS) + HOUR_MS) % HOUR_MS), phase: 0 };
    case "weekly":
      return { freq, anchor: mostCommon(times, (t) => weekday(Math.floor(t / DAY_MS))), phase: 0 };
    case "monthly":
      return { freq, anchor: dayAnchor(times, -1), phase: 0 };
    case "quarterly": {
      const phase = mostCommon(times, (t) => monthIndex(t).month % 3);
      return { freq, anchor: dayAnchor(times, phase), phase };
    }
  }
}

/** The most common key of the times; on a tie, the key seen first. */
function mostCommon(times: ArrayLike<number>, key: (time: number) => number): number {
  const counts = new Map<number, number>();
  let top = 0;
  for (let i = 0; i < times.length; i++) {
    const k = key(times[i]);
    const count = (counts.get(k) ?? 0) + 1;
    counts.set(k, count);
    if (count > top) top = count;
  }
  for (let i = 0; ; i++) {
    const k = key(times[i]);
    if (counts.get(k) === top) return k;
  }
}

/**
 * The day of the month (1-31) that the most points (of months `phase` mod 3, or all when phase is -1) fit,
 * a point fitting day d when it is on day d, or on its month's last day in a month shorter than d.
 */
function dayAnchor(times: ArrayLike<number>, phase: number): number {
  const onDay = new Float64Array(32);
  const monthEnds = new Float64Array(32);
  const order: number[] = [];
  for (let i = 0; i < times.length; i++) {
    const { month, day, monthDays } = monthIndex(times[i]);
    if (phase >= 0 && month % 3 !== phase) continue;
    if (onDay[day] === 0) order.push(day);
    onDay[day]++;
    if (day === monthDays) monthEnds[day]++;
  }
  let best = order[0];
  let bestFit = -1;
  for (const candidate of order) {
    let fit = onDay[candidate];
    for (let d = 28; d < candidate; d++) fit += monthEnds[d];
    if (fit > bestFit) {
      best = candidate;
      bestFit = fit;
    }
  }
  // Points that are all month ends are read as month-end data (anchor 31, so that every month ends on it)
  // rather than as, say, the 30th of each month.
  let allEnds = true;
  for (const d of order) if (monthEnds[d] !== onDay[d]) allEnds = false;
  return allEnds ? 31 : best;
}
