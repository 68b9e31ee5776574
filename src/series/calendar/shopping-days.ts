import { daysFromCivil } from "../civil-date.js";
import type { DatedHoliday } from "./japan-substitute-days.js";
import { nthWeekday, THURSDAY } from "./weekday-rules.js";

/**
 * The global shopping days of a year that ad traffic and ad demand follow in every market, public holidays
 * or not: Black Friday (the day after US Thanksgiving, the fourth Thursday of November), Cyber Monday (the
 * Monday after it), Christmas Eve, Christmas Day, New Year's Eve and New Year's Day.
 *
 * @example
 * shoppingDays(2026).map((h) => h.id); // ["new_year", "black_friday", "cyber_monday", "christmas_eve", ...]
 */
export function shoppingDays(year: number): DatedHoliday[] {
  const thanksgiving = nthWeekday(year, 11, THURSDAY, 4);
  return [
    { id: "new_year", name: "New Year's Day", day: daysFromCivil(year, 1, 1) },
    { id: "black_friday", name: "Black Friday", day: thanksgiving + 1 },
    { id: "cyber_monday", name: "Cyber Monday", day: thanksgiving + 4 },
    { id: "christmas_eve", name: "Christmas Eve", day: daysFromCivil(year, 12, 24) },
    { id: "christmas", name: "Christmas Day", day: daysFromCivil(year, 12, 25) },
    { id: "new_years_eve", name: "New Year's Eve", day: daysFromCivil(year, 12, 31) },
  ];
}
