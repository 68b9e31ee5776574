import { calibrationPlan } from "./calibration-plan.js";
import { applyConformal, type ConformalFit, fitConformal } from "./conformal-calibration.js";
import { uncalibratedLevels } from "./conformal-forecaster.js";
import { type CrossValidation, crossValidate, foldOrigins } from "./cross-validate.js";
import { dieboldMariano } from "./diebold-mariano.js";
import { ensemble } from "./ensemble.js";
import { familyShares } from "./family-shares.js";
import type { ForecastReport, ReportingForecaster, ReportOptions } from "./forecast-report.js";
import type { Forecaster, ForecastRequest } from "./forecaster.js";
import { poolWeights } from "./pool-weights.js";
import { relativeScales } from "./relative-scales.js";
import { intervalScore, maseScale } from "./selection-scores.js";
import { MAX_SIMPLEX_MEMBERS } from "./simplex-weights.js";
import { validateFinite, validateRequest } from "./validate-request.js";

/** How `autoForecaster` selects. */
export interface AutoOptions {
  /**
   * Candidates whose cross-validation MASE is at most (1 + poolMargin) times the best one's are pooled: the
   * forecast is their weighted mean (`weightShrinkage`). Default 0.2; 0 keeps the best candidate alone (ties
   * pooled).
   */
  readonly poolMargin?: number;
  /**
   * A candidate within the margin still stays out of the pool when its cross-validation errors are worse
   * than the best candidate's beyond chance: when the Diebold-Mariano statistic of their per-origin absolute
   * errors exceeds this. Default 2 (about a 2% one-sided test); Infinity pools on the margin alone.
   */
  readonly poolTest?: number;
  /**
   * Fits each candidate makes in cross-validation (`Forecaster.forecastOrigins`), each serving a run of
   * consecutive origins; default 3. One fit on the first half of the series judges a model by parameters
   * (and, for ETS, a form) fitted to data older and shorter than the final fit sees.
   */
  readonly fits?: number;
  /**
   * Share of the latest cross-validation origins whose errors score the candidates: the MASE (and MSIS) that
   * finds the best candidate and the pool within `poolMargin` of it; default 0.5. The pool's test and the
   * conformal intervals use every origin. The latest origins are forecast by the fits that saw the most data,
   * nearest the forecast to be made; the test needs every origin for its power.
   */
  readonly scoredShare?: number;
  /**
   * Share of equal weight in the pool's weights: the forecast is the pool's weighted mean, with the weights
   * (1 - s) w + s e, w the simplex weights that minimise the squared error of the combination over the
   * scored folds (`poolWeights`) and e equal shares per family (`familyShares`, `Forecaster.family`: a
   * model and its twins share one). Default 0.5; 1 gives e alone.
   */
  readonly weightShrinkage?: number;
  /** Most cross-validation origins; default 60 when every candidate has `forecastOrigins`, else 10. */
  readonly maxOrigins?: number;
  /** Measure errors relative to the local level of a non-negative series (`relativeScales`); default true. */
  readonly relative?: boolean;
}

/** How one candidate (or ensemble of candidates) did in cross-validation. */
export interface CandidateScore {
  /** The candidate's name, or "ensemble(a, b)" for the pool's weighted mean. */
  readonly label: string;
  readonly members: readonly string[];
  /**
   * Mean absolute error over every step of the scored folds (`scoredShare`), scaled by the in-sample
   * seasonal naive MAE.
   */
  readonly mase: number;
  /** Mean 95% interval score of its conformal intervals over the same folds, scaled alike. */
  readonly msis: number;
  /** The MASE relative to the best single candidate's: 1 for the best; the pool takes those up to 1 + poolMargin. */
  readonly score: number;
  /** Why the candidate could not be scored (it threw or returned non-finite forecasts); scores are NaN. */
  readonly error?: string;
}

/** What `autoForecaster` chose and why. */
export interface AutoSelection {
  /** The winning label, e.g. "theta" or "ensemble(ets, theta)". */
  readonly winner: string;
  readonly members: readonly string[];
  /** Each member's weight in the forecast, summing to 1: [1] for a candidate alone. */
  readonly weights: readonly number[];
  /**
   * Every candidate and the pool's weighted mean when it has several members, by MASE; failed candidates
   * last.
   */
  readonly scores: readonly CandidateScore[];
  /** Cross-validation origins behind the scores; 0 when the series was too short to select. */
  readonly origins: number;
}

/** A forecast by the automatic model, with its selection. */
export interface AutoReport extends ForecastReport {
  readonly selection: AutoSelection;
}

/** The automatic model: a forecaster that selects among candidates per series and says what it chose. */
export interface AutoForecaster extends ReportingForecaster {
  forecastWithReport(y: Float64Array, request: ForecastRequest, options?: ReportOptions): AutoReport;
}

interface Scored {
  readonly label: string;
  readonly members: readonly Forecaster[];
  /** Cross-validation point forecasts, origin-major: means[k * horizon + j]. */
  readonly means: Float64Array;
  /** Conformal fit of its errors at the requested levels followed by MSIS_LEVEL. */
  readonly fit: ConformalFit;
  readonly mase: number;
  readonly msis: number;
  /** Mean absolute error of the forecasts from each origin, for the pool's test. */
  readonly originErrors: Float64Array;
  score: number;
}

/** MSIS, the M4 interval score, is taken at 95%. */
const MSIS_LEVEL = 95;

/** Candidates within 20% of the best cross-validation MASE are pooled (see `autoForecaster`). */
export const DEFAULT_POOL_MARGIN = 0.2;

/** Candidates whose errors are worse than the best's with a Diebold-Mariano statistic above 2 stay out. */
export const DEFAULT_POOL_TEST = 2;

/** The latest half of the cross-validation origins score the candidates (see `AutoOptions.scoredShare`). */
export const DEFAULT_SCORED_SHARE = 0.5;

/** The pool's weights are half estimated, half equal per family (see `AutoOptions.weightShrinkage`). */
export const DEFAULT_WEIGHT_SHRINKAGE = 0.5;

/** Candidates are fitted three times in cross-validation (see `AutoOptions.fits`). */
export const DEFAULT_FITS = 3;

/**
 * Chooses a model per series by forecast pooling (Kourentzes, Barrow & Petropoulos 2019, "Another look at
 * forecast selection and combination: evidence from forecast pooling", IJPE 209): every candidate is
 * cross-validated over the rolling origins of `calibrationPlan`, cheaply with `forecastOrigins` (`fits` fits,
 * each serving a run of origins, and a filter pass), and scored on MASE (its mean absolute error over every
 * step of the folds from the latest `scoredShare` of the origins, scaled by the in-sample seasonal naive MAE,
 * Hyndman & Koehler 2006). The candidates within `poolMargin` of the best MASE form the pool, unless their
 * errors at every origin are worse than the best's beyond chance (`poolTest`), and the forecast is the pool's
 * weighted mean: half the weights that minimise the combination's squared error over the scored folds, half
 * equal shares per family (`weightShrinkage`, `poolWeights`, `familyShares`). Selecting the single best is
 * fragile when a few folds decide between close candidates, and averaging every candidate lets a poor one
 * in; a pool of the close ones keeps the gain of combining (the M4 combinations) without the poor members,
 * the test keeps out a member that is close on average but behind at origin after origin, which would only
 * dilute, and the weights keep members that err alike (Theta with and without a weak season) from
 * outvoting a different one. Only the pool's
 * members are fitted again, once, on all of `y`; the intervals are conformal ones from the pool's
 * cross-validation errors, already computed. The mean 95% interval score (MSIS) of each candidate's own
 * conformal intervals is reported beside its MASE. Candidates that fail in cross-validation are left out and
 * reported. A series too short to cross-validate gets the first candidate with its own intervals: list
 * candidates by preference.
 *
 * @example
 * const auto = autoForecaster([ets, theta, snaive]);
 * const report = auto.forecastWithReport(y, { horizon: 14, levels: [80, 95], seasons: [7] });
 * report.result.description; // e.g. "auto: ensemble(ets, theta)"
 */
export function autoForecaster(candidates: readonly Forecaster[], options: AutoOptions = {}): AutoForecaster {
  if (!Array.isArray(candidates) || candidates.length === 0)
    throw new Error("candidates: at least one forecaster");
  const names = new Set<string>();
  for (const candidate of candidates) {
    if (names.has(candidate.name)) throw new Error(`candidates: "${candidate.name}" appears twice`);
    names.add(candidate.name);
  }
  const refit = candidates.some((candidate) => candidate.forecastOrigins === undefined);
  const margin = options.poolMargin ?? DEFAULT_POOL_MARGIN;
  if (!(margin >= 0 && Number.isFinite(margin)))
    throw new Error(`poolMargin: ${margin} is not a number >= 0`);
  const poolTest = options.poolTest ?? DEFAULT_POOL_TEST;
  if (!(poolTest >= 0)) throw new Error(`poolTest: ${poolTest} is not a number >= 0`);
  const scoredShare = options.scoredShare ?? DEFAULT_SCORED_SHARE;
  if (!(scoredShare > 0 && scoredShare <= 1)) throw new Error(`scoredShare: ${scoredShare} is not in (0, 1]`);
  const shrinkage = options.weightShrinkage ?? DEFAULT_WEIGHT_SHRINKAGE;
  if (!(shrinkage >= 0 && shrinkage <= 1)) throw new Error(`weightShrinkage: ${shrinkage} is not in [0, 1]`);
  const fits = options.fits ?? DEFAULT_FITS;
  if (!(Number.isInteger(fits) && fits >= 1)) throw new Error(`fits: ${fits} is not an integer >= 1`);

  const forecastWithReport = (
    y: Float64Array,
    request: ForecastRequest,
    report: ReportOptions = {},
  ): AutoReport => {
    validateRequest(request);
    validateFinite(y);
    const { horizon, levels, seasons } = request;
    const n = y.length;
    const plan = calibrationPlan(n, horizon, seasons, { refit, maxOrigins: options.maxOrigins });
    if (plan === null) {
      const first = candidates[0];
      const result = first.forecast(y, request);
      const warning =
        `too short to select a model (${n} points for horizon ${horizon}): ` +
        `used the first candidate, "${first.name}", with its own intervals`;
      return {
        result: { ...result, description: `auto: ${first.name}` },
        intervals: "model",
        warnings: [warning],
        selection: { winner: first.name, members: [first.name], weights: [1], scores: [], origins: 0 },
      };
    }
    const origins = foldOrigins(n, horizon, plan.windows, plan.step);
    const period = seasons.length > 0 ? seasons[0] : 1;
    const scale = maseScale(y, period);
    const fitLevels = [...levels, MSIS_LEVEL];
    const scales = options.relative === false ? null : relativeScales(y, origins, seasons);
    // The origins from `scoredFrom` on score the candidates (at least one).
    const scoredFrom = Math.min(origins.length - 1, Math.floor(origins.length * (1 - scoredShare)));
    const evaluate = (label: string, members: readonly Forecaster[], means: Float64Array): Scored => {
      const absErrors = new Float64Array(means.length);
      const originErrors = new Float64Array(origins.length);
      let sum = 0;
      for (let k = 0; k < origins.length; k++) {
        let originSum = 0;
        for (let j = 0, i = k * horizon; j < horizon; j++, i++) {
          absErrors[i] = Math.abs(y[origins[k] + j] - means[i]);
          originSum += absErrors[i];
        }
        originErrors[k] = originSum / horizon;
        if (k >= scoredFrom) sum += originSum;
      }
      // One fit serves the score (at MSIS_LEVEL, last) and, for the winner, the published intervals.
      const fit = fitConformal(absErrors, origins, horizon, fitLevels, period, scales?.origins);
      const q = fit.quantiles[levels.length];
      // The 95% interval score of the symmetric conformal interval mean ± width, scored on |error|.
      let interval = 0;
      for (let k = scoredFrom; k < origins.length; k++) {
        let phase = origins[k] % period;
        const originScale = scales ? scales.origins[k] : 1;
        for (let j = 0, i = k * horizon; j < horizon; j++, i++) {
          const width = q * fit.stepScale[j] * fit.phaseFactor[phase] * originScale;
          interval += intervalScore(absErrors[i], -width, width, 1 - MSIS_LEVEL / 100);
          if (++phase === period) phase = 0;
        }
      }
      const count = (origins.length - scoredFrom) * horizon * scale;
      return {
        label,
        members,
        means,
        fit,
        mase: sum / count,
        msis: interval / count,
        originErrors,
        score: Number.NaN,
      };
    };

    const singles: Scored[] = [];
    const failures: CandidateScore[] = [];
    // Final forecasts that reuse what a candidate's folds found (`forecastOriginsThenFinal`).
    const finals = new Map<Forecaster, NonNullable<CrossValidation["final"]>>();
    for (const candidate of candidates) {
      try {
        const cv = crossValidate(y, candidate, {
          horizon,
          levels: [],
          seasons,
          xreg: request.xreg,
          windows: plan.windows,
          step: plan.step,
          fits,
        });
        const means = new Float64Array(origins.length * horizon);
        for (let k = 0; k < origins.length; k++) means.set(cv.folds[k].mean, k * horizon);
        singles.push(evaluate(candidate.name, [candidate], means));
        if (cv.final !== undefined) finals.set(candidate, cv.final);
      } catch (error) {
        const failed = Number.NaN;
        const message = (error as Error).message;
        failures.push({
          label: candidate.name,
          members: [candidate.name],
          mase: failed,
          msis: failed,
          score: failed,
          error: message,
        });
      }
    }
    if (singles.length === 0) {
      throw new Error(
        `candidates: every candidate failed cross-validation (${failures.map((f) => `${f.label}: ${f.error}`).join("; ")})`,
      );
    }
    const bestMase = Math.min(...singles.map((s) => s.mase));
    for (const single of singles) single.score = relative(single.mase, bestMase);
    const tried = [...singles].sort((a, b) => a.score - b.score);
    // Folds from origins `step` apart overlap for ceil(horizon / step) origins: the test's HAC lag.
    const lag = Math.ceil(horizon / plan.step);
    const best = tried[0];
    const differential = new Float64Array(origins.length);
    const clearlyWorse = (single: Scored): boolean => {
      if (single === best || poolTest === Number.POSITIVE_INFINITY) return false;
      for (let k = 0; k < origins.length; k++)
        differential[k] = single.originErrors[k] - best.originErrors[k];
      return dieboldMariano(differential, lag) > poolTest;
    };
    // A candidate that forecast exactly as an earlier one at every origin (Theta with and without a season
    // its test rejected) is the same model on this series: pooled twice, it would count double.
    const repeats = (single: Scored, i: number): boolean =>
      singles.slice(0, i).some((earlier) => sameValues(earlier.means, single.means));
    // The pool keeps the candidates' order, so one combination always has one label.
    const members = singles.filter(
      (single, i) => single.score <= 1 + margin && !clearlyWorse(single) && !repeats(single, i),
    );
    let winner = members[0];
    let weights: Float64Array | null = null;
    if (members.length > 1) {
      const k = members.length;
      const shares = familyShares(members.map(({ members: [model] }) => model.family ?? model.name));
      // Beyond the exact search's reach (a pool of more than 12) the equal shares serve.
      weights =
        shrinkage < 1 && k <= MAX_SIMPLEX_MEMBERS
          ? poolWeights(
              members.map((m) => m.means),
              y,
              origins,
              horizon,
              scoredFrom,
              scales?.origins ?? null,
              shrinkage,
              shares,
            )
          : shares;
      const means = new Float64Array(origins.length * horizon);
      for (let m = 0; m < k; m++) {
        const w = weights[m];
        const member = members[m].means;
        for (let i = 0; i < means.length; i++) means[i] += w * member[i];
      }
      winner = evaluate(
        `ensemble(${members.map((m) => m.label).join(", ")})`,
        members.flatMap((m) => m.members),
        means,
      );
      winner.score = relative(winner.mase, bestMase);
      tried.push(winner);
      tried.sort((a, b) => a.score - b.score);
    }

    // Only the pool's members are fitted to the whole series; a candidate whose folds left a final forecast
    // (`forecastOriginsThenFinal`) makes it with what they found.
    const fitted = winner.members.map((member): Forecaster => {
      const final = finals.get(member);
      if (final === undefined) return member;
      return { ...member, forecast: (data, r) => (data === y ? final(r) : member.forecast(data, r)) };
    });
    const model = weights === null ? fitted[0] : ensemble(fitted, "mean", Array.from(weights));
    let result = model.forecast(y, request);
    const warnings: string[] = [];
    let intervals: "conformal" | "model" = "model";
    if (report.conformal !== false) {
      const quantiles = winner.fit.quantiles.subarray(0, levels.length);
      const fit: ConformalFit = { ...winner.fit, levels, quantiles };
      result = applyConformal(result, fit, n, scales?.forecast);
      intervals = "conformal";
      warnings.push(...uncalibratedLevels(levels, fit.quantiles));
    }
    for (const failure of failures) warnings.push(`candidate "${failure.label}" left out: ${failure.error}`);
    const scores: CandidateScore[] = tried
      .map(
        (s): CandidateScore => ({
          label: s.label,
          members: s.members.map((m) => m.name),
          mase: s.mase,
          msis: s.msis,
          score: s.score,
        }),
      )
      .concat(failures);
    return {
      result: { ...result, description: `auto: ${winner.label}` },
      intervals,
      warnings,
      selection: {
        winner: winner.label,
        members: winner.members.map((m) => m.name),
        weights: weights === null ? [1] : Array.from(weights),
        scores,
        origins: origins.length,
      },
    };
  };

  return {
    name: "auto",
    forecast: (y, request) => forecastWithReport(y, request).result,
    forecastWithReport,
  };
}

/** x relative to the best value: 1 for the best; a perfect best (0) makes any imperfect x infinitely worse. */
function relative(x: number, best: number): number {
  if (best > 0) return x / best;
  return x > 0 ? Number.POSITIVE_INFINITY : 1;
}

/** Whether two arrays hold the same values, element by element. */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
