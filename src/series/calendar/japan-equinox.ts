import { daysFromCivil } from "../civil-date.js";

/**
 * The day of March (vernal) or September (autumnal) of Japan's equinox holidays by the approximation the
 * National Astronomical Observatory of Japan's ephemeris is usually summarised by: a mean tropical year of
 * 0.242194 days past 365 with the leap-year correction, anchored in 1980, valid for 1900-2099.
 * The holidays are fixed each February by the observatory's almanac; the formula agrees with it over the
 * valid range.
 */
function equinoxDay(base1900: number, base1980: number, year: number): number {
  if (!(year >= 1900 && year <= 2099)) throw new RangeError(`year: ${year} is outside 1900-2099`);
  const offset = year - 1980;
  const base = year <= 1979 ? base1900 : base1980;
  // The leap-day count truncates towards zero (the formula's integer division), before 1983 too.
  const leapDays = Math.trunc((year <= 1979 ? year - 1983 : offset) / 4);
  return Math.floor(base + 0.242194 * offset - leapDays);
}

/**
 * Japan's Vernal Equinox Day (shunbun no hi) as a day number; `year` in 1900-2099.
 *
 * @example
 * isoDate(vernalEquinoxDay(2026)); // "2026-03-20"
 */
export function vernalEquinoxDay(year: number): number {
  return daysFromCivil(year, 3, equinoxDay(20.8357, 20.8431, year));
}

/**
 * Japan's Autumnal Equinox Day (shūbun no hi) as a day number; `year` in 1900-2099.
 *
 * @example
 * isoDate(autumnalEquinoxDay(2026)); // "2026-09-23"
 */
export function autumnalEquinoxDay(year: number): number {
  return daysFromCivil(year, 9, equinoxDay(23.2588, 23.2488, year));
}
