import { localDate, zonedDayStart } from "./zoned-time.js";

/** The reporting days an hourly horizon touches. */
export interface ReportingDays {
  /** Local dates (YYYY-MM-DD) in order. */
  days: string[];
  /** For each hour of the horizon, the index of its day (by the local date at the hour's start). */
  dayOfHour: Int32Array;
  /** Hours each day has in full: 24, or 23 and 25 on daylight-saving changes. */
  dayHours: Int32Array;
}

/**
 * Maps the hours of a horizon (from `start`, epoch ms on the hour) to reporting days of a time zone. A horizon
 * that starts or ends inside a day covers part of it; `dayHours` says how many hours the whole day has.
 *
 * @example
 * const r = reportingDays(Date.UTC(2026, 2, 28, 23), 48, "Europe/Stockholm");
 * r.days;      // ["2026-03-29", "2026-03-30", "2026-03-31"]
 * r.dayHours;  // Int32Array [23, 24, 24]  (clocks went forward on the 29th)
 */
export function reportingDays(start: number, hours: number, timeZone: string): ReportingDays {
  if (!Number.isInteger(hours) || hours < 0) throw new Error(`reportingDays: hours ${hours} is not a count`);
  if (!Number.isFinite(start)) throw new Error(`reportingDays: start ${start} is not an instant`);
  const days: string[] = [];
  const dayOfHour = new Int32Array(hours);
  let last = "";
  for (let h = 0; h < hours; h++) {
    const date = localDate(start + h * 3_600_000, timeZone);
    if (date !== last) {
      days.push(date);
      last = date;
    }
    dayOfHour[h] = days.length - 1;
  }
  const dayHours = new Int32Array(days.length);
  for (let d = 0; d < days.length; d++) {
    const next = new Date(Date.parse(`${days[d]}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    dayHours[d] = Math.round((zonedDayStart(next, timeZone) - zonedDayStart(days[d], timeZone)) / 3_600_000);
  }
  return { days, dayOfHour, dayHours };
}
