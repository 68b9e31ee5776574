/*
 * The demo's civil-date helpers now live in src/series (calendars need them, and runtime modules do not
 * import from src/demo); this re-export keeps the generator's imports unchanged.
 */

export type { CivilDate } from "../series/civil-date.js";
export {
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  HOUR_MS,
  isoDate,
  weekdayOfDays,
} from "../series/civil-date.js";
