import type { ArimaOrder } from "./arima-order.js";
import { differenceInPlace } from "./arima-polynomials.js";
import { arimaWorkspace } from "./arima-workspace.js";
import { type ArimaFit, fitArima } from "./fit-arima.js";
import { isConstant } from "./is-constant.js";
import { leastSquares } from "./least-squares.js";
import { stepwiseSearch } from "./stepwise-search.js";
import { type InformationCriterion, type ScoredArima, tryArima } from "./try-arima.js";
import { unitRootDifferences } from "./unit-root-differences.js";

/** Settings of {@link autoArima}; every field is optional and defaults as R's auto.arima. */
export interface AutoArimaOptions {
  /** Number of first differences; chosen by `chooseDifferences` when absent. */
  readonly d?: number;
  /** Number of seasonal differences; chosen by `chooseDifferences` when absent (0 without a season). */
  readonly D?: number;
  /**
   * Chooses d and D when they are not given, from the series (after regressing out `xreg`, as R does) and
   * the seasonal period; default R's choice, the seasonal-strength `nsdiffs` then the KPSS `ndiffs`
   * (`unitRootDifferences`).
   */
  readonly chooseDifferences?: (y: Float64Array, period: number) => { d: number; D: number };
  readonly maxP?: number;
  readonly maxQ?: number;
  readonly maxSeasonalP?: number;
  readonly maxSeasonalQ?: number;
  /**
   * Largest p + q + P + Q of a stepwise neighbour. Default none: R's auto.arima applies its max.order = 5
   * to the exhaustive search only, and this search follows its stepwise one.
   */
  readonly maxOrder?: number;
  readonly startP?: number;
  readonly startQ?: number;
  readonly startSeasonalP?: number;
  readonly startSeasonalQ?: number;
  /** Default "aicc". */
  readonly criterion?: InformationCriterion;
  /**
   * Search with CSS fits and an approximate AIC, then refit the best models by CSS-ML until one fits.
   * Default: more than 150 observations or a period above 12, as R.
   */
  readonly approximation?: boolean;
  /**
   * How the chosen model is finally fitted after an approximate search: "CSS-ML" (R's default) refits
   * the best candidates by maximum likelihood; "CSS" keeps the search's conditional-sum-of-squares fit (R's
   * method = "CSS"). Default "CSS" for periods above 12 on more than 1000 points, where the exact
   * likelihood of the long seasonal polynomials costs tens of seconds per fit (each refit with a seasonal
   * MA near the unit circle runs a Kalman filter that never reaches its steady state), else "CSS-ML".
   */
  readonly finalMethod?: "CSS-ML" | "CSS";
  /**
   * Search on the last `truncate` observations only (R's auto.arima truncate), then fit the chosen orders
   * on the whole series. Default none. (Tried as a default of 1000 for hourly data: the refits of the
   * ranked candidates on the whole series then cost more than the search saved.)
   */
  readonly truncate?: number;
  readonly allowDrift?: boolean;
  readonly allowMean?: boolean;
  /** Most models the stepwise search fits. Default 94. */
  readonly maxModels?: number;
}

/** What {@link autoArima} chose, with the candidates it scored (in the order fitted). */
export interface AutoArimaResult {
  readonly fit: ArimaFit;
  readonly d: number;
  readonly D: number;
  readonly candidates: readonly ScoredArima[];
}

/**
 * How search candidates are fitted: scored only (see `ArimaSpec.scoreOnly`), the CSS and the likelihood
 * by their exact gradients. Likelihood fits (short series) stop at a relative change of 1e-7 rather than R's 1.5e-8, which
 * moves an AICc by about 2e-7 n |objective|, far below the gaps that rank candidates; CSS scores of long
 * series keep R's tolerance (a looser one changed the model chosen for the gas series).
 */
const SEARCH_FIT = { scoreOnly: true, exactCssGradient: true, exactLikelihoodGradient: true } as const;
const SEARCH_LIKELIHOOD_FIT = { ...SEARCH_FIT, relativeTolerance: 1e-7 } as const;

function regressionResiduals(y: Float64Array, xreg: readonly Float64Array[]): Float64Array {
  if (xreg.length === 0) return y;
  const ones = new Float64Array(y.length).fill(1);
  return leastSquares([ones, ...xreg.map((c) => c.subarray(0, y.length))], y).residuals;
}

/**
 * The fit for a series that its differences make constant (R's auto.arima checks this before searching): a
 * pattern repeated exactly, a straight line, a seasonal pattern shifted by the same step each season. No
 * search can score it, since every residual variance is 0 and every likelihood unbounded; the model is the
 * differencing alone, with the constant step as a drift (or a mean) where the orders admit one: (0,0,0)(0,1,0)
 * with a drift of that step over the period, (0,1,0) with a drift of the step, (0,0,0) with a mean (unless
 * `allowDrift` or `allowMean` say no), and no constant with two differences in all. Null when the differenced
 * series is not constant, or has fewer than two values.
 */
function exactFit(
  y: Float64Array,
  d: number,
  D: number,
  m: number,
  options: AutoArimaOptions,
): ArimaFit | null {
  const skip = d + D * m;
  if (y.length - skip < 2) return null;
  const dx = differenceInPlace(y.slice(), d, D, m).subarray(skip);
  if (!isConstant(dx)) return null;
  let step = 0;
  for (let t = 0; t < dx.length; t++) step += dx[t];
  step /= dx.length;
  const order: ArimaOrder = { p: 0, d, q: 0, P: 0, D, Q: 0, period: m };
  const constant = d + D === 1 ? (options.allowDrift ?? true) : d + D === 0 && (options.allowMean ?? true);
  const coef = constant ? Float64Array.of(D > 0 ? step / m : step) : new Float64Array(0);
  try {
    return fitArima(y, { order, includeMean: constant, includeDrift: constant, coef });
  } catch {
    return null;
  }
}

function checkCount(name: string, value: number | undefined, max = Number.POSITIVE_INFINITY): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= max)) {
    throw new RangeError(`autoArima: options.${name} must be a whole number in [0, ${max}], got ${value}`);
  }
}

/**
 * Automatic ARIMA after Hyndman & Khandakar (2008), "Automatic time series forecasting: the forecast
 * package for R", as R's forecast::auto.arima with stepwise = TRUE: with d and D given (or chosen by
 * `chooseDifferences`), a stepwise search over p, q, P, Q and the constant from four start models,
 * moving to a neighbour whenever it lowers the AICc (see `stepwiseSearch`). Long series (over 150 points)
 * or long periods (over 12) are searched with CSS fits and refitted by maximum likelihood at the end. A series
 * without regressors that its differences make constant (a pattern repeated exactly) gets the differencing
 * alone with its constant step, as R does, since no candidate of the search can be scored there.
 *
 * @param period the seasonal period, 1 for none
 * @param xreg regressor columns covering at least y's length (a regression with ARIMA errors)
 * @throws RangeError for bad options; Error when no model can be fitted
 * @example autoArima(y, 12, [], { d: 1, D: 1 }).fit.description // "ARIMA(0,1,1)(0,1,1)[12]"
 */
export function autoArima(
  y: Float64Array,
  period: number,
  xreg: readonly Float64Array[] = [],
  options: AutoArimaOptions = {},
): AutoArimaResult {
  if (!(Number.isInteger(period) && period >= 1)) {
    throw new RangeError(`autoArima: period must be a whole number >= 1, got ${period}`);
  }
  checkCount("d", options.d, 2);
  checkCount("D", options.D, 1);
  const n = y.length;
  const m = period;
  const criterion: InformationCriterion = n <= 3 ? "aic" : (options.criterion ?? "aicc");
  let maxP = Math.min(options.maxP ?? 5, Math.floor(n / 3));
  let maxQ = Math.min(options.maxQ ?? 5, Math.floor(n / 3));
  let maxSP = Math.min(options.maxSeasonalP ?? 2, Math.floor(n / 3 / m));
  let maxSQ = Math.min(options.maxSeasonalQ ?? 2, Math.floor(n / 3 / m));
  const maxOrder = options.maxOrder ?? Number.POSITIVE_INFINITY;

  let d = options.d;
  let D = m === 1 ? 0 : options.D;
  if (m > 1 && D === undefined && n <= 2 * m) D = 0;
  if (d === undefined || D === undefined) {
    const chosen = (options.chooseDifferences ?? unitRootDifferences)(regressionResiduals(y, xreg), m);
    d ??= chosen.d;
    D ??= chosen.D;
  }
  if (m === 1) {
    maxSP = 0;
    maxSQ = 0;
  } else {
    if (maxSP > 0) maxP = Math.min(maxP, m - 1);
    if (maxSQ > 0) maxQ = Math.min(maxQ, m - 1);
  }
  if (n <= d + D * m + 1)
    throw new RangeError(`y: ${n} observations are too few for d = ${d}, D = ${D}, period ${m}`);
  if (xreg.length === 0) {
    const exact = exactFit(y, d, D, m, options);
    if (exact !== null) return { fit: exact, d, D, candidates: [] };
  }

  const approximation = options.approximation ?? (n > 150 || m > 12);
  const finalMethod = options.finalMethod ?? (m > 12 && n > 1000 ? "CSS" : "CSS-ML");
  const truncate = options.truncate ?? n;
  const skipped = truncate < n ? n - truncate : 0;
  const searchY = y.subarray(skipped);
  const searchXreg = xreg.map((column) => column.subarray(skipped));
  const base: ArimaOrder = { p: 0, d, q: 0, P: 0, D, Q: 0, period: m };
  // The AIC of a CSS fit is approximated from its variance plus this offset (R's auto.arima).
  const offsetOn = (series: Float64Array, regressors: readonly Float64Array[]): number => {
    const zero = tryArima(series, base, true, criterion, false, 0, regressors);
    return zero.fit === null ? 0 : -2 * zero.fit.loglik - series.length * Math.log(zero.fit.sigma2Estimate);
  };
  const offset = approximation ? offsetOn(searchY, searchXreg) : 0;
  const allowDrift = (options.allowDrift ?? true) && d + D === 1;
  const allowMean = (options.allowMean ?? true) && d + D === 0;
  const small = searchY.length < 10;
  const limits = { maxP, maxQ, maxSP, maxSQ, maxOrder, maxModels: options.maxModels ?? 94 };
  const start = {
    p: Math.min(small ? Math.min(options.startP ?? 2, 1) : (options.startP ?? 2), maxP),
    q: Math.min(small ? Math.min(options.startQ ?? 2, 1) : (options.startQ ?? 2), maxQ),
    P: Math.min(small ? 0 : (options.startSeasonalP ?? 1), maxSP),
    Q: Math.min(small ? 0 : (options.startSeasonalQ ?? 1), maxSQ),
  };
  // Candidates are scored without the Kalman pass over the undifferenced series that forecasting needs
  // (`scoreOnly`); the one kept is completed with its coefficients, which runs that pass alone.
  // Every fit here optimises with exact gradients (`SEARCH_FIT`), not on R's finite-difference path: the
  // optima agree with R's to the AICc tolerance of the reference tests (5e-3) on all their series.
  const css = finalMethod === "CSS";
  // Every fit of the search, and the refits after it, share their buffers.
  const workspace = arimaWorkspace();
  const searchFit = { ...(approximation ? SEARCH_FIT : SEARCH_LIKELIHOOD_FIT), workspace };
  const fitCandidate = (order: ArimaOrder, constant: boolean) =>
    tryArima(searchY, order, constant, criterion, approximation, offset, searchXreg, searchFit);
  const { best, candidates } = stepwiseSearch(base, start, limits, allowDrift || allowMean, fitCandidate);

  const finalOffset = css ? (skipped > 0 ? offsetOn(y, xreg) : offset) : 0;
  const complete = (scored: ScoredArima): ScoredArima => {
    if (scored.fit === null || scored.score === Number.POSITIVE_INFINITY) return scored;
    const { order, constant } = scored;
    const done = tryArima(y, order, constant, criterion, css, finalOffset, xreg, {
      coef: scored.fit.coef,
      workspace,
    });
    return done.fit === null ? done : { ...done, fit: { ...done.fit, converged: scored.fit.converged } };
  };
  let chosen: ScoredArima = { ...best, fit: null, score: Number.POSITIVE_INFINITY };
  if (approximation || skipped > 0) {
    // Refit on the whole series, best first, until one succeeds (R's auto.arima): by maximum likelihood
    // unless CSS is asked for. A CSS refit of an untruncated search would be the search's own fit again,
    // so that one is completed as it is.
    const ranked = [...candidates].sort((a, b) => a.score - b.score);
    for (const candidate of ranked) {
      const refit =
        css && skipped === 0
          ? candidate
          : tryArima(y, candidate.order, candidate.constant, criterion, css, finalOffset, xreg, {
              ...SEARCH_FIT,
              workspace,
              // The search's CSS optimum on the same series starts the CSS again (R starts from zeros).
              start: skipped === 0 ? candidate.fit?.coef : undefined,
            });
      if (refit.score === Number.POSITIVE_INFINITY) continue;
      chosen = complete(refit);
      if (chosen.score < Number.POSITIVE_INFINITY) break;
    }
  } else {
    chosen = complete(best);
  }
  if (chosen.fit === null || chosen.score === Number.POSITIVE_INFINITY) {
    throw new Error("autoArima: no suitable ARIMA model found");
  }
  return { fit: chosen.fit, d, D, candidates };
}
