import type { Command } from "commander";
import type { CalendarSettings } from "../run/calendar-settings.js";
import type { CalendarEvent } from "../series/calendar/calendar-event.js";
import { readEventsFile } from "../series/calendar/read-events-file.js";

/** The calendar flags of `avails forecast` and `avails backtest` as commander hands them over. */
export interface RawCalendarFlags {
  /** `--holidays auto|XX|none`. */
  holidays?: string;
  /** `--events <file>`. */
  events?: string;
  /** `--shopping-days` (a switch). */
  shoppingDays?: boolean;
  /** `--event-lead <days>`, `--event-lag <days>`. */
  eventLead?: string;
  eventLag?: string;
}

/** The longest lead or lag a calendar event may get, in days. */
export const MAX_EVENT_DAYS = 31;

function eventDays(flag: string, text: string | undefined): number {
  if (text === undefined) return 0;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n > MAX_EVENT_DAYS) {
    throw new Error(`${flag}: "${text}" is not a whole number of days from 0 to ${MAX_EVENT_DAYS}`);
  }
  return n;
}

function holidays(text: string | undefined): string {
  // Any calendar flag turns the calendar on; the public holidays then come from each series' geo=XX.
  if (text === undefined) return "auto";
  const trimmed = text.trim();
  if (trimmed === "auto" || trimmed === "none") return trimmed;
  // Any two-letter code, as calendarEvents takes: one without built-in holidays gets its events-file
  // events (and the shopping days when asked) only.
  if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
  throw new Error(`--holidays: "${text}" is not auto, none or a two-letter market code (e.g. SE)`);
}

/**
 * Checks the calendar flags and reads the events file: undefined when no calendar flag is given (the run
 * then learns no calendar effects), else the run's CalendarSettings. Any one flag turns the calendar on,
 * with `--holidays auto` unless given. Throws an Error naming the first bad flag; events file errors name
 * the file, line and field (`--events: events.csv:3: start: "2026-13-01" is not a date (YYYY-MM-DD)`).
 *
 * @example
 * await parseCalendarFlags({ holidays: "se", shoppingDays: true }, "daily");
 * // { holidays: "SE", userEvents: [], shoppingDays: true, lead: 0, lag: 0 }
 * await parseCalendarFlags({}, "daily"); // undefined
 */
export async function parseCalendarFlags(
  raw: RawCalendarFlags,
  freq: string,
): Promise<CalendarSettings | undefined> {
  const given =
    raw.holidays !== undefined ||
    raw.events !== undefined ||
    raw.shoppingDays === true ||
    raw.eventLead !== undefined ||
    raw.eventLag !== undefined;
  if (!given) return undefined;
  // Event regressors mark days (or their hours); a week or a month holds a varying share of an event.
  if (freq !== "hourly" && freq !== "daily") {
    throw new Error(
      `--holidays, --events, --shopping-days: calendar effects need --freq hourly or daily, not ${freq}`,
    );
  }
  const settings = {
    holidays: holidays(raw.holidays),
    shoppingDays: raw.shoppingDays === true,
    lead: eventDays("--event-lead", raw.eventLead),
    lag: eventDays("--event-lag", raw.eventLag),
  };
  let userEvents: CalendarEvent[] = [];
  if (raw.events !== undefined) {
    if (raw.events.trim() === "") throw new Error("--events: give an events file (name,market,start,end)");
    try {
      userEvents = await readEventsFile(raw.events);
    } catch (error) {
      throw new Error(`--events: ${(error as Error).message}`);
    }
  }
  return { ...settings, userEvents };
}

/**
 * Adds the calendar flags to a command (`avails forecast`, `avails backtest`); parseCalendarFlags reads them.
 *
 * @example addCalendarOptions(program.command("forecast")).action(async (options) => parseCalendarFlags(options, options.freq));
 */
export function addCalendarOptions(command: Command): Command {
  return command
    .option(
      "--holidays <market>",
      "learn public holiday effects: auto (geo=XX of each unique_id), a market code (e.g. SE), or none",
    )
    .option("--events <file>", "learn the effects of your own events: CSV name,market,start,end")
    .option(
      "--shopping-days",
      "learn the effects of Black Friday, Cyber Monday, Christmas and New Year's Eve",
    )
    .option("--event-lead <days>", `days before each event with effects of their own (0-${MAX_EVENT_DAYS})`)
    .option("--event-lag <days>", `days after each event with effects of their own (0-${MAX_EVENT_DAYS})`);
}
