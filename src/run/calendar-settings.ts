import type { CalendarEvent } from "../series/calendar/calendar-event.js";
import { calendarEvents } from "../series/calendar/calendar-events.js";
import { type EventRegressors, eventRegressors } from "../series/calendar/event-regressors.js";
import { CALENDAR_MARKETS } from "../series/calendar/markets.js";
import { DAY_MS, isoDate } from "../series/civil-date.js";
import { addSteps, type TimeGrid } from "../series/time-grid.js";

/** Which calendar events a file run learns from, shared by every series (and worker) of the run. */
export interface CalendarSettings {
  /**
   * Whose public holidays: "auto" takes each series' market from a `geo=XX` part of its id (as `avails
   * series` names them, e.g. `geo=SE|device=mobile`), a two-letter code gives every series that market's,
   * and "none" gives none (user events and shopping days only).
   */
  readonly holidays: string;
  /** Events of the user's file (readEventsFile); those of the series' market and of "*" apply. */
  readonly userEvents: readonly CalendarEvent[];
  /** Add the global shopping days (Black Friday, Cyber Monday, Christmas and New Year's Eve). */
  readonly shoppingDays: boolean;
  /** Days before and after each event with columns of their own. */
  readonly lead: number;
  readonly lag: number;
}

/** The regressors of one series, and what the caller should know about them. */
export interface SeriesRegressors extends EventRegressors {
  /** The market whose calendar was used, or "*" when none was found. */
  readonly market: string;
  readonly warnings: string[];
}

const GEO_IN_ID = /(?:^|[|,;/])geo=([A-Za-z]{2})(?:$|[|,;/])/;

/**
 * The market of a series under `settings.holidays`: the code itself, or with "auto" the `geo=XX` part of
 * the id (upper-cased), or "*" (events for every market only) when there is none.
 *
 * @example
 * seriesMarket("geo=se|device=mobile", "auto"); // "SE"
 * seriesMarket("total", "auto"); // "*"
 */
export function seriesMarket(id: string, holidays: string): string {
  if (holidays === "none") return "*";
  if (holidays !== "auto") return holidays.toUpperCase();
  return GEO_IN_ID.exec(id)?.[1].toUpperCase() ?? "*";
}

/**
 * The calendar regressors of one series over its history and the horizon: the events of its market
 * (`seriesMarket`) between the local dates around its first point and the horizon's end, as 0/1 columns
 * (`eventRegressors`; hourly series take the market's local days in its time zone). Columns with no
 * occurrence in the history are dropped, so a series may get none.
 *
 * @example
 * const { xreg, names } = seriesRegressors(series, 14, { holidays: "auto", userEvents: [], shoppingDays: true, lead: 0, lag: 0 });
 */
export function seriesRegressors(
  series: { readonly id: string; readonly grid: TimeGrid; readonly start: number; readonly length: number },
  horizon: number,
  settings: CalendarSettings,
): SeriesRegressors {
  const market = seriesMarket(series.id, settings.holidays);
  const warnings: string[] = [];
  if (settings.holidays === "auto" && market === "*") {
    warnings.push(`no geo=XX in the id: no public holidays, only the events for every market (*)`);
  } else if (market !== "*" && !CALENDAR_MARKETS.has(market) && settings.holidays !== "none") {
    warnings.push(`no built-in holidays for market ${market}: only its events from the events file`);
  }
  const end = addSteps(series.grid, series.start, series.length + horizon);
  // A day either side: an hourly series' local days start before or after its UTC ones.
  const fromDate = isoDate(Math.floor(series.start / DAY_MS) - 1);
  const toDate = isoDate(Math.floor(end / DAY_MS) + 1);
  const events = calendarEvents(market, fromDate, toDate, {
    userEvents: settings.userEvents,
    shoppingDays: settings.shoppingDays,
    publicHolidays: settings.holidays !== "none",
  });
  const timeZone = CALENDAR_MARKETS.get(market)?.timeZone ?? "UTC";
  const regressors = eventRegressors(
    events,
    { grid: series.grid, start: series.start, history: series.length, horizon, timeZone },
    { lead: settings.lead, lag: settings.lag },
  );
  return { ...regressors, market, warnings };
}
