import { daysFromCivil } from "../civil-date.js";

/**
 * Easter Sunday of a Gregorian year, as a day number (days since 1970-01-01), by the Anonymous Gregorian
 * algorithm (the "Meeus/Jones/Butcher" computus: an anonymous correspondent to Nature, 1876; J. Meeus,
 * Astronomical Algorithms, 2nd ed., 1998, ch. 8). Exact for every Gregorian year (1583 on).
 *
 * @example
 * isoDate(easterSunday(2026)); // "2026-04-05"
 */
export function easterSunday(year: number): number {
  const golden = year % 19; // the year's place in the 19-year Metonic cycle
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const leapCenturies = Math.floor(century / 4);
  const centuryRemainder = century % 4;
  const lunarCorrection = Math.floor((century + 8) / 25);
  const solarCorrection = Math.floor((century - lunarCorrection + 1) / 3);
  // Days from March 21 to the paschal full moon (the epact, corrected for the century).
  const fullMoon = (19 * golden + century - leapCenturies - solarCorrection + 15) % 30;
  const leapYears = Math.floor(yearOfCentury / 4);
  const yearRemainder = yearOfCentury % 4;
  // Days from the full moon to the following Sunday.
  const toSunday = (32 + 2 * centuryRemainder + 2 * leapYears - fullMoon - yearRemainder) % 7;
  const exception = Math.floor((golden + 11 * fullMoon + 22 * toSunday) / 451);
  const marchDay = fullMoon + toSunday - 7 * exception + 114;
  return daysFromCivil(year, Math.floor(marchDay / 31), (marchDay % 31) + 1);
}
