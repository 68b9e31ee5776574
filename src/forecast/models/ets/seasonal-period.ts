/** R's forecast::ets refuses longer periods: m - 1 seasonal states are too many to estimate well. */
export const MAX_ETS_PERIOD = 24;

/**
 * The one seasonal period an ETS model uses: the smallest of the requested periods that is a whole number
 * from 2 to 24 and that the data covers at least twice, or 1 (no season) when none qualifies. E.g. hourly
 * data with [24, 168] uses 24 once there are 48 hours; daily data with [7] uses 7 from 14 days on.
 *
 * @param seasons requested periods, ascending
 * @param n number of observations
 * @example etsPeriod([24, 168], 2000) // 24
 */
export function etsPeriod(seasons: readonly number[], n: number): number {
  for (const period of seasons) {
    if (Number.isInteger(period) && period >= 2 && period <= MAX_ETS_PERIOD && n >= 2 * period) return period;
  }
  return 1;
}
