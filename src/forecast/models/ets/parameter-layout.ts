import type { EtsForm } from "./ets-form.js";

/** Smoothing parameters to hold fixed instead of estimating. */
export interface EtsFixedParameters {
  readonly alpha?: number;
  readonly beta?: number;
  readonly gamma?: number;
  readonly phi?: number;
}

/** The usual region of R's forecast::ets (Hyndman et al. 2008, section 5.2). */
export const USUAL_LOWER = { alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8 } as const;
export const USUAL_UPPER = { alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98 } as const;

/**
 * The optimiser's view of an ETS form: which parameters it moves, where they start, their box, and how a
 * point maps back to smoothing parameters and an initial state.
 *
 * The usual region (beta <= alpha, gamma <= 1 - alpha) is not a box in (alpha, beta, gamma), and Nelder-Mead
 * crawls along such diagonal walls. So beta is searched as a fraction of alpha and gamma as a fraction of
 * 1 - alpha, each in [0, 1]: a box with the same region as its image.
 */
export class ParameterLayout {
  readonly start: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly steps: number[] = [];
  /** Coordinates before this are smoothing parameters, from it on initial states. */
  readonly levelIndex: number;
  /** Coordinates before this are smoothing parameters, level and trend; from it on seasons. */
  readonly seasonIndex: number;
  /** For each smoothing coordinate, a few values to try first (see `fitEts`). */
  readonly grid: number[][] = [];
  /**
   * Smoothing parameters of the last `decode`: [alpha, beta, gamma, phi] (beta and gamma 0 without a trend
   * or a season, phi 1 when not damped). A typed array, so that they stay unboxed doubles.
   */
  readonly smoothing = Float64Array.of(0, 0, 0, 1);

  private readonly alphaIndex: number;
  private readonly betaIndex: number;
  private readonly gammaIndex: number;
  private readonly phiIndex: number;
  private readonly fixedAlpha: number;
  private readonly fixedBeta: number;
  private readonly fixedGamma: number;
  private readonly fixedPhi: number;
  private readonly hasTrend: boolean;
  private readonly period: number;
  private readonly multiplicativeSeason: boolean;

  /**
   * @param form the form being fitted
   * @param fixed smoothing parameters held fixed (validated by the caller)
   * @param initial the heuristic initial state, layout of `etsFilter`
   * @param scale the data's typical step, for the states' simplex edges
   */
  constructor(form: EtsForm, fixed: EtsFixedParameters, initial: Float64Array, scale: number) {
    const m = form.season === "N" ? 1 : form.period;
    this.period = m;
    this.hasTrend = form.trend !== "N";
    this.multiplicativeSeason = form.season === "M";
    // R's starting values (forecast:::initparam): alpha 0.2 / m of the way up, beta a tenth of the way to
    // alpha, gamma a twentieth of the way to 1 - alpha, phi near its upper bound.
    const alpha0 = fixed.alpha ?? USUAL_LOWER.alpha + (0.2 * (USUAL_UPPER.alpha - USUAL_LOWER.alpha)) / m;
    const beta0 = USUAL_LOWER.beta + 0.1 * (Math.min(USUAL_UPPER.beta, alpha0) - USUAL_LOWER.beta);
    const gamma0 = USUAL_LOWER.gamma + 0.05 * (Math.min(USUAL_UPPER.gamma, 1 - alpha0) - USUAL_LOWER.gamma);
    const phi0 = USUAL_LOWER.phi + 0.99 * (USUAL_UPPER.phi - USUAL_LOWER.phi);
    this.fixedAlpha = alpha0;
    this.fixedBeta = fixed.beta ?? 0;
    this.fixedGamma = fixed.gamma ?? 0;
    this.fixedPhi = form.damped ? (fixed.phi ?? phi0) : 1;
    this.alphaIndex =
      fixed.alpha === undefined
        ? this.add(
            alpha0,
            Math.max(USUAL_LOWER.alpha, this.fixedBeta),
            Math.min(USUAL_UPPER.alpha, 1 - this.fixedGamma),
            0.1,
            [0.1, 0.5, 0.9],
          )
        : -1;
    this.betaIndex =
      this.hasTrend && fixed.beta === undefined ? this.add(beta0 / alpha0, 0, 1, 0.1, [0.1, 0.9]) : -1;
    this.gammaIndex =
      form.season !== "N" && fixed.gamma === undefined
        ? this.add(gamma0 / (1 - alpha0), 0, 1, 0.1, [0.1, 0.5])
        : -1;
    this.phiIndex =
      form.damped && fixed.phi === undefined
        ? this.add(phi0, USUAL_LOWER.phi, USUAL_UPPER.phi, 0.02, [0.85, 0.97])
        : -1;
    this.levelIndex = this.start.length;
    const unbounded = Number.POSITIVE_INFINITY;
    this.add(initial[0], -unbounded, unbounded, 0.2 * scale);
    if (this.hasTrend) this.add(initial[1], -unbounded, unbounded, form.trend === "M" ? 0.02 : 0.02 * scale);
    this.seasonIndex = this.start.length;
    for (let j = 1; j < m; j++) {
      this.add(initial[2 + j], -unbounded, unbounded, this.multiplicativeSeason ? 0.02 : 0.2 * scale);
    }
  }

  private add(value: number, low: number, high: number, step: number, grid?: number[]): number {
    if (grid !== undefined) this.grid.push(grid);
    this.start.push(value);
    this.lower.push(low);
    this.upper.push(high);
    this.steps.push(step);
    return this.start.length - 1;
  }

  /**
   * Sets alpha, beta, gamma and phi from a point and writes its initial state into `state`. Returns false
   * where a multiplicative season would turn negative (R rejects those points too).
   */
  decode(x: Float64Array, state: Float64Array): boolean {
    const smoothing = this.smoothing;
    const alpha = this.alphaIndex < 0 ? this.fixedAlpha : x[this.alphaIndex];
    smoothing[0] = alpha;
    smoothing[1] = !this.hasTrend
      ? 0
      : this.betaIndex < 0
        ? this.fixedBeta
        : Math.max(x[this.betaIndex] * alpha, USUAL_LOWER.beta);
    smoothing[2] =
      this.gammaIndex < 0 ? this.fixedGamma : Math.max(x[this.gammaIndex] * (1 - alpha), USUAL_LOWER.gamma);
    smoothing[3] = this.phiIndex < 0 ? this.fixedPhi : x[this.phiIndex];
    const levelIndex = this.levelIndex;
    state[0] = x[levelIndex];
    state[1] = this.hasTrend ? x[levelIndex + 1] : 0;
    const m = this.period;
    if (m === 1) return true;
    const seasonIndex = levelIndex + (this.hasTrend ? 2 : 1) - 1;
    let sum = 0;
    let negative = false;
    for (let j = 1; j < m; j++) {
      const s = x[seasonIndex + j];
      state[2 + j] = s;
      sum += s;
      if (s < 0) negative = true;
    }
    // The seasons are normalised: they sum to 0 (additive) or to m (multiplicative).
    state[2] = (this.multiplicativeSeason ? m : 0) - sum;
    return !(this.multiplicativeSeason && (negative || state[2] < 0));
  }
}
