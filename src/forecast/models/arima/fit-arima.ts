import { minimizeBfgs } from "../../optimize/bfgs.js";
import { type ArimaOrder, checkOrder, seasonalPeriod } from "./arima-order.js";
import { differenceInPlace, differencingPolynomial, expandArma } from "./arima-polynomials.js";
import { type ArimaWorkspace, workspaceArray } from "./arima-workspace.js";
import { armaLikelihood, armaLikelihoodScratch } from "./arma-likelihood.js";
import {
  type ArmaGradientScratch,
  armaGradientScratch,
  armaLikelihoodBackward,
  armaLikelihoodForward,
  armaLikelihoodGradient,
} from "./arma-likelihood-gradient.js";
import { cssResiduals } from "./css.js";
import { cssGradient } from "./css-gradient.js";
import { describeArima } from "./describe-arima.js";
import { factorGradient } from "./factor-gradient.js";
import { kalmanFilter } from "./kalman-filter.js";
import { leastSquares } from "./least-squares.js";
import { maInvert } from "./ma-invert.js";
import { arFromUnconstrained, arToUnconstrained, isStationaryAr } from "./partrans.js";
import { type RegressionTerms, regressionColumns, termCount, termNames } from "./regressors.js";
import { type ArimaStateSpace, createStateSpace, resetStateSpace } from "./state-space.js";

/** How the coefficients are estimated, as R's arima `method`. */
export type ArimaMethod = "CSS-ML" | "ML" | "CSS";

/** What {@link fitArima} fits. */
export interface ArimaSpec {
  readonly order: ArimaOrder;
  /** A mean for undifferenced models (R's include.mean). Default true. */
  readonly includeMean?: boolean;
  /** A linear trend when there is exactly one difference (forecast's include.drift). Default false. */
  readonly includeDrift?: boolean;
  /** Default "CSS-ML": conditional sum of squares for starting values, then exact maximum likelihood. */
  readonly method?: ArimaMethod;
  /**
   * Skip the Kalman pass over the undifferenced series that a fit ends with (default false): `model` then
   * carries the polynomials but no filtered state, `residuals` and `sigma2` are not the fit's (CSS
   * residuals for CSS, meaningless for likelihood fits), and the likelihood of a CSS-ML or ML fit is that
   * of the differenced series (the diffuse limit the estimation maximises), so the fit can be scored (as a
   * stepwise search does) but not forecast. Complete it with `coef`.
   */
  readonly scoreOnly?: boolean;
  /**
   * Coefficients to take instead of estimating them (in `coef`'s order), e.g. those of a score-only fit
   * being completed: only the final pass runs, and `method` says how the likelihood is computed.
   */
  readonly coef?: ArrayLike<number>;
  /**
   * Minimise the CSS with its exact gradient (`cssGradient`, about two evaluations of the sum of squares)
   * instead of R's central differences (two per coefficient). Default false: the finite differences follow
   * R's optimisation path, which the fits' agreement with R rests on where the CSS surface is flat.
   */
  readonly exactCssGradient?: boolean;
  /**
   * Maximise the likelihood with its exact gradient (`armaLikelihoodGradient`, about three likelihood
   * evaluations) instead of central differences (two per coefficient). Default false, as
   * `exactCssGradient`.
   */
  readonly exactLikelihoodGradient?: boolean;
  /**
   * Starting coefficients of the first optimisation (in `coef`'s order), e.g. the CSS optimum a search
   * already found for the same series. Default zeros for the ARMA part and least squares for the regression.
   */
  readonly start?: ArrayLike<number>;
  /** Relative tolerance of both optimisations (see `BfgsOptions`). Default R's reltol, sqrt(eps). */
  readonly relativeTolerance?: number;
  /**
   * Buffers shared with other fits (see `arimaWorkspace`), e.g. those of one order search; default the
   * fit's own. Nothing the fit returns refers to them.
   */
  readonly workspace?: ArimaWorkspace;
}

/** A fitted regression with ARIMA errors. */
export interface ArimaFit {
  readonly order: ArimaOrder;
  readonly terms: RegressionTerms;
  readonly method: ArimaMethod;
  /** Coefficients in R's order: ar, ma, sar, sma, intercept, drift, xreg. */
  readonly coef: Float64Array;
  /** Their names, as R prints them. */
  readonly names: readonly string[];
  /** Residual variance as forecast::Arima reports it: sum of squared residuals / (n* - k), k counting sigma2. */
  readonly sigma2: number;
  /** stats::arima's sigma2: the ML estimate (or the CSS mean square). */
  readonly sigma2Estimate: number;
  readonly loglik: number;
  /** NaN for CSS fits, as in R. */
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** Observations after differencing (R's nobs). */
  readonly nobs: number;
  /** Standardised one-step innovations (ML) or CSS residuals, length n. */
  readonly residuals: Float64Array;
  /** The state space form filtered through the last observation, for forecasting. */
  readonly model: ArimaStateSpace;
  /** Whether each optimisation met its tolerance. */
  readonly converged: boolean;
  /** "ARIMA(0,1,1)(0,1,1)[12]", with "with drift" and the like as R's arima.string. */
  readonly description: string;
}

const LOG_2PI = Math.log(2 * Math.PI);

function copyInverted(coef: Float64Array, from: number, count: number): void {
  if (count === 0) return;
  coef.set(maInvert(coef.slice(from, from + count)), from);
}

/**
 * Fits a seasonal ARIMA model with optional regressors (a regression with ARIMA errors) as R's
 * stats::arima with forecast::Arima's additions: by default the conditional sum of squares gives starting
 * values (refused when its AR part is not stationary), then the exact Gaussian likelihood from the Kalman
 * filter of the state space form (Gardner, Harvey & Phillips 1980) is maximised by BFGS over the AR
 * coefficients mapped to partial autocorrelations (so every trial is stationary), MA roots inside the
 * unit circle reflected outside (R's maInvert). Regression coefficients are estimated jointly, starting
 * from least squares on the differenced series. sigma2, loglik, AIC, AICc and BIC follow forecast::Arima.
 *
 * @param y observations, finite
 * @param xreg regressor columns, each at least y's length (only the first y.length values are read)
 * @throws RangeError naming the parameter for bad orders or too few observations; Error when CSS gives a
 *   non-stationary AR part
 * @example
 * const fit = fitArima(y, { order: { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, period: 12 } });
 * fit.coef; // [ma1, sma1]
 */
export function fitArima(y: Float64Array, spec: ArimaSpec, xreg: readonly Float64Array[] = []): ArimaFit {
  const { order } = spec;
  checkOrder(order);
  const method = spec.method ?? "CSS-ML";
  const { p, d, q, P, D, Q } = order;
  const m = seasonalPeriod(order);
  const n = y.length;
  const differences = d + D;
  xreg.forEach((column, i) => {
    if (column.length < n)
      throw new RangeError(`xreg[${i}]: needs at least ${n} values, got ${column.length}`);
  });
  const terms: RegressionTerms = {
    intercept: (spec.includeMean ?? true) && differences === 0,
    drift: (spec.includeDrift ?? false) && differences === 1,
    xreg: xreg.length,
  };
  const delta = differencingPolynomial(order);
  const lost = d + D * m;
  const ncond = lost + p + m * P;
  const narma = p + q + P + Q;
  const ncx = termCount(terms);
  const k = narma + ncx;
  const probe = { order, terms, method } as const;
  if (n <= ncond || n - lost <= 0) {
    throw new RangeError(
      `y: ${n} observations are too few for ${describeArima(probe)}; more than ${ncond} are needed`,
    );
  }
  const nUsed = n - delta.length;
  const { workspace } = spec;
  const columns = regressionColumns(terms, xreg, 0, n);
  // y and the regressors differenced once (the first `lost` entries only partly): least squares starts
  // from them and the CSS reads them, the differenced y - X beta being dy - dX beta.
  const differencedCopy = (slot: string, x: Float64Array): Float64Array => {
    const out = workspaceArray(workspace, slot, n, false);
    out.set(x.subarray(0, n));
    return differenceInPlace(out, d, D, m);
  };
  const dyFull = differencedCopy("dy", y);
  const dcolsFull = columns.map((c, j) => differencedCopy(`dx${j}`, c));

  // Starting values: zeros for the ARMA part, least squares on the differenced series for the regression.
  const init = new Float64Array(k);
  const parscale = new Float64Array(k).fill(1);
  if (ncx > 0) {
    const dy = dyFull.subarray(lost);
    const dcols = dcolsFull.map((c) => c.subarray(lost));
    let ls = dy.length > ncx ? leastSquares(dcols, dy) : null;
    if (ls === null || ls.rank === 0) ls = leastSquares(columns, y);
    for (let j = 0; j < ncx; j++) {
      init[narma + j] = Number.isFinite(ls.coef[j]) ? ls.coef[j] : 0;
      const scale = 10 * ls.se[j];
      parscale[narma + j] = scale > 0 && Number.isFinite(scale) ? scale : 1;
    }
  }
  const given = spec.start;
  if (given !== undefined) {
    if (given.length !== k)
      throw new RangeError(`spec.start: expected ${k} coefficients, got ${given.length}`);
    for (let j = 0; j < k; j++) if (Number.isFinite(given[j])) init[j] = given[j];
  }

  const phi = new Float64Array(p + m * P);
  const theta = new Float64Array(q + m * Q);
  const adjusted = workspaceArray(workspace, "adjusted", n);
  const work = workspaceArray(workspace, "work", n);
  const residuals = workspaceArray(workspace, "residuals", n);
  const transformed = new Float64Array(k);
  const model = createStateSpace(phi.length, theta.length, delta, spec.scoreOnly !== true);
  const sums = { ssq: 0, sumlog: 0, nu: 0 };

  const subtractRegression = (par: Float64Array): void => {
    adjusted.set(y);
    for (let j = 0; j < ncx; j++) {
      const beta = par[narma + j];
      const column = columns[j];
      for (let t = 0; t < n; t++) adjusted[t] -= beta * column[t];
    }
  };
  const lags = new Int32Array(phi.length + theta.length);
  // The coefficients whose CSS residuals (and differenced series) `residuals` and `work` hold, so that the
  // gradient, which BFGS always asks for at the point it has just evaluated, need not recompute them.
  const cssAt = new Float64Array(k);
  let cssHeld = false;
  const cssMeanSquare = (par: Float64Array): number => {
    cssAt.set(par);
    cssHeld = true;
    expandArma(par, order, phi, theta);
    // Without regressors the differenced series is read as it is (cssResiduals does not write it).
    if (ncx === 0) return cssResiduals(dyFull, phi, theta, ncond, residuals, lags);
    work.set(dyFull);
    for (let j = 0; j < ncx; j++) {
      const beta = par[narma + j];
      const column = dcolsFull[j];
      for (let t = lost; t < n; t++) work[t] -= beta * column[t];
    }
    return cssResiduals(work, phi, theta, ncond, residuals, lags);
  };
  const cssObjective = (par: Float64Array): number => 0.5 * Math.log(cssMeanSquare(par));
  const cssGradientAt = (par: Float64Array, out: Float64Array): void => {
    let held = cssHeld;
    for (let j = 0; j < k && held; j++) held = cssAt[j] === par[j];
    if (held) expandArma(par, order, phi, theta);
    else cssMeanSquare(par);
    const w = ncx === 0 ? dyFull : work;
    cssGradient(par, order, w, dcolsFull, phi, theta, residuals, ncond, adjoint, byPhi, byTheta, lags, out);
  };
  const adjoint = workspaceArray(workspace, "adjoint", spec.exactCssGradient === true ? n : 0);
  const byPhi = new Float64Array(phi.length);
  const byTheta = new Float64Array(theta.length);
  // Filters with the given (untransformed) coefficients; false when phi is not stationary.
  const filter = (par: Float64Array, out: Float64Array | null): boolean => {
    cssHeld = false;
    expandArma(par, order, phi, theta);
    if (!resetStateSpace(model, phi, theta)) return false;
    subtractRegression(par);
    sums.ssq = 0;
    sums.sumlog = 0;
    sums.nu = 0;
    kalmanFilter(model, adjusted, 0, n, sums, out);
    return true;
  };
  const likelihoodObjective = (): number => 0.5 * (Math.log(sums.ssq / sums.nu) + sums.sumlog / sums.nu);
  // During the search the likelihood comes from the differenced series and the ARMA states alone: the
  // limit of R's diffuse start as kappa grows (the first d + D m observations only fix the levels), at a
  // fraction of the cost of filtering the differencing states, and by the O(r)-per-step Chandrasekhar
  // recursions (`armaLikelihood`). Without regressors the differenced series is the same at every trial.
  const arma = armaLikelihoodScratch(phi.length, theta.length);
  const differenced = work.subarray(lost);
  const fixedSeries = ncx === 0 ? dyFull.subarray(lost) : null;
  // With the exact gradient the likelihood is computed by the gradient's forward pass (the same sums),
  // which keeps its trajectory: BFGS asks for the gradient where it last evaluated the objective, and
  // then only the backward pass runs. `recordedAt` is that point in the optimiser's coordinates.
  const exactMl = spec.exactLikelihoodGradient === true;
  // Allocated on first use: CSS fits never need it.
  let gradientScratch: ArmaGradientScratch | null = null;
  const recordedAt = new Float64Array(k);
  let recorded = false;
  // The objective at untransformed coefficients; Number.MAX_VALUE when phi is not stationary.
  const differencedObjective = (par: Float64Array): number => {
    cssHeld = false;
    recorded = false;
    expandArma(par, order, phi, theta);
    let series = fixedSeries;
    if (series === null) {
      subtractRegression(par);
      work.set(adjusted);
      differenceInPlace(work, d, D, m);
      series = differenced;
    }
    sums.ssq = 0;
    sums.sumlog = 0;
    sums.nu = 0;
    if (exactMl) {
      gradientScratch ??= armaGradientScratch(phi.length, theta.length, n - lost, workspace);
      if (!armaLikelihoodForward(phi, theta, series, sums, gradientScratch)) return Number.MAX_VALUE;
    } else if (!armaLikelihood(phi, theta, series, sums, arma)) {
      return Number.MAX_VALUE;
    }
    return likelihoodObjective();
  };
  const mlObjective = (par: Float64Array): number => {
    transformed.set(par);
    arFromUnconstrained(par, transformed, 0, p);
    arFromUnconstrained(par, transformed, p + q, P);
    const value = differencedObjective(transformed);
    if (exactMl && value !== Number.MAX_VALUE) {
      recordedAt.set(par);
      recorded = true;
    }
    return value;
  };
  // The exact gradient of mlObjective: reverse mode through the likelihood (`armaLikelihoodGradient`),
  // chained to the factors' coefficients, the regression and (by central differences of the cheap map)
  // the partial autocorrelation transform of the AR parts.
  const phiBar = new Float64Array(phi.length);
  const thetaBar = new Float64Array(theta.length);
  const seriesBar = workspaceArray(workspace, "seriesBar", exactMl && method !== "CSS" ? n - lost : 0);
  const byTransformed = new Float64Array(k);
  const nudged = new Float64Array(k);
  const up = new Float64Array(k);
  const down = new Float64Array(k);
  const mlGradient = (par: Float64Array, out: Float64Array): void => {
    cssHeld = false;
    transformed.set(par);
    arFromUnconstrained(par, transformed, 0, p);
    arFromUnconstrained(par, transformed, p + q, P);
    expandArma(transformed, order, phi, theta);
    let held = recorded;
    for (let j = 0; j < k && held; j++) held = recordedAt[j] === par[j];
    gradientScratch ??= armaGradientScratch(phi.length, theta.length, n - lost, workspace);
    const scratch = gradientScratch;
    if (held) {
      armaLikelihoodBackward(phi, theta, scratch, phiBar, thetaBar, seriesBar);
    } else {
      let series = fixedSeries;
      if (series === null) {
        subtractRegression(transformed);
        work.set(adjusted);
        differenceInPlace(work, d, D, m);
        series = differenced;
      }
      armaLikelihoodGradient(phi, theta, series, scratch, phiBar, thetaBar, seriesBar);
    }
    factorGradient(phiBar, thetaBar, transformed, order, byTransformed);
    for (let j = 0; j < ncx; j++) {
      const column = dcolsFull[j];
      let v = 0;
      for (let t = 0; t < seriesBar.length; t++) v -= seriesBar[t] * column[lost + t];
      byTransformed[narma + j] = v;
    }
    out.set(byTransformed);
    for (let part = 0; part < 2; part++) {
      const from = part === 0 ? 0 : p + q;
      const count = part === 0 ? p : P;
      for (let i = from; i < from + count; i++) {
        nudged.set(par);
        nudged[i] = par[i] + 1e-6;
        arFromUnconstrained(nudged, up, from, count);
        nudged[i] = par[i] - 1e-6;
        arFromUnconstrained(nudged, down, from, count);
        let v = 0;
        for (let j = from; j < from + count; j++) v += ((up[j] - down[j]) / 2e-6) * byTransformed[j];
        out[i] = v;
      }
    }
  };

  let coef: Float64Array = init.slice();
  let converged = true;
  let objective = 0;
  const fixed = spec.coef;
  if (fixed !== undefined) {
    if (fixed.length !== k)
      throw new RangeError(`spec.coef: expected ${k} coefficients, got ${fixed.length}`);
    coef = Float64Array.from(fixed);
  }
  if (fixed === undefined && method !== "ML") {
    const css = minimizeBfgs(cssObjective, init, {
      parscale,
      gradient: spec.exactCssGradient === true ? cssGradientAt : undefined,
      relativeTolerance: spec.relativeTolerance,
    });
    converged = css.converged;
    if (method === "CSS") {
      coef = css.x;
      objective = css.value;
    } else {
      if (css.converged) coef = css.x;
      if (!isStationaryAr(coef.subarray(0, p))) throw new Error("arima: non-stationary AR part from CSS");
      if (!isStationaryAr(coef.subarray(p + q, p + q + P))) {
        throw new Error("arima: non-stationary seasonal AR part from CSS");
      }
    }
  }
  if (fixed === undefined && method !== "CSS") {
    const start = coef.slice();
    arToUnconstrained(coef, start, 0, p);
    arToUnconstrained(coef, start, p + q, P);
    copyInverted(start, p, q);
    copyInverted(start, p + q + P, Q);
    const ml = minimizeBfgs(mlObjective, start, {
      parscale,
      relativeTolerance: spec.relativeTolerance,
      gradient: exactMl ? mlGradient : undefined,
    });
    converged = converged && ml.converged;
    coef = ml.x.slice();
    copyInverted(coef, p, q);
    copyInverted(coef, p + q + P, Q);
    arFromUnconstrained(ml.x, coef, 0, p);
    arFromUnconstrained(ml.x, coef, p + q, P);
  }

  const scoreOnly = spec.scoreOnly === true;
  if (scoreOnly) {
    if (method !== "CSS") {
      objective = differencedObjective(coef);
      if (objective === Number.MAX_VALUE) throw new Error("arima: non-stationary AR part");
    }
    expandArma(coef, order, phi, theta);
    model.phi.set(phi);
    model.theta.set(theta);
  } else if (!filter(coef, residuals)) {
    throw new Error("arima: non-stationary AR part from CSS");
  }
  let sigma2Estimate: number;
  if (method === "CSS") {
    sigma2Estimate = cssMeanSquare(coef);
    if (fixed !== undefined) objective = 0.5 * Math.log(sigma2Estimate);
  } else if (scoreOnly) {
    sigma2Estimate = sums.ssq / nUsed;
  } else {
    objective = likelihoodObjective();
    sigma2Estimate = sums.ssq / nUsed;
  }
  const value = 2 * nUsed * objective + nUsed + nUsed * LOG_2PI;
  const aic = method === "CSS" ? Number.NaN : value + 2 * k + 2;
  const npar = k + 1;
  const nstar = n - lost;
  let rss = 0;
  for (let t = 0; t < n; t++) rss += residuals[t] * residuals[t];
  const fitted = { order, terms, method } as const;
  return {
    ...fitted,
    coef,
    names: [
      ...Array.from({ length: p }, (_, i) => `ar${i + 1}`),
      ...Array.from({ length: q }, (_, i) => `ma${i + 1}`),
      ...Array.from({ length: P }, (_, i) => `sar${i + 1}`),
      ...Array.from({ length: Q }, (_, i) => `sma${i + 1}`),
      ...termNames(terms),
    ],
    sigma2: rss / (nstar - npar + 1),
    sigma2Estimate,
    loglik: -0.5 * value,
    aic,
    aicc: aic + (2 * npar * (npar + 1)) / (nstar - npar - 1),
    bic: aic + npar * (Math.log(nstar) - 2),
    nobs: nUsed,
    residuals: residuals.slice(),
    model,
    converged,
    description: describeArima(fitted),
  };
}
