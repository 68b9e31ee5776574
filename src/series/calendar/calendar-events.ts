import { civilFromDays, isoDate, parseIsoDate } from "../civil-date.js";
import type { CalendarEvent } from "./calendar-event.js";
import { type HolidayOptions, holidaysBetween } from "./holidays.js";
import { CALENDAR_MARKETS } from "./markets.js";
import { shoppingDays } from "./shopping-days.js";

/** What goes into a market's calendar besides its built-in public holidays. */
export interface CalendarEventsOptions extends HolidayOptions {
  /** Events of a user file (parseEventsCsv): those of the market and those marked "*" are merged in. */
  readonly userEvents?: readonly CalendarEvent[];
  /** Include the built-in public holidays; default true. */
  readonly publicHolidays?: boolean;
}

function checkDate(text: string, parameter: string): number {
  const day = parseIsoDate(text);
  if (Number.isNaN(day)) throw new Error(`${parameter}: ${JSON.stringify(text)} is not a date (YYYY-MM-DD)`);
  return day;
}

/**
 * The calendar of a market from `fromDate` to `toDate` (inclusive, local dates): its built-in public holidays
 * (when the market has a built-in calendar), the global shopping days when asked, and the user's events for
 * the market or for "*" that overlap the range, sorted by start date; an event listed twice (same id and
 * dates) is kept once. `market` is a two-letter code, any (a market without a built-in calendar gets the
 * shopping days and user events only), or "*" for a series over all markets (no public holidays then).
 *
 * @example
 * calendarEvents("IN", "2026-01-01", "2026-12-31", { userEvents: parseEventsCsv(text) });
 */
export function calendarEvents(
  market: string,
  fromDate: string,
  toDate: string,
  options: CalendarEventsOptions = {},
): CalendarEvent[] {
  const code = typeof market === "string" ? market.toUpperCase() : "";
  if (code !== "*" && !/^[A-Z]{2}$/.test(code)) {
    throw new Error(`market: ${JSON.stringify(market)} is not * or a two-letter ISO 3166-1 code`);
  }
  const from = checkDate(fromDate, "fromDate");
  const to = checkDate(toDate, "toDate");
  if (to < from) throw new Error(`toDate: ${toDate} is before fromDate ${fromDate}`);
  const found: CalendarEvent[] = [];
  const shopping = options.shoppingDays === true;
  if (CALENDAR_MARKETS.has(code) && options.publicHolidays !== false) {
    for (const h of holidaysBetween(code, fromDate, toDate, { shoppingDays: shopping })) {
      found.push({ id: h.id, name: h.name, market: code, start: h.date, end: h.date });
    }
  } else if (shopping) {
    for (let year = civilFromDays(from).year; year <= civilFromDays(to).year; year++) {
      for (const h of shoppingDays(year)) {
        if (h.day >= from && h.day <= to) {
          const date = isoDate(h.day);
          found.push({ id: h.id, name: h.name, market: code, start: date, end: date });
        }
      }
    }
  }
  for (const event of options.userEvents ?? []) {
    if ((event.market === code || event.market === "*") && event.start <= toDate && event.end >= fromDate) {
      found.push(event);
    }
  }
  const seen = new Set<string>();
  const unique = found.filter((e) => {
    const key = `${e.id} ${e.start} ${e.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // ISO dates compare as strings; the sort is stable, so built-in holidays precede user events of a day.
  return unique.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
