/** The KPSS null hypotheses: stationarity around a level, or around a linear trend. */
export type KpssNull = "level" | "trend";

/** Upper-tail critical values of Kwiatkowski et al. (1992), table 1, at the sizes in `SIZES`. */
const LEVEL_CRITICAL_VALUES = [0.347, 0.463, 0.574, 0.739];
const TREND_CRITICAL_VALUES = [0.119, 0.146, 0.176, 0.216];
const SIZES = [0.1, 0.05, 0.025, 0.01];

/**
 * The p-value of a KPSS statistic as R's tseries::kpss.test and urca (through forecast::ndiffs) give it:
 * linear interpolation in the critical value table of Kwiatkowski, Phillips, Schmidt & Shin (1992, table
 * 1), clamped to [0.01, 0.1] outside it. NaN for a NaN statistic.
 *
 * @param statistic a KPSS statistic, >= 0
 * @param nullHypothesis "level" (default) or "trend", the table to read
 * @example
 * kpssPValue(0.463) // 0.05
 * kpssPValue(2) // 0.01, the table's smallest size
 */
export function kpssPValue(statistic: number, nullHypothesis: KpssNull = "level"): number {
  if (Number.isNaN(statistic)) return Number.NaN;
  const critical = nullHypothesis === "trend" ? TREND_CRITICAL_VALUES : LEVEL_CRITICAL_VALUES;
  if (statistic <= critical[0]) return SIZES[0];
  for (let i = 1; i < critical.length; i++) {
    if (statistic <= critical[i]) {
      const share = (statistic - critical[i - 1]) / (critical[i] - critical[i - 1]);
      return SIZES[i - 1] + share * (SIZES[i] - SIZES[i - 1]);
    }
  }
  return SIZES[SIZES.length - 1];
}
