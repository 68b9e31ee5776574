/*
 * National public holidays of the markets in the Americas, current law, with the changes of recent decades
 * that move a date. US "observed" weekdays (a Saturday holiday observed on the Friday) are not generated.
 */
import { daysFromCivil } from "../civil-date.js";
import { between, byRule, easterOffset, fixed, type HolidayRule, nth } from "./holiday-rule.js";
import { MONDAY, nthWeekday, THURSDAY } from "./weekday-rules.js";

const NEW_YEAR = fixed("new_year", "New Year's Day", 1, 1);
const GOOD_FRIDAY = easterOffset("good_friday", "Good Friday", -2);
const LABOUR_DAY = fixed("labour_day", "Labour Day", 5, 1);
const CHRISTMAS = fixed("christmas", "Christmas Day", 12, 25);

/** US federal holidays. */
const US: readonly HolidayRule[] = [
  NEW_YEAR,
  between(nth("mlk_day", "Martin Luther King Jr. Day", 1, MONDAY, 3), 1986),
  nth("presidents_day", "Washington's Birthday", 2, MONDAY, 3),
  nth("memorial_day", "Memorial Day", 5, MONDAY, -1),
  between(fixed("juneteenth", "Juneteenth", 6, 19), 2021),
  fixed("independence_day", "Independence Day", 7, 4),
  nth("labor_day", "Labor Day", 9, MONDAY, 1),
  nth("columbus_day", "Columbus Day", 10, MONDAY, 2),
  fixed("veterans_day", "Veterans Day", 11, 11),
  nth("thanksgiving", "Thanksgiving", 11, THURSDAY, 4),
  CHRISTMAS,
];

/**
 * Brazil's national holidays, with Carnival (Monday and Tuesday before Ash Wednesday) and Corpus Christi:
 * optional days off nationally ("ponto facultativo"), but the country stops.
 */
const BR: readonly HolidayRule[] = [
  NEW_YEAR,
  easterOffset("carnival_monday", "Carnival Monday", -48),
  easterOffset("carnival_tuesday", "Carnival Tuesday", -47),
  GOOD_FRIDAY,
  fixed("tiradentes", "Tiradentes' Day", 4, 21),
  LABOUR_DAY,
  easterOffset("corpus_christi", "Corpus Christi", 60),
  fixed("independence_day", "Independence Day", 9, 7),
  fixed("our_lady_aparecida", "Our Lady of Aparecida", 10, 12),
  fixed("all_souls", "All Souls' Day", 11, 2),
  fixed("republic_day", "Proclamation of the Republic", 11, 15),
  between(fixed("black_consciousness_day", "Black Consciousness Day", 11, 20), 2024),
  CHRISTMAS,
];

/** A Monday holiday of Mexico's 2006 reform (from `since`), on its fixed date before. */
function mexicanMonday(
  id: string,
  name: string,
  month: number,
  n: number,
  fixedDay: number,
  since: number,
): HolidayRule {
  return byRule(id, name, (year) =>
    year >= since ? nthWeekday(year, month, MONDAY, n) : daysFromCivil(year, month, fixedDay),
  );
}

/** Mexico's statutory days off, with Holy Thursday and Good Friday (not statutory, but Semana Santa empties offices). */
const MX: readonly HolidayRule[] = [
  NEW_YEAR,
  mexicanMonday("constitution_day", "Constitution Day", 2, 1, 5, 2006),
  mexicanMonday("benito_juarez_day", "Benito Juárez's Birthday", 3, 3, 21, 2007),
  easterOffset("maundy_thursday", "Maundy Thursday", -3),
  GOOD_FRIDAY,
  LABOUR_DAY,
  fixed("independence_day", "Independence Day", 9, 16),
  // The presidential inauguration, every six years: October 1 from 2024, December 1 before.
  byRule("inauguration_day", "Presidential Inauguration", (year) => {
    if ((year - 2024) % 6 !== 0) return undefined;
    return year >= 2024 ? daysFromCivil(year, 10, 1) : daysFromCivil(year, 12, 1);
  }),
  mexicanMonday("revolution_day", "Revolution Day", 11, 3, 20, 2007),
  CHRISTMAS,
];

/** The American markets' rules by ISO 3166-1 code. */
export const AMERICAS_RULES: Readonly<Record<string, readonly HolidayRule[]>> = { US, BR, MX };
