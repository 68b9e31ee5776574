import { DAY_MS, HOUR_MS, weekdayOfDays } from "./civil-date.js";

/** UTC offset in minutes of a time zone at an instant, through Intl (called a few times per day only). */
function offsetMinutes(format: Intl.DateTimeFormat, ms: number): number {
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const part of format.formatToParts(ms)) {
    const v = Number(part.value);
    if (part.type === "year") y = v;
    else if (part.type === "month") mo = v;
    else if (part.type === "day") d = v;
    else if (part.type === "hour") h = v;
    else if (part.type === "minute") mi = v;
    else if (part.type === "second") s = v;
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * Local wall-clock facts of each market for every UTC hour of a range of days: offset, local hour, local
 * weekday and local date. Precomputed once (DST honoured through Intl), so the generator never calls Intl
 * or creates a Date per event.
 *
 * @example
 * const clock = new MarketClock(["Europe/Berlin"], daysFromCivil(2026, 7, 1), 31);
 * clock.localHour[clock.index(0, 17)]; // 19: 17:00 UTC on July 1 is 19:00 in Berlin (CEST)
 */
export class MarketClock {
  /** UTC day number (days since 1970-01-01) of the first covered hour. */
  readonly startDay: number;
  /** Covered UTC hours per market. */
  readonly hours: number;
  /** UTC offset in minutes, by index(market, hour). */
  readonly offset: Int16Array;
  /** Local hour 0-23, by index(market, hour). */
  readonly localHour: Uint8Array;
  /** Local weekday, 0 = Sunday, by index(market, hour). */
  readonly localWeekday: Uint8Array;
  /** Local calendar date as a day number, by index(market, hour). */
  readonly localDay: Int32Array;

  constructor(timeZones: readonly string[], startDay: number, days: number) {
    this.startDay = startDay;
    this.hours = days * 24;
    const n = timeZones.length * this.hours;
    this.offset = new Int16Array(n);
    this.localHour = new Uint8Array(n);
    this.localWeekday = new Uint8Array(n);
    this.localDay = new Int32Array(n);
    for (let m = 0; m < timeZones.length; m++) {
      const format = new Intl.DateTimeFormat("en-US", {
        timeZone: timeZones[m],
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
      let next = offsetMinutes(format, startDay * DAY_MS);
      for (let day = 0; day < days; day++) {
        const dayMs = (startDay + day) * DAY_MS;
        const current = next;
        next = offsetMinutes(format, dayMs + DAY_MS);
        for (let h = 0; h < 24; h++) {
          const utc = dayMs + h * HOUR_MS;
          // Offsets only change on DST days; ask Intl hour by hour on those alone.
          const off = current === next ? current : offsetMinutes(format, utc);
          const local = utc + off * 60000;
          const localDay = Math.floor(local / DAY_MS);
          const i = m * this.hours + day * 24 + h;
          this.offset[i] = off;
          this.localDay[i] = localDay;
          this.localHour[i] = Math.floor((local - localDay * DAY_MS) / HOUR_MS);
          this.localWeekday[i] = weekdayOfDays(localDay);
        }
      }
    }
  }

  /** Index into the arrays of a market and an hour counted from startDay 00:00 UTC. */
  index(market: number, hour: number): number {
    return market * this.hours + hour;
  }

  /** UTC offset in minutes of a market at an instant inside the covered range. */
  offsetAt(market: number, ms: number): number {
    return this.offset[market * this.hours + Math.floor((ms - this.startDay * DAY_MS) / HOUR_MS)];
  }
}
