import { daysFromCivil } from "../civil-date.js";
import { nthWeekday } from "./weekday-rules.js";

/**
 * How a holiday's date follows from the year: its day number, or undefined in years without it.
 * `easter` is the year's Easter Sunday (day number), computed once per year for all rules.
 */
export type HolidayDay = (year: number, easter: number) => number | undefined;

/** A holiday of a market's calendar, by rule. */
export interface HolidayRule {
  /** Stable snake_case id, the same in every market for the same feast (e.g. "christmas"). */
  readonly id: string;
  readonly name: string;
  readonly day: HolidayDay;
}

/**
 * A rule for the years [since, until] only (laws change: Juneteenth from 2021, Denmark's Great Prayer Day
 * until 2023).
 *
 * @example
 * const juneteenth = between(fixed("juneteenth", "Juneteenth", 6, 19), 2021);
 */
export function between(rule: HolidayRule, since: number, until = Number.POSITIVE_INFINITY): HolidayRule {
  return {
    ...rule,
    day: (year, easter) => (year >= since && year <= until ? rule.day(year, easter) : undefined),
  };
}

/**
 * A holiday on the same date every year.
 *
 * @example
 * fixed("christmas", "Christmas Day", 12, 25);
 */
export function fixed(id: string, name: string, month: number, day: number): HolidayRule {
  return { id, name, day: (year) => daysFromCivil(year, month, day) };
}

/**
 * A holiday `offset` days after Easter Sunday (negative before it): Good Friday -2, Easter Monday 1,
 * Ascension 39, Whit Monday 50, Corpus Christi 60.
 *
 * @example
 * easterOffset("good_friday", "Good Friday", -2);
 */
export function easterOffset(id: string, name: string, offset: number): HolidayRule {
  return { id, name, day: (_year, easter) => easter + offset };
}

/**
 * A holiday on the `n`th `weekday` (0 = Sunday) of a month; n = -1 for the last.
 *
 * @example
 * nth("memorial_day", "Memorial Day", 5, MONDAY, -1);
 */
export function nth(id: string, name: string, month: number, weekday: number, n: number): HolidayRule {
  return { id, name, day: (year) => nthWeekday(year, month, weekday, n) };
}

/**
 * A holiday whose date needs its own rule (moved in given years, or a weekday window).
 *
 * @example
 * byRule("kings_day", "King's Day", (year) => daysFromCivil(year, 4, 27));
 */
export function byRule(id: string, name: string, day: HolidayDay): HolidayRule {
  return { id, name, day };
}

/** Holidays that happened once (a jubilee, a state funeral): a rule that is empty in other years. */
export function once(id: string, name: string, year: number, month: number, day: number): HolidayRule {
  const date = daysFromCivil(year, month, day);
  return { id, name, day: (y) => (y === year ? date : undefined) };
}
