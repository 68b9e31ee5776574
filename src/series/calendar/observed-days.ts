import { weekdayOfDays } from "../civil-date.js";
import type { DatedHoliday } from "./japan-substitute-days.js";
import { SATURDAY, SUNDAY } from "./weekday-rules.js";

/** How a market gives a day off for a holiday on a weekend. */
export type ObservedRule = "us" | "gb";

/**
 * The weekdays off that stand in for fixed-date holidays on a weekend, as id "substitute_holiday" (the same
 * id as Japan's, so one regressor learns the effect of an extra day off) and the holiday's name with
 * "(observed)":
 * - "us" (federal): a Saturday holiday is observed on the Friday before, a Sunday one on the Monday after;
 * - "gb" (substitute bank holidays): the next weekday that is neither a holiday nor already a substitute,
 *   so Christmas on a Saturday gives Monday 27 and Boxing Day on the Sunday Tuesday 28.
 * Only holidays whose id is in `ids` qualify; the result may fall outside the holidays' year (New Year's Day
 * on a Saturday is observed on December 31 in the US).
 *
 * @example
 * observedDays("us", [{ id: "independence_day", name: "Independence Day", day: daysFromCivil(2026, 7, 4) }], new Set(["independence_day"]));
 * // [{ id: "substitute_holiday", name: "Independence Day (observed)", day: daysFromCivil(2026, 7, 3) }]
 */
export function observedDays(
  rule: ObservedRule,
  holidays: readonly DatedHoliday[],
  ids: ReadonlySet<string>,
): DatedHoliday[] {
  const isHoliday = new Set(holidays.map((h) => h.day));
  const taken = new Set<number>();
  const added: DatedHoliday[] = [];
  for (const holiday of holidays) {
    const weekday = weekdayOfDays(holiday.day);
    if (!ids.has(holiday.id) || (weekday !== SATURDAY && weekday !== SUNDAY)) continue;
    let day: number;
    if (rule === "us") {
      day = weekday === SATURDAY ? holiday.day - 1 : holiday.day + 1;
    } else {
      day = holiday.day + 1;
      while (
        weekdayOfDays(day) === SATURDAY ||
        weekdayOfDays(day) === SUNDAY ||
        isHoliday.has(day) ||
        taken.has(day)
      ) {
        day++;
      }
    }
    taken.add(day);
    added.push({ id: "substitute_holiday", name: `${holiday.name} (observed)`, day });
  }
  return added;
}
