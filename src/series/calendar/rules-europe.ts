/*
 * National public holidays of the European markets, current law, with the changes of recent decades that
 * move a date. Regional holidays (German Länder, Spanish communities, ...) are left out; add them with the
 * events file.
 */
import { daysFromCivil, weekdayOfDays } from "../civil-date.js";
import { between, byRule, easterOffset, fixed, type HolidayRule, nth, once } from "./holiday-rule.js";
import { MONDAY, nthWeekday, SATURDAY, SUNDAY, weekdayOnOrAfter } from "./weekday-rules.js";

const NEW_YEAR = fixed("new_year", "New Year's Day", 1, 1);
const EPIPHANY = fixed("epiphany", "Epiphany", 1, 6);
const MAUNDY_THURSDAY = easterOffset("maundy_thursday", "Maundy Thursday", -3);
const GOOD_FRIDAY = easterOffset("good_friday", "Good Friday", -2);
const EASTER_SUNDAY = easterOffset("easter_sunday", "Easter Sunday", 0);
const EASTER_MONDAY = easterOffset("easter_monday", "Easter Monday", 1);
const LABOUR_DAY = fixed("labour_day", "Labour Day", 5, 1);
const ASCENSION = easterOffset("ascension", "Ascension Day", 39);
const WHIT_SUNDAY = easterOffset("whit_sunday", "Whit Sunday", 49);
const WHIT_MONDAY = easterOffset("whit_monday", "Whit Monday", 50);
const ASSUMPTION = fixed("assumption", "Assumption Day", 8, 15);
const ALL_SAINTS = fixed("all_saints", "All Saints' Day", 11, 1);
const IMMACULATE_CONCEPTION = fixed("immaculate_conception", "Immaculate Conception", 12, 8);
// Christmas Eve and New Year's Eve are de facto days off in the Nordic countries (shops and offices close),
// as Midsummer Eve is in Sweden.
const CHRISTMAS_EVE = fixed("christmas_eve", "Christmas Eve", 12, 24);
const NEW_YEARS_EVE = fixed("new_years_eve", "New Year's Eve", 12, 31);
const CHRISTMAS = fixed("christmas", "Christmas Day", 12, 25);
const SECOND_CHRISTMAS_DAY = fixed("second_christmas_day", "Second Day of Christmas", 12, 26);

const SPRING_BANK_HOLIDAY_MOVED: Readonly<Record<number, readonly [number, number]>> = {
  2002: [6, 4],
  2012: [6, 4],
  2022: [6, 2],
};

/** England and Wales bank holidays (Scotland and Northern Ireland add their own). */
const GB: readonly HolidayRule[] = [
  NEW_YEAR,
  GOOD_FRIDAY,
  EASTER_MONDAY,
  // Moved to May 8 for the 50th and 75th anniversaries of VE Day.
  byRule("early_may_bank_holiday", "Early May Bank Holiday", (year) =>
    year === 1995 || year === 2020 ? daysFromCivil(year, 5, 8) : nthWeekday(year, 5, MONDAY, 1),
  ),
  // Moved next to the Golden, Diamond and Platinum Jubilees.
  byRule("spring_bank_holiday", "Spring Bank Holiday", (year) => {
    const moved = SPRING_BANK_HOLIDAY_MOVED[year];
    return moved === undefined ? nthWeekday(year, 5, MONDAY, -1) : daysFromCivil(year, moved[0], moved[1]);
  }),
  nth("summer_bank_holiday", "Summer Bank Holiday", 8, MONDAY, -1),
  CHRISTMAS,
  fixed("boxing_day", "Boxing Day", 12, 26),
  once("millennium", "Millennium Celebrations", 1999, 12, 31),
  once("golden_jubilee", "Golden Jubilee Bank Holiday", 2002, 6, 3),
  once("royal_wedding", "Royal Wedding", 2011, 4, 29),
  once("diamond_jubilee", "Diamond Jubilee Bank Holiday", 2012, 6, 5),
  once("platinum_jubilee", "Platinum Jubilee Bank Holiday", 2022, 6, 3),
  once("state_funeral", "State Funeral of Queen Elizabeth II", 2022, 9, 19),
  once("coronation", "Coronation of King Charles III", 2023, 5, 8),
];

const DE: readonly HolidayRule[] = [
  NEW_YEAR,
  GOOD_FRIDAY,
  EASTER_MONDAY,
  LABOUR_DAY,
  ASCENSION,
  WHIT_MONDAY,
  fixed("unity_day", "German Unity Day", 10, 3),
  once("reformation_day", "Reformation Day (500th anniversary)", 2017, 10, 31),
  CHRISTMAS,
  SECOND_CHRISTMAS_DAY,
];

const FR: readonly HolidayRule[] = [
  NEW_YEAR,
  EASTER_MONDAY,
  LABOUR_DAY,
  fixed("victory_day", "Victory in Europe Day", 5, 8),
  ASCENSION,
  // A working "day of solidarity" 2005-2007; a holiday again since, though many employers keep it worked.
  byRule("whit_monday", "Whit Monday", (year, easter) =>
    year >= 2005 && year <= 2007 ? undefined : WHIT_MONDAY.day(year, easter),
  ),
  fixed("bastille_day", "Bastille Day", 7, 14),
  ASSUMPTION,
  ALL_SAINTS,
  fixed("armistice_day", "Armistice Day", 11, 11),
  CHRISTMAS,
];

const ES: readonly HolidayRule[] = [
  NEW_YEAR,
  EPIPHANY,
  GOOD_FRIDAY,
  LABOUR_DAY,
  ASSUMPTION,
  fixed("national_day", "Hispanic Day", 10, 12),
  ALL_SAINTS,
  fixed("constitution_day", "Constitution Day", 12, 6),
  IMMACULATE_CONCEPTION,
  CHRISTMAS,
];

const IT: readonly HolidayRule[] = [
  NEW_YEAR,
  EPIPHANY,
  EASTER_MONDAY,
  fixed("liberation_day", "Liberation Day", 4, 25),
  LABOUR_DAY,
  // Kept on the first Sunday of June 1977-2000.
  byRule("republic_day", "Republic Day", (year) =>
    year >= 1977 && year <= 2000 ? nthWeekday(year, 6, SUNDAY, 1) : daysFromCivil(year, 6, 2),
  ),
  ASSUMPTION,
  between(fixed("st_francis_day", "St. Francis of Assisi, Patron Saint of Italy", 10, 4), 2026),
  ALL_SAINTS,
  IMMACULATE_CONCEPTION,
  CHRISTMAS,
  fixed("st_stephens_day", "St. Stephen's Day", 12, 26),
];

const SE: readonly HolidayRule[] = [
  NEW_YEAR,
  EPIPHANY,
  GOOD_FRIDAY,
  EASTER_MONDAY,
  LABOUR_DAY,
  ASCENSION,
  // National Day replaced Whit Monday as a day off in 2005.
  between(WHIT_MONDAY, 1900, 2004),
  between(fixed("national_day", "National Day of Sweden", 6, 6), 2005),
  // Midsummer Eve is the Friday between June 19 and 25, Midsummer Day the Saturday after it.
  byRule("midsummer_eve", "Midsummer Eve", (year) => weekdayOnOrAfter(daysFromCivil(year, 6, 19), 5)),
  byRule("midsummer_day", "Midsummer Day", (year) => weekdayOnOrAfter(daysFromCivil(year, 6, 20), SATURDAY)),
  // All Saints' Day is the Saturday between October 31 and November 6.
  byRule("all_saints", "All Saints' Day", (year) => weekdayOnOrAfter(daysFromCivil(year, 10, 31), SATURDAY)),
  CHRISTMAS_EVE,
  CHRISTMAS,
  SECOND_CHRISTMAS_DAY,
  NEW_YEARS_EVE,
];

const NO: readonly HolidayRule[] = [
  NEW_YEAR,
  MAUNDY_THURSDAY,
  GOOD_FRIDAY,
  EASTER_SUNDAY,
  EASTER_MONDAY,
  LABOUR_DAY,
  fixed("constitution_day", "Constitution Day", 5, 17),
  ASCENSION,
  WHIT_SUNDAY,
  WHIT_MONDAY,
  CHRISTMAS_EVE,
  CHRISTMAS,
  SECOND_CHRISTMAS_DAY,
];

const DK: readonly HolidayRule[] = [
  NEW_YEAR,
  MAUNDY_THURSDAY,
  GOOD_FRIDAY,
  EASTER_SUNDAY,
  EASTER_MONDAY,
  // The fourth Friday after Easter, abolished from 2024.
  between(easterOffset("great_prayer_day", "Great Prayer Day", 26), 1686, 2023),
  ASCENSION,
  WHIT_SUNDAY,
  WHIT_MONDAY,
  CHRISTMAS_EVE,
  CHRISTMAS,
  SECOND_CHRISTMAS_DAY,
];

/** King's Day (from 2014) and Queen's Day before it: a day earlier when the date is a Sunday. */
function royalDay(year: number): number {
  const date = year >= 2014 ? daysFromCivil(year, 4, 27) : daysFromCivil(year, 4, 30);
  return weekdayOfDays(date) === SUNDAY ? date - 1 : date;
}

const NL: readonly HolidayRule[] = [
  NEW_YEAR,
  GOOD_FRIDAY,
  EASTER_SUNDAY,
  EASTER_MONDAY,
  byRule("kings_day", "King's Day", (year) => (year >= 2014 ? royalDay(year) : undefined)),
  byRule("queens_day", "Queen's Day", (year) => (year < 2014 ? royalDay(year) : undefined)),
  // A national holiday every year, but a day off only in lustrum years (2020, 2025, ...).
  byRule("liberation_day", "Liberation Day", (year) =>
    year % 5 === 0 ? daysFromCivil(year, 5, 5) : undefined,
  ),
  ASCENSION,
  WHIT_SUNDAY,
  WHIT_MONDAY,
  CHRISTMAS,
  SECOND_CHRISTMAS_DAY,
];

/** The European markets' rules by ISO 3166-1 code. */
export const EUROPE_RULES: Readonly<Record<string, readonly HolidayRule[]>> = {
  GB,
  DE,
  FR,
  ES,
  IT,
  SE,
  NO,
  DK,
  NL,
};
