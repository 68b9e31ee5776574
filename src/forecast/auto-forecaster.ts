import { calibrationPlan } from "./calibration-plan.js";
import { applyConformal, type ConformalFit, fitConformal } from "./conformal-calibration.js";
import { uncalibratedLevels } from "./conformal-forecaster.js";
import { crossValidate, foldOrigins } from "./cross-validate.js";
import { ensemble } from "./ensemble.js";
import type { ForecastReport, ReportingForecaster, ReportOptions } from "./forecast-report.js";
import type { Forecaster, ForecastRequest } from "./forecaster.js";
import { relativeScales } from "./relative-scales.js";
import { intervalScore, maseScale } from "./selection-scores.js";
import { validateFinite, validateRequest } from "./validate-request.js";

/** How `autoForecaster` selects. */
export interface AutoOptions {
  /**
   * Sizes of the mean ensembles of the best-ranked candidates that compete with them, default [2, 3]; the
   * mean of every candidate competes too unless this is empty.
   */
  readonly ensembleSizes?: readonly number[];
  /** Most cross-validation origins; default 60 when every candidate has `forecastOrigins`, else 10. */
  readonly maxOrigins?: number;
  /** Measure errors relative to the local level of a non-negative series (`relativeScales`); default true. */
  readonly relative?: boolean;
  /**
   * How much lower (as a share) the score of a single candidate or smaller ensemble must be than the score
   * of the mean of every candidate to replace it; default 0: the lowest score wins outright. Simple
   * averages are hard to beat out of sample (the forecast combination puzzle, Smith & Wallis 2009; the M4
   * combinations), and a cross-validation score has noise, so the full combination can be made the default
   * that a selection has to beat clearly.
   */
  readonly combinationMargin?: number;
}

/** How one candidate (or ensemble of candidates) did in cross-validation. */
export interface CandidateScore {
  /** The candidate's name, or "ensemble(a, b)" for a mean ensemble. */
  readonly label: string;
  readonly members: readonly string[];
  /** Mean absolute error over every fold and step, scaled by the in-sample seasonal naive MAE. */
  readonly mase: number;
  /** Mean 95% interval score of its conformal intervals over the same folds, scaled alike. */
  readonly msis: number;
  /** Half the MASE and half the MSIS, each relative to the best single candidate's; lower is better. */
  readonly score: number;
  /** Why the candidate could not be scored (it threw or returned non-finite forecasts); scores are NaN. */
  readonly error?: string;
}

/** What `autoForecaster` chose and why. */
export interface AutoSelection {
  /** The winning label, e.g. "theta" or "ensemble(ets, theta)". */
  readonly winner: string;
  readonly members: readonly string[];
  /** Every candidate and ensemble tried, best first; failed candidates last. */
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
  score: number;
}

/** MSIS, the M4 interval score, is taken at 95%. */
const MSIS_LEVEL = 95;

/**
 * Chooses a model per series (the automatic model of statsforecast and the M4 winners' practice of
 * combining): every candidate is cross-validated over the rolling origins of `calibrationPlan`, cheaply
 * with `forecastOrigins` (one fit and a filter pass each); mean ensembles of the best 2 and 3 compete with
 * the single candidates on the same folds at no extra fit. Each is scored on MASE (its mean absolute
 * error over all folds and steps, scaled by the in-sample seasonal naive MAE, Hyndman & Koehler 2006) and
 * MSIS (the mean 95% interval score of the conformal intervals its own errors give, Gneiting & Raftery
 * 2007), combined as in M4's OWA: score = (MASE / best MASE + MSIS / best MSIS) / 2, the bests taken over
 * the single candidates. The lowest score wins; only the winner's members are fitted again, once, on all
 * of `y`, and its intervals are conformal ones from the cross-validation errors already computed.
 * Candidates that fail in cross-validation are left out and reported. A series too short to
 * cross-validate gets the first candidate with its own intervals: list candidates by preference.
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
  const ensembleSizes = [...new Set(options.ensembleSizes ?? [2, 3])].sort((a, b) => a - b);
  for (const size of ensembleSizes) {
    if (!Number.isInteger(size) || size < 2) throw new Error(`ensembleSizes: ${size} is not an integer >= 2`);
  }
  const refit = candidates.some((candidate) => candidate.forecastOrigins === undefined);
  const margin = options.combinationMargin ?? 0;
  if (!(margin >= 0 && margin < 1)) throw new Error(`combinationMargin: ${margin} is not in [0, 1)`);

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
        selection: { winner: first.name, members: [first.name], scores: [], origins: 0 },
      };
    }
    const origins = foldOrigins(n, horizon, plan.windows, plan.step);
    const period = seasons.length > 0 ? seasons[0] : 1;
    const scale = maseScale(y, period);
    const fitLevels = [...levels, MSIS_LEVEL];
    const scales = options.relative === false ? null : relativeScales(y, origins, seasons);
    const evaluate = (label: string, members: readonly Forecaster[], means: Float64Array): Scored => {
      const absErrors = new Float64Array(means.length);
      let sum = 0;
      for (let k = 0; k < origins.length; k++) {
        for (let j = 0, i = k * horizon; j < horizon; j++, i++) {
          absErrors[i] = Math.abs(y[origins[k] + j] - means[i]);
          sum += absErrors[i];
        }
      }
      // One fit serves the score (at MSIS_LEVEL, last) and, for the winner, the published intervals.
      const fit = fitConformal(absErrors, origins, horizon, fitLevels, period, scales?.origins);
      const q = fit.quantiles[levels.length];
      // The 95% interval score of the symmetric conformal interval mean ± width, scored on |error|.
      let interval = 0;
      for (let k = 0; k < origins.length; k++) {
        let phase = origins[k] % period;
        const originScale = scales ? scales.origins[k] : 1;
        for (let j = 0, i = k * horizon; j < horizon; j++, i++) {
          const width = q * fit.stepScale[j] * fit.phaseFactor[phase] * originScale;
          interval += intervalScore(absErrors[i], -width, width, 1 - MSIS_LEVEL / 100);
          if (++phase === period) phase = 0;
        }
      }
      const count = means.length * scale;
      return {
        label,
        members,
        means,
        fit,
        mase: sum / count,
        msis: interval / count,
        score: Number.NaN,
      };
    };

    const singles: Scored[] = [];
    const failures: CandidateScore[] = [];
    for (const candidate of candidates) {
      try {
        const cv = crossValidate(y, candidate, {
          horizon,
          levels: [],
          seasons,
          xreg: request.xreg,
          windows: plan.windows,
          step: plan.step,
        });
        const means = new Float64Array(origins.length * horizon);
        for (let k = 0; k < origins.length; k++) means.set(cv.folds[k].mean, k * horizon);
        singles.push(evaluate(candidate.name, [candidate], means));
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
    const bestMsis = Math.min(...singles.map((s) => s.msis));
    const rate = (s: Scored) => {
      s.score = (relative(s.mase, bestMase) + relative(s.msis, bestMsis)) / 2;
    };
    singles.forEach(rate);
    const ranked = [...singles].sort((a, b) => a.score - b.score);
    const tried = [...ranked];
    // Ensembles of the best 2, 3... and, when any ensemble is tried, the mean of every candidate.
    const sizes = ensembleSizes.filter((size) => size < singles.length);
    if (ensembleSizes.length > 0 && singles.length >= 2) sizes.push(singles.length);
    let combination: Scored | null = null;
    for (const size of sizes) {
      // Members keep the candidates' order, so one combination always has one label.
      const best = ranked.slice(0, size);
      const members = singles.filter((s) => best.includes(s));
      const means = new Float64Array(origins.length * horizon);
      for (const member of members) {
        for (let i = 0; i < means.length; i++) means[i] += member.means[i] / size;
      }
      const combined = evaluate(
        `ensemble(${members.map((m) => m.label).join(", ")})`,
        members.flatMap((m) => m.members),
        means,
      );
      rate(combined);
      tried.push(combined);
      if (size === singles.length) combination = combined;
    }
    let best = tried[0];
    for (const s of tried) if (s.score < best.score) best = s;
    const winner =
      combination !== null && !(best.score < combination.score * (1 - margin)) ? combination : best;

    const model = winner.members.length === 1 ? winner.members[0] : ensemble(winner.members, "mean");
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
    const scores: CandidateScore[] = [...tried]
      .sort((a, b) => a.score - b.score)
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
