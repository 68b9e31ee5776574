import type { EtsError, EtsForm, EtsSeason, EtsTrend } from "./ets-form.js";
import { type EtsFit, type EtsFixedParameters, fitEts } from "./fit-ets.js";

/** Which forms to consider: each list is searched, and R's forbidden combinations are left out. */
export interface EtsSearchSpace {
  readonly errors: readonly EtsError[];
  readonly trends: readonly EtsTrend[];
  /** For trends other than N: false, true or both. */
  readonly damping: readonly boolean[];
  readonly seasons: readonly EtsSeason[];
}

/**
 * The candidate forms for y, in R's search order (error, trend, season, damped first), after R's
 * forecast::ets: multiplicative components only for positive data, no additive error with a multiplicative
 * trend or season, and no multiplicative trend with an additive season under multiplicative error (the
 * unstable combinations of Hyndman et al. 2008, section 2.5.4) when more than one form is searched.
 *
 * @param space the components to search
 * @param period the seasonal period (1 for none; seasonal forms are then dropped)
 * @param positive whether every observation is > 0
 */
export function candidateForms(space: EtsSearchSpace, period: number, positive: boolean): EtsForm[] {
  const forms: EtsForm[] = [];
  const restrict =
    space.errors.length * space.trends.length * space.seasons.length * space.damping.length > 1;
  for (const error of space.errors) {
    for (const trend of space.trends) {
      for (const season of space.seasons) {
        for (const damped of space.damping) {
          if (trend === "N" && damped) continue;
          if (!positive && (error === "M" || trend === "M" || season === "M")) continue;
          if (period < 2 && season !== "N") continue;
          if (restrict) {
            if (error === "A" && (trend === "M" || season === "M")) continue;
            if (error === "M" && trend === "M" && season === "A") continue;
          }
          forms.push({ error, trend, damped, season, period: season === "N" ? 1 : period });
        }
      }
    }
  }
  return forms;
}

/**
 * Fits each candidate form and keeps the one with the smallest AICc (Hyndman et al. 2008, section 7.2;
 * R's forecast::ets with ic = "aicc"). Forms with too many parameters for the data are skipped.
 *
 * @param y observations
 * @param forms candidates, e.g. from {@link candidateForms}
 * @param fixed smoothing parameters held fixed in every candidate
 * @param n fit y[0, n) only
 * @returns the best fit, or null when no candidate could be fitted
 * @example selectEts(y, candidateForms({ errors: ["A", "M"], trends: ["N", "A"], damping: [true, false], seasons: ["N"] }, 1, true))?.form
 */
export function selectEts(
  y: Float64Array,
  forms: readonly EtsForm[],
  fixed: EtsFixedParameters = {},
  n = y.length,
): EtsFit | null {
  let best: EtsFit | null = null;
  for (const form of forms) {
    const fit = fitEts(y, form, fixedFor(form, fixed), n);
    if (fit !== null && !Number.isNaN(fit.aicc) && (best === null || fit.aicc < best.aicc)) best = fit;
  }
  return best;
}

/** The fixed parameters that apply to a form (no beta without a trend, and so on). */
function fixedFor(form: EtsForm, fixed: EtsFixedParameters): EtsFixedParameters {
  return {
    alpha: fixed.alpha,
    beta: form.trend === "N" ? undefined : fixed.beta,
    gamma: form.season === "N" ? undefined : fixed.gamma,
    phi: form.damped ? fixed.phi : undefined,
  };
}
