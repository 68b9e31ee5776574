/**
 * The smallest seasonal period of a request that is a real season (>= 2 steps), or 0 when there is none.
 * Seasonal baselines use it: for hourly data with seasons [24, 168] they repeat the day.
 *
 * @example smallestSeason([168, 24]) // 24
 */
export function smallestSeason(seasons: readonly number[]): number {
  let smallest = 0;
  for (const season of seasons) {
    if (season >= 2 && (smallest === 0 || season < smallest)) smallest = season;
  }
  return smallest;
}
