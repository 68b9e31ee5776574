import { civilFromDays, weekdayOfDays } from "../civil-date.js";
import { SUNDAY } from "./weekday-rules.js";

/** A holiday's id, name and day number. */
export interface DatedHoliday {
  readonly id: string;
  readonly name: string;
  readonly day: number;
}

/**
 * The days off that Japan's Public Holiday Law adds to the national holidays of a year, sorted by day:
 * - a substitute holiday (furikae kyūjitsu) when a holiday falls on a Sunday: from 2007 the next day that is
 *   not a holiday, 1973-2006 the Monday after it when that Monday is not a holiday itself;
 * - a citizens' holiday (kokumin no kyūjitsu), from 1986: a day other than Sunday, not itself a holiday,
 *   between two holidays (May 4 until 2007, and the "silver week" of some Septembers).
 *
 * @example
 * japanSubstituteDays(nationalHolidaysOf2026).map((h) => isoDate(h.day)); // ["2026-05-06", "2026-09-22"]
 */
export function japanSubstituteDays(holidays: readonly DatedHoliday[]): DatedHoliday[] {
  const isHoliday = new Set(holidays.map((h) => h.day));
  const added = new Map<number, DatedHoliday>();
  for (const { day } of holidays) {
    const year = civilFromDays(day).year;
    if (weekdayOfDays(day) === SUNDAY && year >= 1973) {
      let substitute = day + 1;
      if (year >= 2007) while (isHoliday.has(substitute)) substitute++;
      if (!isHoliday.has(substitute)) {
        added.set(substitute, { id: "substitute_holiday", name: "Substitute Holiday", day: substitute });
      }
    }
  }
  for (const { day } of holidays) {
    const between = day + 1;
    if (
      civilFromDays(day).year >= 1986 &&
      isHoliday.has(day + 2) &&
      !isHoliday.has(between) &&
      !added.has(between) &&
      weekdayOfDays(between) !== SUNDAY
    ) {
      added.set(between, { id: "citizens_holiday", name: "Citizens' Holiday", day: between });
    }
  }
  return [...added.values()].sort((a, b) => a.day - b.day);
}
