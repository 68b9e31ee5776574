import { fourierTerms } from "./fourier.js";

/** The longest period the seasonal ARIMA part takes; longer seasons become Fourier regressors. */
export const MAX_SARIMA_PERIOD = 24;
/** Harmonics per long season (forecast::fourier's K). */
export const FOURIER_HARMONICS = 3;

/** How a request's seasons enter an ARIMA model. */
export interface SeasonalPlan {
  /** The SARIMA period: the longest season up to 24, or 1. */
  readonly period: number;
  /** Seasons above 24 (covered twice by the data) modelled by Fourier regressors, with their harmonics. */
  readonly fourier: readonly { readonly period: number; readonly harmonics: number }[];
}

/**
 * Splits the seasons between the seasonal ARIMA part and Fourier regressors. A period-24 SARIMA on
 * hourly data is already the costliest model the search fits (seasonal polynomials of degree 48 and more);
 * a period-168 one would be 7 times longer, so weekly (and longer) cycles are modelled as
 * forecast's documentation recommends for long periods, by a regression on Fourier terms with ARIMA
 * errors (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 2nd ed., section 9.5), with
 * `FOURIER_HARMONICS` harmonics each. A long season needs two full cycles of data to be estimated.
 *
 * @example seasonalPlan([24, 168], 4032) // { period: 24, fourier: [{ period: 168, harmonics: 3 }] }
 */
export function seasonalPlan(seasons: readonly number[], n: number): SeasonalPlan {
  let period = 1;
  const fourier: { period: number; harmonics: number }[] = [];
  for (const season of seasons) {
    if (season <= MAX_SARIMA_PERIOD) period = Math.max(period, season);
    else if (n >= 2 * season) {
      fourier.push({ period: season, harmonics: Math.min(FOURIER_HARMONICS, Math.floor(season / 2)) });
    }
  }
  return { period, fourier };
}

/**
 * The Fourier regressors of a plan over `length` steps. Harmonics that repeat within the SARIMA period
 * (k * period a multiple of the long season, e.g. k = 7 for 168 over 24) are left out: seasonal
 * differencing would turn them into zeros.
 *
 * @example planRegressors(seasonalPlan([24, 168], 4032), 4056).length // 6
 */
export function planRegressors(plan: SeasonalPlan, length: number): Float64Array[] {
  return plan.fourier.flatMap(({ period, harmonics }) =>
    fourierTerms(period, harmonics, length, (k) => plan.period > 1 && (k * plan.period) % period === 0),
  );
}
