import { daysFromCivil, weekdayOfDays } from "./civil-date.js";

/** A public holiday or shopping day and its effect on traffic. */
export interface Holiday {
  id: string;
  name: string;
  /** Multiplier of a normal day's traffic by device name; devices not listed are unchanged. */
  effect: Readonly<Record<string, number>>;
}

// Effects: offices close (desktop down), people stay home (TV, tablet, speakers up).
const DAY_OFF = { mobile: 1.04, desktop: 0.62, smart_speaker: 1.1, connected_tv: 1.15, tablet: 1.12 };

const CHRISTMAS: Holiday = {
  id: "christmas",
  name: "Christmas Day",
  effect: { mobile: 1.02, desktop: 0.6, smart_speaker: 1.25, connected_tv: 1.2, tablet: 1.3 },
};
const NEW_YEAR: Holiday = {
  id: "new_year",
  name: "New Year's Day",
  effect: { mobile: 0.95, desktop: 0.6, smart_speaker: 0.95, connected_tv: 1.15, tablet: 1.1 },
};
const BLACK_FRIDAY: Holiday = {
  id: "black_friday",
  name: "Black Friday",
  effect: { mobile: 1.15, desktop: 1.18, smart_speaker: 1.05, connected_tv: 1.05, tablet: 1.15 },
};
const THANKSGIVING: Holiday = {
  id: "thanksgiving",
  name: "Thanksgiving",
  effect: { mobile: 0.95, desktop: 0.55, smart_speaker: 1.1, connected_tv: 1.3, tablet: 1.1 },
};
const BOXING_DAY: Holiday = {
  id: "boxing_day",
  name: "Boxing Day",
  effect: { mobile: 1.1, desktop: 0.7, smart_speaker: 1.1, connected_tv: 1.15, tablet: 1.2 },
};
const MIDSUMMER_EVE: Holiday = {
  id: "midsummer_eve",
  name: "Midsummer Eve",
  // Swedes celebrate outdoors: everything drops, screens most.
  effect: { mobile: 0.8, desktop: 0.45, smart_speaker: 0.75, connected_tv: 0.65, tablet: 0.75 },
};

/** Fourth Thursday of November (US Thanksgiving), as a day number. */
function thanksgivingDay(year: number): number {
  const nov1 = daysFromCivil(year, 11, 1);
  return nov1 + ((4 - weekdayOfDays(nov1) + 7) % 7) + 21;
}

/** The one market-specific holiday of each market, by rule. */
const MARKET_HOLIDAYS: Readonly<Record<string, (year: number) => { day: number; holiday: Holiday }>> = {
  US: (y) => ({ day: thanksgivingDay(y), holiday: THANKSGIVING }),
  GB: (y) => ({ day: daysFromCivil(y, 12, 26), holiday: BOXING_DAY }),
  DE: (y) => ({
    day: daysFromCivil(y, 10, 3),
    holiday: { id: "unity_day", name: "German Unity Day", effect: DAY_OFF },
  }),
  FR: (y) => ({
    day: daysFromCivil(y, 7, 14),
    holiday: { id: "bastille_day", name: "Bastille Day", effect: DAY_OFF },
  }),
  SE: (y) => {
    // Midsummer Eve: the Friday between June 19 and 25.
    const jun19 = daysFromCivil(y, 6, 19);
    return { day: jun19 + ((5 - weekdayOfDays(jun19) + 7) % 7), holiday: MIDSUMMER_EVE };
  },
  BR: (y) => ({
    day: daysFromCivil(y, 9, 7),
    holiday: { id: "independence_day", name: "Independence Day", effect: DAY_OFF },
  }),
  MX: (y) => ({
    day: daysFromCivil(y, 9, 16),
    holiday: { id: "independence_day", name: "Independence Day", effect: DAY_OFF },
  }),
  JP: (y) => ({
    day: daysFromCivil(y, 11, 3),
    holiday: { id: "culture_day", name: "Culture Day", effect: DAY_OFF },
  }),
  AU: (y) => ({
    day: daysFromCivil(y, 1, 26),
    holiday: { id: "australia_day", name: "Australia Day", effect: DAY_OFF },
  }),
  IN: (y) => ({
    day: daysFromCivil(y, 1, 26),
    holiday: { id: "republic_day", name: "Republic Day", effect: DAY_OFF },
  }),
};

/**
 * The holidays of a market on a local calendar date: Christmas Day, New Year's Day and Black Friday (the day
 * after the fourth Thursday of November: US-led, but retailers advertise everywhere) in every market, plus
 * the market's own holiday. Computed by rule, so any year works.
 *
 * @example
 * holidaysOn("US", 2026, 11, 27).map((h) => h.id); // ["black_friday"]
 */
export function holidaysOn(geo: string, year: number, month: number, day: number): Holiday[] {
  const found: Holiday[] = [];
  if (month === 12 && day === 25) found.push(CHRISTMAS);
  if (month === 1 && day === 1) found.push(NEW_YEAR);
  const date = daysFromCivil(year, month, day);
  if (month === 11 && date === thanksgivingDay(year) + 1) found.push(BLACK_FRIDAY);
  const own = MARKET_HOLIDAYS[geo]?.(year);
  if (own && own.day === date) found.push(own.holiday);
  return found;
}
