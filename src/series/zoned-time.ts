const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The offset of a time zone from UTC at an instant, in milliseconds (positive east of Greenwich).
 *
 * @example
 * zoneOffsetMs(Date.UTC(2026, 6, 1), "Europe/Stockholm"); // 7_200_000
 */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  // Offsets change only at transitions, which fall on quarter hours: one lookup per zone and quarter hour.
  const quarter = Math.floor(instant / QUARTER_HOUR);
  let cache = offsetCache.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const cached = cache.get(quarter);
  if (cached !== undefined) return cached;
  if (cache.size >= MAX_CACHED_OFFSETS) cache.clear();
  const offset = offsetAt(quarter * QUARTER_HOUR, timeZone);
  cache.set(quarter, offset);
  return offset;
}

const QUARTER_HOUR = 15 * 60_000;
const MAX_CACHED_OFFSETS = 100_000;
const offsetCache = new Map<string, Map<number, number>>();

/** The zone's offset at an instant, read from Intl (slow: a formatToParts call). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The instant (epoch ms) a local calendar day starts in a time zone. Throws when the date is not YYYY-MM-DD.
 *
 * @example
 * zonedDayStart("2026-12-01", "Europe/Stockholm"); // Date.UTC(2026, 10, 30, 23)
 */
export function zonedDayStart(date: string, timeZone: string): number {
  const m = DATE.exec(date);
  const utcMidnight = m === null ? Number.NaN : Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== date) {
    throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  }
  // Two passes settle the offset even when the day starts next to a DST change.
  let instant = utcMidnight - zoneOffsetMs(utcMidnight, timeZone);
  instant = utcMidnight - zoneOffsetMs(instant, timeZone);
  // Where clocks jump forward at midnight (America/Santiago, America/Havana), midnight does not exist and the
  // day starts at the jump: step forward to it. Transitions fall on quarter hours.
  for (let step = 0; step < 16 && localDate(instant, timeZone) < date; step++) instant += 15 * 60_000;
  return instant;
}

/**
 * The local calendar date (YYYY-MM-DD) of an instant in a time zone.
 *
 * @example
 * localDate(Date.UTC(2026, 10, 30, 23, 30), "Europe/Stockholm"); // "2026-12-01"
 */
export function localDate(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 10);
}
