import type { ArimaOrder } from "./arima-order.js";
import { type ArimaFit, type ArimaSpec, fitArima } from "./fit-arima.js";
import { rootsOutside } from "./root-check.js";

/** The information criterion a search minimises. */
export type InformationCriterion = "aicc" | "aic" | "bic";

/** A candidate of the search and its score; `fit` is null when fitting failed (score Infinity). */
export interface ScoredArima {
  readonly order: ArimaOrder;
  readonly constant: boolean;
  readonly fit: ArimaFit | null;
  /** The criterion, Infinity for failed or refused fits. */
  readonly score: number;
}

/**
 * Fits one candidate as forecast's myarima: the constant is a drift with one difference in all and a mean
 * without differencing; with `approximation` the fit is by CSS and AIC is approximated from the CSS
 * variance plus `offset`; the score is Infinity when fitting fails or when an AR or MA root of the
 * multiplied-out polynomials lies within 1.01 of the origin (near non-stationary or non-invertible).
 * `fitOptions` pass on to `fitArima`. With `scoreOnly` the fit skips its final Kalman pass (see `ArimaSpec.scoreOnly`): the score is the same
 * (for likelihood fits, that of the differenced series, the diffuse limit), but the fit cannot forecast
 * until it is completed by passing its coefficients as `coef`, which only runs that pass.
 *
 * @example tryArima(y, order, true, "aicc", false, 0, []).score
 */
export function tryArima(
  y: Float64Array,
  order: ArimaOrder,
  constant: boolean,
  criterion: InformationCriterion,
  approximation: boolean,
  offset: number,
  xreg: readonly Float64Array[],
  fitOptions: Omit<ArimaSpec, "order" | "includeMean" | "includeDrift" | "method"> = {},
): ScoredArima {
  const differences = order.d + order.D;
  let fit: ArimaFit;
  try {
    fit = fitArima(
      y,
      {
        order,
        includeDrift: constant && differences === 1,
        includeMean: constant,
        method: approximation ? "CSS" : "CSS-ML",
        ...fitOptions,
      },
      xreg,
    );
  } catch {
    return { order, constant, fit: null, score: Number.POSITIVE_INFINITY };
  }
  const npar = fit.coef.length + 1;
  const nstar = y.length - order.d - order.D * (order.P + order.D + order.Q > 0 ? order.period : 1);
  const aic = approximation ? offset + nstar * Math.log(fit.sigma2Estimate) + 2 * npar : fit.aic;
  const scores = {
    aic,
    aicc: aic + (2 * npar * (npar + 1)) / (nstar - npar - 1),
    bic: aic + npar * (Math.log(nstar) - 2),
  };
  let score = scores[criterion];
  if (Number.isNaN(score)) score = Number.POSITIVE_INFINITY;
  // The model carries the multiplied-out polynomials of the final coefficients.
  const { phi, theta } = fit.model;
  if (!rootsOutside(phi, -1, 1.01) || !rootsOutside(theta, 1, 1.01)) score = Number.POSITIVE_INFINITY;
  const scored = approximation ? { ...fit, aic: scores.aic, aicc: scores.aicc, bic: scores.bic } : fit;
  return { order, constant, fit: scored, score };
}
