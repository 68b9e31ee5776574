/** A market (country) of the demo publisher. */
export interface Market {
  /** ISO 3166 code, upper case: the `geo` of its events. */
  geo: string;
  name: string;
  /** IANA time zone whose local day and evening shape the traffic. */
  timeZone: string;
  /** Share of all opportunities (the weights sum to 1). */
  weight: number;
}

/**
 * The demo markets: ten countries on five continents, so the global hourly total is the sum of evenings
 * that do not coincide, and both hemispheres' DST rules (and India's +05:30) are exercised.
 *
 * @example
 * MARKETS.map((m) => m.geo); // ["US", "GB", "DE", ...]
 */
export const MARKETS: readonly Market[] = [
  { geo: "US", name: "United States", timeZone: "America/New_York", weight: 0.28 },
  { geo: "GB", name: "United Kingdom", timeZone: "Europe/London", weight: 0.1 },
  { geo: "DE", name: "Germany", timeZone: "Europe/Berlin", weight: 0.11 },
  { geo: "FR", name: "France", timeZone: "Europe/Paris", weight: 0.08 },
  { geo: "SE", name: "Sweden", timeZone: "Europe/Stockholm", weight: 0.04 },
  { geo: "BR", name: "Brazil", timeZone: "America/Sao_Paulo", weight: 0.1 },
  { geo: "MX", name: "Mexico", timeZone: "America/Mexico_City", weight: 0.06 },
  { geo: "JP", name: "Japan", timeZone: "Asia/Tokyo", weight: 0.09 },
  { geo: "AU", name: "Australia", timeZone: "Australia/Sydney", weight: 0.05 },
  { geo: "IN", name: "India", timeZone: "Asia/Kolkata", weight: 0.09 },
];
