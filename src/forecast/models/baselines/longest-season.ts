/**
 * The longest seasonal period of a request that is a real season (>= 2 steps), or 0 when there is none.
 * Its profile repeats the shorter ones: a week of hours holds the day's.
 *
 * @example longestSeason([24, 168]) // 168
 */
export function longestSeason(seasons: readonly number[]): number {
  let longest = 0;
  for (const season of seasons) if (season >= 2 && season > longest) longest = season;
  return longest;
}
