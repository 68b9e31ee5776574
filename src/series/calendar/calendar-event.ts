/** A dated event of a market's calendar: a holiday, or a user's event (a sale, a sports final, Diwali). */
export interface CalendarEvent {
  /**
   * What the event's regressor column is named by: every occurrence of the same id shares one column, so
   * its effect is learned across years. Built-in holidays have snake_case ids ("christmas"); user events
   * take theirs from the name (see eventId).
   */
  readonly id: string;
  readonly name: string;
  /** ISO 3166-1 alpha-2 code, upper case, or "*" for every market. */
  readonly market: string;
  /** First local date, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last local date, `YYYY-MM-DD`, inclusive (the same as start for a one-day event). */
  readonly end: string;
}

/**
 * The id of an event name: lower case, every run of characters other than letters and digits an underscore.
 *
 * @example
 * eventId("Super Bowl LX"); // "super_bowl_lx"
 * eventId("Diwali (Deepavali)"); // "diwali_deepavali"
 */
export function eventId(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
}
