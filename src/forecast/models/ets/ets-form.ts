/** Error component: additive or multiplicative. */
export type EtsError = "A" | "M";
/** Trend component: none, additive, multiplicative. Damping is a separate flag. */
export type EtsTrend = "N" | "A" | "M";
/** Seasonal component: none, additive, multiplicative. */
export type EtsSeason = "N" | "A" | "M";

/**
 * One member of the ETS family (Hyndman, Koehler, Ord & Snyder 2008, Table 2.1): the error, trend and
 * seasonal components, whether the trend is damped, and the seasonal period (1 without a season).
 */
export interface EtsForm {
  readonly error: EtsError;
  readonly trend: EtsTrend;
  readonly damped: boolean;
  readonly season: EtsSeason;
  readonly period: number;
}

/**
 * The usual name of a form, as R's forecast package prints it.
 * @example describeEts({ error: "M", trend: "A", damped: true, season: "M", period: 12 }) // "ETS(M,Ad,M)"
 */
export function describeEts(form: EtsForm): string {
  return `ETS(${form.error},${form.trend}${form.damped ? "d" : ""},${form.season})`;
}

/**
 * The forecast-variance class of Hyndman et al. (2008, ch. 6): 1 linear with additive errors, 2 linear with
 * multiplicative errors, 3 multiplicative errors and season without a multiplicative trend; those three have
 * analytic moments. 0 for the rest (a multiplicative trend, or additive errors with a multiplicative season),
 * whose intervals are simulated.
 * @example etsVarianceClass({ error: "M", trend: "A", damped: true, season: "M", period: 12 }) // 3
 */
export function etsVarianceClass(form: EtsForm): 0 | 1 | 2 | 3 {
  if (form.trend === "M") return 0;
  if (form.season === "M") return form.error === "M" ? 3 : 0;
  return form.error === "A" ? 1 : 2;
}

/**
 * Parameters that enter the likelihood besides the initial states: alpha always, beta with a trend, gamma
 * with a season, phi when damped.
 * @example smoothingParameterCount({ error: "A", trend: "A", damped: true, season: "N", period: 1 }) // 3
 */
export function smoothingParameterCount(form: EtsForm): number {
  return 1 + (form.trend !== "N" ? 1 : 0) + (form.season !== "N" ? 1 : 0) + (form.damped ? 1 : 0);
}

/**
 * Initial states estimated alongside: the level, the trend, and all seasons but one (they sum to 0, or to m).
 * @example freeStateCount({ error: "A", trend: "N", damped: false, season: "A", period: 12 }) // 12
 */
export function freeStateCount(form: EtsForm): number {
  return 1 + (form.trend !== "N" ? 1 : 0) + (form.season !== "N" ? form.period - 1 : 0);
}
