import { minimize } from "../../optimize/nelder-mead.js";
import { isAdmissible } from "./admissible.js";
import { ADDITIVE, etsFilter, MULTIPLICATIVE, NONE } from "./ets-filter.js";
import { type EtsForm, freeStateCount, smoothingParameterCount } from "./ets-form.js";
import { etsLikelihood } from "./ets-likelihood.js";
import { etsInitialState } from "./initial-state.js";
import { type EtsFixedParameters, ParameterLayout } from "./parameter-layout.js";

/** A fitted ETS model: its parameters, states and information criteria. */
export interface EtsFit {
  readonly form: EtsForm;
  readonly alpha: number;
  /** 0 without a trend. */
  readonly beta: number;
  /** 0 without a season. */
  readonly gamma: number;
  /** 1 when not damped. */
  readonly phi: number;
  /** x0 in the layout of `etsFilter`: [level, trend, s(0), ..., s(m-1)]. */
  readonly initialState: Float64Array;
  /** The state after the last observation, ready to forecast. */
  readonly finalState: Float64Array;
  /** One-step forecasts of each observation. */
  readonly fitted: Float64Array;
  /** Observations fitted. */
  readonly n: number;
  /** Concentrated log likelihood without constants, as R's forecast::ets reports it (-lik / 2). */
  readonly logLikelihood: number;
  readonly aic: number;
  /** AIC with the small-sample correction (Hurvich & Tsai 1989), the criterion for choosing a form. */
  readonly aicc: number;
  readonly bic: number;
  /** Innovation variance: squared (relative, for multiplicative errors) one-step errors over n - parameters. */
  readonly sigma2: number;
  /** Parameters estimated, the initial states included. */
  readonly estimated: number;
  /** Likelihood evaluations the optimiser spent. */
  readonly evaluations: number;
  /** The optimiser's coordinates of the fit, to resume from (see `EtsOptimizerSettings.resume`). */
  readonly point: Float64Array;
}

/** Effort of the optimiser; the defaults suit a fit on its own, `autoEts` spends less on its first pass. */
export interface EtsOptimizerSettings {
  /** Evaluations of the final, all-parameter Nelder-Mead run (default 600; 0 skips it). */
  readonly maxEvaluations?: number;
  /** Its convergence tolerance on the spread of -2 log likelihood, relative (default 1e-8, R's). */
  readonly relativeTolerance?: number;
  /** Start the final run here (an earlier fit's `point`), skipping the grid and the first stage. */
  readonly resume?: Float64Array;
  /** Working space of at least n + m numbers to reuse across fits (fitEts allocates it otherwise). */
  readonly scratch?: Float64Array;
}

export type { EtsFixedParameters } from "./parameter-layout.js";

const CODE = { N: NONE, A: ADDITIVE, M: MULTIPLICATIVE } as const;

/** The standard deviation of the first differences: the scale of the states' simplex edges. */
function typicalChange(y: Float64Array, n: number): number {
  let sum = 0;
  let sumSquares = 0;
  for (let t = 1; t < n; t++) {
    const d = y[t] - y[t - 1];
    sum += d;
    sumSquares += d * d;
  }
  const mean = n > 1 ? sum / (n - 1) : 0;
  const sd = n > 1 ? Math.sqrt(Math.max(sumSquares / (n - 1) - mean * mean, 0)) : 0;
  return sd > 0 ? sd : Math.abs(y[0]) * 1e-3 || 1e-3;
}

function setCoefficients(
  out: Float64Array,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
): Float64Array {
  out[0] = alpha;
  out[1] = beta;
  out[2] = gamma;
  out[3] = phi;
  return out;
}

/** Overwrites the smoothing coordinates of `start` with the best point of the layout's grid (or keeps them). */
function searchGrid(
  objective: (x: Float64Array) => number,
  layout: ParameterLayout,
  start: Float64Array,
): number {
  const count = layout.levelIndex;
  const point = start.slice();
  const best = start.slice(0, count);
  let bestValue = objective(point);
  let combinations = 1;
  for (let i = 0; i < count; i++) combinations *= layout.grid[i].length;
  for (let c = 0; c < combinations; c++) {
    let rest = c;
    for (let i = 0; i < count; i++) {
      const values = layout.grid[i];
      point[i] = Math.min(Math.max(values[rest % values.length], layout.lower[i]), layout.upper[i]);
      rest = Math.floor(rest / values.length);
    }
    const value = objective(point);
    if (value < bestValue) {
      bestValue = value;
      for (let i = 0; i < count; i++) best[i] = point[i];
    }
  }
  start.set(best);
  return combinations + 1;
}

/**
 * Fits one ETS form to y[0, n) by maximum likelihood (Hyndman et al. 2008, ch. 5): the smoothing parameters
 * and the initial states together, inside the usual region (alpha, beta <= alpha, gamma <= 1 - alpha,
 * phi in [0.8, 0.98]) intersected with the admissible region, starting from R's heuristic initial states.
 *
 * The likelihood has several local optima, so the smoothing parameters are first tried on a coarse grid,
 * then improved together with the initial level and trend (Nelder-Mead in at most 6 dimensions, the seasons
 * held at their heuristic values) before a bounded Nelder-Mead run moves every parameter at once.
 *
 * @param y observations, finite; positive for multiplicative components
 * @param form the form to fit
 * @param fixed smoothing parameters held at given values (inside the usual region)
 * @param n fit y[0, n) only (default all of y)
 * @param settings optimiser effort
 * @returns the fit, or null when the form has as many parameters as observations less one, or no
 *   parameter value gives a finite likelihood
 * @example fitEts(y, { error: "A", trend: "A", damped: true, season: "N", period: 1 })?.aicc
 */
export function fitEts(
  y: Float64Array,
  form: EtsForm,
  fixed: EtsFixedParameters = {},
  n = y.length,
  settings: EtsOptimizerSettings = {},
): EtsFit | null {
  const m = form.season === "N" ? 1 : form.period;
  const hasSeason = form.season !== "N";
  const error = CODE[form.error];
  const trend = CODE[form.trend];
  const season = CODE[form.season];
  const data = n === y.length ? y : y.subarray(0, n);
  const layout = new ParameterLayout(form, fixed, etsInitialState(data, form), typicalChange(data, n));
  const estimated = layout.start.length;
  if (estimated >= n - 1) return null;

  const state = new Float64Array(2 + (hasSeason ? m : 0));
  const ring = new Float64Array(m);
  const seasons =
    settings.scratch !== undefined && settings.scratch.length >= n + m
      ? settings.scratch
      : new Float64Array(n + m);
  const admissibility = new Float64Array(2 * m + 4);
  const coefficients = new Float64Array(4);
  const noBeta = trend === NONE ? Number.NaN : 0;
  const objective = (x: Float64Array): number => {
    if (!layout.decode(x, state)) return Number.POSITIVE_INFINITY;
    const { alpha, beta, gamma, phi } = layout;
    // Non-seasonal usual regions lie inside the admissible ones; seasonal ones need the check.
    if (hasSeason && !isAdmissible(alpha, beta + noBeta, gamma, phi, m, admissibility)) {
      return Number.POSITIVE_INFINITY;
    }
    const lik =
      trend === MULTIPLICATIVE
        ? etsFilter(data, n, error, trend, season, m, alpha, beta, gamma, phi, state, ring, null, null)
        : etsLikelihood(
            data,
            n,
            error,
            trend,
            season,
            m,
            setCoefficients(coefficients, alpha, beta, gamma, phi),
            state,
            seasons,
          );
    if (Number.isNaN(lik)) return Number.POSITIVE_INFINITY;
    return Math.max(lik, -1e10);
  };

  const start = Float64Array.from(layout.start);
  const smoothing = layout.levelIndex;
  let evaluations = 0;
  if (settings.resume !== undefined) {
    start.set(settings.resume);
  } else if (smoothing > 0) {
    evaluations += searchGrid(objective, layout, start);
    // Stage one: smoothing parameters, level and trend; the seasons stay at their heuristic values.
    const moving = layout.seasonIndex;
    const point = start.slice();
    const partial = (x: Float64Array): number => {
      point.set(x);
      return objective(point);
    };
    const first = minimize(
      partial,
      start.subarray(0, moving),
      layout.lower.slice(0, moving),
      layout.upper.slice(0, moving),
      {
        step: layout.steps.slice(0, moving),
        maxEvaluations: 30 + 10 * (moving - smoothing),
        relativeTolerance: 1e-6,
      },
    );
    evaluations += first.evaluations;
    if (Number.isFinite(first.value)) start.set(first.x);
  }
  const maxEvaluations = settings.maxEvaluations ?? 600;
  // With no budget for the final run, the fit is the first stage's: a quick fit for ranking forms.
  const result =
    maxEvaluations > 0
      ? minimize(objective, start, layout.lower, layout.upper, {
          step: layout.steps,
          maxEvaluations,
          relativeTolerance: settings.relativeTolerance ?? 1e-8,
        })
      : { x: start, value: objective(start), evaluations: 1 };
  evaluations += result.evaluations;
  if (!Number.isFinite(result.value)) return null;

  layout.decode(result.x, state);
  const { alpha, beta, gamma, phi } = layout;
  const initialState = state.slice();
  const fitted = new Float64Array(n);
  const totals = new Float64Array(2);
  const raw = etsFilter(
    data,
    n,
    error,
    trend,
    season,
    m,
    alpha,
    beta,
    gamma,
    phi,
    state,
    ring,
    fitted,
    totals,
  );
  const lik = Math.max(raw, -1e10);
  // R counts the innovation variance as a parameter of the criteria, and the fixed ones in sigma^2.
  const k = estimated + 1;
  const aic = lik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY;
  const parameters = smoothingParameterCount(form) + freeStateCount(form);
  return {
    form,
    alpha,
    beta: trend === NONE ? 0 : beta,
    gamma: hasSeason ? gamma : 0,
    phi: form.damped ? phi : 1,
    initialState,
    finalState: state,
    fitted,
    n,
    logLikelihood: -0.5 * lik,
    aic,
    aicc,
    bic: lik + Math.log(n) * k,
    sigma2: totals[0] / Math.max(n - parameters, 1),
    estimated,
    evaluations,
    point: result.x,
  };
}
