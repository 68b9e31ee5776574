/** A market with a built-in holiday calendar. */
export interface CalendarMarket {
  /** ISO 3166-1 alpha-2 code, upper case. */
  readonly code: string;
  readonly name: string;
  /**
   * The IANA time zone whose local days the holidays fall on in hourly series (the capital's, or the most
   * populous zone's for countries with several).
   */
  readonly timeZone: string;
}

/**
 * The markets with built-in holidays, by code.
 *
 * @example
 * CALENDAR_MARKETS.get("SE")?.timeZone; // "Europe/Stockholm"
 */
export const CALENDAR_MARKETS: ReadonlyMap<string, CalendarMarket> = new Map(
  (
    [
      ["US", "United States", "America/New_York"],
      ["GB", "United Kingdom", "Europe/London"],
      ["DE", "Germany", "Europe/Berlin"],
      ["FR", "France", "Europe/Paris"],
      ["ES", "Spain", "Europe/Madrid"],
      ["IT", "Italy", "Europe/Rome"],
      ["SE", "Sweden", "Europe/Stockholm"],
      ["NO", "Norway", "Europe/Oslo"],
      ["DK", "Denmark", "Europe/Copenhagen"],
      ["NL", "Netherlands", "Europe/Amsterdam"],
      ["BR", "Brazil", "America/Sao_Paulo"],
      ["MX", "Mexico", "America/Mexico_City"],
      ["JP", "Japan", "Asia/Tokyo"],
      ["AU", "Australia", "Australia/Sydney"],
      ["IN", "India", "Asia/Kolkata"],
    ] as const
  ).map(([code, name, timeZone]) => [code, { code, name, timeZone }]),
);

/**
 * A market code in upper case, or an Error naming the parameter and the accepted values.
 *
 * @example
 * calendarMarket("se"); // "SE"
 * calendarMarket("XX"); // Error: market: "XX" has no built-in calendar (US, GB, ...)
 */
export function calendarMarket(market: string, parameter = "market"): string {
  const code = typeof market === "string" ? market.toUpperCase() : "";
  if (!CALENDAR_MARKETS.has(code)) {
    throw new Error(
      `${parameter}: ${JSON.stringify(market)} has no built-in calendar (${[...CALENDAR_MARKETS.keys()].join(", ")})`,
    );
  }
  return code;
}
