import { civilFromDays, isoDate, parseIsoDate } from "../civil-date.js";
import { easterSunday } from "./easter-sunday.js";
import type { HolidayRule } from "./holiday-rule.js";
import { type DatedHoliday, japanSubstituteDays } from "./japan-substitute-days.js";
import { calendarMarket } from "./markets.js";
import { type ObservedRule, observedDays } from "./observed-days.js";
import { AMERICAS_RULES } from "./rules-americas.js";
import { ASIA_PACIFIC_RULES } from "./rules-asia-pacific.js";
import { EUROPE_RULES } from "./rules-europe.js";
import { shoppingDays } from "./shopping-days.js";

/** A holiday of a market on a local calendar date. */
export interface Holiday {
  /** Stable snake_case id, the same in every market for the same feast ("christmas", "good_friday"). */
  readonly id: string;
  /** English name. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 code of the market. */
  readonly market: string;
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** "public": a public holiday or de facto day off; "shopping": a global shopping day (an option). */
  readonly kind: "public" | "shopping";
}

/** Which days a calendar has besides the public holidays. */
export interface HolidayOptions {
  /**
   * Add the global shopping days (Black Friday, Cyber Monday, Christmas Eve, New Year's Eve, and Christmas
   * Day and New Year's Day where they are no public holiday: Japan's Christmas, India's New Year), which
   * move ad traffic and demand in every market. Default false.
   */
  readonly shoppingDays?: boolean;
}

/** Years the rules are checked for: Japan's equinox formula holds 1900-2099. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

const RULES: Readonly<Record<string, readonly HolidayRule[]>> = {
  ...EUROPE_RULES,
  ...AMERICAS_RULES,
  ...ASIA_PACIFIC_RULES,
};

function checkYear(year: number, parameter: string): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new Error(`${parameter}: ${year} is not a year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  }
}

/** Markets that give a weekday off for some holidays on a weekend, and which holidays. */
const OBSERVED: Readonly<Record<string, { rule: ObservedRule; ids: ReadonlySet<string> }>> = {
  US: {
    rule: "us",
    ids: new Set(["new_year", "juneteenth", "independence_day", "veterans_day", "christmas"]),
  },
  GB: { rule: "gb", ids: new Set(["new_year", "christmas", "boxing_day"]) },
};

function nationalHolidays(market: string, year: number): DatedHoliday[] {
  const easter = easterSunday(year);
  const national: DatedHoliday[] = [];
  for (const rule of RULES[market]) {
    const day = rule.day(year, easter);
    if (day !== undefined) national.push({ id: rule.id, name: rule.name, day });
  }
  return national;
}

/** The weekdays off for the holidays of `year` and its neighbours that fall in `year`. */
function substituteDays(market: string, year: number, national: DatedHoliday[]): DatedHoliday[] {
  if (market === "JP") return japanSubstituteDays(national);
  const observed = OBSERVED[market];
  if (observed === undefined) return [];
  const around = [...nationalHolidays(market, year - 1), ...national, ...nationalHolidays(market, year + 1)];
  return observedDays(observed.rule, around, observed.ids).filter((h) => civilFromDays(h.day).year === year);
}

function holidaysOfYear(market: string, year: number, options: HolidayOptions): Holiday[] {
  const national = nationalHolidays(market, year);
  type Found = DatedHoliday & { kind: Holiday["kind"] };
  const found: Found[] = [...national, ...substituteDays(market, year, national)].map((h) => ({
    ...h,
    kind: "public",
  }));
  if (options.shoppingDays === true) {
    for (const h of shoppingDays(year)) {
      // A shopping day that is a public holiday of the market (Christmas in Germany) is listed once.
      if (!found.some((p) => p.id === h.id && p.day === h.day)) found.push({ ...h, kind: "shopping" });
    }
  }
  // Stable sort: holidays on one day keep the order of the rules.
  found.sort((a, b) => a.day - b.day);
  return found.map(({ id, name, day, kind }) => ({ id, name, market, date: isoDate(day), kind }));
}

/**
 * The holidays of a market in the years [fromYear, toYear], by date, computed by rule (current law, with
 * the dated changes each rule lists); years 1900-2099. Weekdays off standing in for a holiday on a weekend
 * (US observed days, UK substitute bank holidays, Japan's substitute and citizens' holidays) are included
 * with id "substitute_holiday" (Japan's sandwiched days: "citizens_holiday"). Throws an error naming the parameter for an unknown
 * market (see CALENDAR_MARKETS) or a year out of range.
 *
 * @example
 * holidays("US", 2026, 2026).find((h) => h.id === "thanksgiving")?.date; // "2026-11-26"
 * holidays("SE", 2026, 2026, { shoppingDays: true }).some((h) => h.id === "black_friday"); // true
 */
export function holidays(
  market: string,
  fromYear: number,
  toYear: number,
  options: HolidayOptions = {},
): Holiday[] {
  const code = calendarMarket(market);
  checkYear(fromYear, "fromYear");
  checkYear(toYear, "toYear");
  if (toYear < fromYear) throw new Error(`toYear: ${toYear} is before fromYear ${fromYear}`);
  const found: Holiday[] = [];
  for (let year = fromYear; year <= toYear; year++) found.push(...holidaysOfYear(code, year, options));
  return found;
}

/**
 * The holidays of a market from `fromDate` to `toDate` inclusive (`YYYY-MM-DD` local dates), by date.
 *
 * @example
 * holidaysBetween("GB", "2026-05-01", "2026-05-31").map((h) => h.date); // ["2026-05-04", "2026-05-25"]
 */
export function holidaysBetween(
  market: string,
  fromDate: string,
  toDate: string,
  options: HolidayOptions = {},
): Holiday[] {
  const from = parseIsoDate(fromDate);
  const to = parseIsoDate(toDate);
  if (Number.isNaN(from)) throw new Error(`fromDate: ${JSON.stringify(fromDate)} is not a date (YYYY-MM-DD)`);
  if (Number.isNaN(to)) throw new Error(`toDate: ${JSON.stringify(toDate)} is not a date (YYYY-MM-DD)`);
  if (to < from) throw new Error(`toDate: ${toDate} is before fromDate ${fromDate}`);
  const inYears = holidays(market, civilFromDays(from).year, civilFromDays(to).year, options);
  // ISO dates compare as strings.
  return inYears.filter((h) => h.date >= fromDate && h.date <= toDate);
}
