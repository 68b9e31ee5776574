/*
 * National public holidays of Japan, Australia and India. Japan's substitute and citizens' holidays follow
 * from these in japan-substitute-days.ts. India's lunar and lunisolar festivals (Diwali, Holi, Eid, Dussehra)
 * are set by almanacs and moon sightings each year, not by a simple rule: add them with the events file.
 */
import { daysFromCivil } from "../civil-date.js";
import { between, byRule, easterOffset, fixed, type HolidayRule, once } from "./holiday-rule.js";
import { autumnalEquinoxDay, vernalEquinoxDay } from "./japan-equinox.js";
import { MONDAY, nthWeekday } from "./weekday-rules.js";

const NEW_YEAR = fixed("new_year", "New Year's Day", 1, 1);
const GOOD_FRIDAY = easterOffset("good_friday", "Good Friday", -2);
const CHRISTMAS = fixed("christmas", "Christmas Day", 12, 25);

/**
 * A Japanese holiday on a fixed date until the "Happy Monday" law moved it to the `n`th Monday of its month
 * (from `mondaysFrom`), moved again in the Olympic years 2020 and 2021.
 */
function happyMonday(
  id: string,
  name: string,
  month: number,
  n: number,
  since: number,
  fixedDay: number,
  mondaysFrom: number,
  olympic: Readonly<Record<number, readonly [number, number]>> = {},
): HolidayRule {
  return byRule(id, name, (year) => {
    if (year < since) return undefined;
    const moved = olympic[year];
    if (moved !== undefined) return daysFromCivil(year, moved[0], moved[1]);
    return year >= mondaysFrom ? nthWeekday(year, month, MONDAY, n) : daysFromCivil(year, month, fixedDay);
  });
}

/** Japan's national holidays (kokumin no shukujitsu), from 1948. */
const JP: readonly HolidayRule[] = [
  NEW_YEAR,
  happyMonday("coming_of_age_day", "Coming of Age Day", 1, 2, 1949, 15, 2000),
  between(fixed("national_foundation_day", "National Foundation Day", 2, 11), 1967),
  byRule("emperors_birthday", "The Emperor's Birthday", (year) => {
    if (year >= 2020) return daysFromCivil(year, 2, 23);
    if (year >= 1989 && year <= 2018) return daysFromCivil(year, 12, 23);
    return year < 1989 ? daysFromCivil(year, 4, 29) : undefined;
  }),
  byRule("vernal_equinox_day", "Vernal Equinox Day", vernalEquinoxDay),
  // April 29: Greenery Day 1989-2006, Shōwa Day since (the Emperor's Birthday before 1989).
  byRule("greenery_day", "Greenery Day", (year) => {
    if (year >= 2007) return daysFromCivil(year, 5, 4);
    return year >= 1989 ? daysFromCivil(year, 4, 29) : undefined;
  }),
  between(fixed("showa_day", "Shōwa Day", 4, 29), 2007),
  fixed("constitution_day", "Constitution Memorial Day", 5, 3),
  fixed("childrens_day", "Children's Day", 5, 5),
  happyMonday("marine_day", "Marine Day", 7, 3, 1996, 20, 2003, { 2020: [7, 23], 2021: [7, 22] }),
  // August 11 from 2016, moved in the Olympic years.
  byRule("mountain_day", "Mountain Day", (year) => {
    if (year === 2020) return daysFromCivil(2020, 8, 10);
    if (year === 2021) return daysFromCivil(2021, 8, 8);
    return year >= 2016 ? daysFromCivil(year, 8, 11) : undefined;
  }),
  happyMonday("respect_for_aged_day", "Respect for the Aged Day", 9, 3, 1966, 15, 2003),
  byRule("autumnal_equinox_day", "Autumnal Equinox Day", autumnalEquinoxDay),
  happyMonday("sports_day", "Sports Day", 10, 2, 1966, 10, 2000, { 2020: [7, 24], 2021: [7, 23] }),
  fixed("culture_day", "Culture Day", 11, 3),
  fixed("labour_thanksgiving_day", "Labour Thanksgiving Day", 11, 23),
  once("enthronement_day", "Enthronement Day", 2019, 5, 1),
  once("enthronement_ceremony", "Enthronement Ceremony Day", 2019, 10, 22),
];

/**
 * Australia's national public holidays, with the monarch's birthday of every state but Queensland and
 * Western Australia (state-only days such as Labour Day and Melbourne Cup are left out).
 */
const AU: readonly HolidayRule[] = [
  NEW_YEAR,
  fixed("australia_day", "Australia Day", 1, 26),
  GOOD_FRIDAY,
  easterOffset("easter_monday", "Easter Monday", 1),
  fixed("anzac_day", "Anzac Day", 4, 25),
  byRule("kings_birthday", "King's Birthday", (year) =>
    year >= 2023 ? nthWeekday(year, 6, MONDAY, 2) : undefined,
  ),
  byRule("queens_birthday", "Queen's Birthday", (year) =>
    year < 2023 ? nthWeekday(year, 6, MONDAY, 2) : undefined,
  ),
  CHRISTMAS,
  fixed("boxing_day", "Boxing Day", 12, 26),
  once("day_of_mourning", "National Day of Mourning for Queen Elizabeth II", 2022, 9, 22),
];

/** India's gazetted holidays that follow the Gregorian calendar. */
const IN: readonly HolidayRule[] = [
  fixed("republic_day", "Republic Day", 1, 26),
  GOOD_FRIDAY,
  fixed("independence_day", "Independence Day", 8, 15),
  fixed("gandhi_jayanti", "Gandhi Jayanti", 10, 2),
  CHRISTMAS,
];

/** The Asia-Pacific markets' rules by ISO 3166-1 code. */
export const ASIA_PACIFIC_RULES: Readonly<Record<string, readonly HolidayRule[]>> = { JP, AU, IN };
