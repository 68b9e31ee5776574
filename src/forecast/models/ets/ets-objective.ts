import { isSeasonalAdmissible } from "./admissible.js";
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

/**
 * What the optimiser minimises for one ETS form on y[0, n): -2 log likelihood (Hyndman et al. 2008, eq. 5.3,
 * as `etsFilter` computes it) as a function of the optimiser's coordinates (see `ParameterLayout`), Infinity
 * outside the admissible region. Its working space is allocated once, here, and reused by every evaluation.
 *
 * @example
 * const objective = new EtsObjective(y, { error: "A", trend: "N", damped: false, season: "N", period: 1 });
 * objective.evaluate(Float64Array.from(objective.layout.start)); // -2 log likelihood at R's start
 */
export class EtsObjective {
  readonly form: EtsForm;
  readonly layout: ParameterLayout;
  /** Observations fitted. */
  readonly n: number;
  /** Parameters estimated, the initial states included. */
  readonly estimated: number;
  /** What AICc adds to -2 log likelihood: 2k + 2k(k + 1) / (n - k - 1), k counting the variance too. */
  readonly aiccPenalty: number;

  private readonly data: Float64Array;
  private readonly m: number;
  private readonly error: number;
  private readonly trend: number;
  private readonly season: number;
  private readonly state: Float64Array;
  private readonly ring: Float64Array;
  private readonly seasons: Float64Array;
  private readonly admissibility: Float64Array;

  /**
   * @param y observations, finite; positive for multiplicative components
   * @param form the form to fit
   * @param fixed smoothing parameters held at given values (inside the usual region)
   * @param n fit y[0, n) only (default all of y)
   * @param scratch working space of at least n + m numbers to share with other objectives evaluated in turn
   * @param initial the heuristic initial state, `etsInitialState(y[0, n), form)`, when already computed
   *   (forms that differ in their error only share it)
   */
  constructor(
    y: Float64Array,
    form: EtsForm,
    fixed: EtsFixedParameters = {},
    n = y.length,
    scratch?: Float64Array,
    initial?: Float64Array,
  ) {
    const m = form.season === "N" ? 1 : form.period;
    this.form = form;
    this.n = n;
    this.m = m;
    this.error = CODE[form.error];
    this.trend = CODE[form.trend];
    this.season = CODE[form.season];
    this.data = n === y.length ? y : y.subarray(0, n);
    this.layout = new ParameterLayout(
      form,
      fixed,
      initial ?? etsInitialState(this.data, form),
      typicalChange(this.data, n),
    );
    this.estimated = this.layout.start.length;
    // R counts the innovation variance as a parameter of the criteria.
    const k = this.estimated + 1;
    this.aiccPenalty = n - k - 1 > 0 ? 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY;
    // Views of one array: a typed array of more than 64 bytes costs V8 an off-heap allocation.
    const stateLength = 2 + (form.season === "N" ? 0 : m);
    const space = new Float64Array(stateLength + m + 2 * m + 4);
    this.state = space.subarray(0, stateLength);
    this.ring = space.subarray(stateLength, stateLength + m);
    this.admissibility = space.subarray(stateLength + m);
    this.seasons = scratch !== undefined && scratch.length >= n + m ? scratch : new Float64Array(n + m);
  }

  /** -2 log likelihood at the optimiser's point x (bounded below by -1e10), Infinity where it is undefined. */
  evaluate(x: Float64Array): number {
    const layout = this.layout;
    if (!layout.decode(x, this.state)) return Number.POSITIVE_INFINITY;
    const smoothing = layout.smoothing;
    // Non-seasonal usual regions lie inside the admissible ones; seasonal ones need the check.
    if (this.season !== NONE && !isSeasonalAdmissible(smoothing, this.m, this.admissibility)) {
      return Number.POSITIVE_INFINITY;
    }
    const trend = this.trend;
    let lik: number;
    if (trend === MULTIPLICATIVE) {
      lik = etsFilter(
        this.data,
        this.n,
        this.error,
        trend,
        this.season,
        this.m,
        smoothing[0],
        smoothing[1],
        smoothing[2],
        smoothing[3],
        this.state,
        this.ring,
        null,
        null,
      );
    } else {
      lik = etsLikelihood(
        this.data,
        this.n,
        this.error,
        trend === ADDITIVE ? ADDITIVE : NONE,
        this.season,
        this.m,
        smoothing,
        this.state,
        this.seasons,
      );
    }
    if (Number.isNaN(lik)) return Number.POSITIVE_INFINITY;
    return Math.max(lik, -1e10);
  }

  /**
   * The fit at the optimiser's point x: parameters, states, fitted values and criteria.
   *
   * @param x a point where `evaluate` is finite
   * @param evaluations likelihood evaluations spent to find it
   */
  fitAt(x: Float64Array, evaluations: number): EtsFit {
    const { form, layout, n } = this;
    const state = new Float64Array(this.state.length);
    layout.decode(x, state);
    const [alpha, beta, gamma, phi] = layout.smoothing;
    const initialState = state.slice();
    const fitted = new Float64Array(n);
    const totals = new Float64Array(2);
    const raw = etsFilter(
      this.data,
      n,
      this.error,
      this.trend,
      this.season,
      this.m,
      alpha,
      beta,
      gamma,
      phi,
      state,
      this.ring,
      fitted,
      totals,
    );
    const lik = Math.max(raw, -1e10);
    const k = this.estimated + 1;
    const aic = lik + 2 * k;
    const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY;
    // The fixed smoothing parameters count in sigma^2, as in R.
    const parameters = smoothingParameterCount(form) + freeStateCount(form);
    return {
      form,
      alpha,
      beta: this.trend === NONE ? 0 : beta,
      gamma: this.season !== NONE ? gamma : 0,
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
      estimated: this.estimated,
      evaluations,
      point: x,
    };
  }
}
