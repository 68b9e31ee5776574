/**
 * Throws unless the seasonal period is a whole number of steps, at least 1 (1 means no seasonality:
 * the naive forecast is the previous value).
 *
 * @param metric the public function's name, used as the message prefix
 */
export function assertSeasonPeriod(metric: string, seasonPeriod: number): void {
  if (!Number.isInteger(seasonPeriod) || seasonPeriod < 1) {
    throw new RangeError(`${metric}: seasonPeriod must be a whole number >= 1, got ${seasonPeriod}`);
  }
}
