import type { NelderMeadSearch } from "../../optimize/nelder-mead-search.js";
import type { EtsError, EtsForm, EtsSeason, EtsTrend } from "./ets-form.js";
import { EtsObjective } from "./ets-objective.js";
import {
  type EtsFit,
  type EtsFixedParameters,
  FINAL_EVALUATIONS,
  type FirstStage,
  finalSearch,
  firstStage,
  fitEts,
} from "./fit-ets.js";
import { etsInitialState } from "./initial-state.js";

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
 * forecast::ets: multiplicative components only for positive data, and no additive error with a
 * multiplicative trend or season, nor a multiplicative trend with an additive season under multiplicative
 * error (the numerically unstable combinations, Hyndman et al. 2008, section 2.5.4) unless nothing else is
 * left to fit.
 *
 * @param space the components to search
 * @param period the seasonal period (1 for none; seasonal forms are then dropped)
 * @param positive whether every observation is > 0
 * @example candidateForms({ errors: ["A", "M"], trends: ["N", "A"], damping: [true, false], seasons: ["N", "A", "M"] }, 12, true).length // 15
 */
export function candidateForms(space: EtsSearchSpace, period: number, positive: boolean): EtsForm[] {
  const all: EtsForm[] = [];
  const allowed: EtsForm[] = [];
  for (const error of space.errors) {
    for (const trend of space.trends) {
      for (const season of space.seasons) {
        for (const damped of space.damping) {
          if (trend === "N" && damped) continue;
          if (!positive && (error === "M" || trend === "M" || season === "M")) continue;
          if (period < 2 && season !== "N") continue;
          const form = { error, trend, damped, season, period: season === "N" ? 1 : period };
          all.push(form);
          const unstable =
            (error === "A" && (trend === "M" || season === "M")) ||
            (error === "M" && trend === "M" && season === "A");
          if (!unstable) allowed.push(form);
        }
      }
    }
  }
  // What was asked for explicitly (a single form, or a search with nothing else left) is fitted anyway.
  return allowed.length > 0 ? allowed : all;
}

/** AICc margin within which a first-pass fit is refined. */
const REFINE_MARGIN = 10;
/** How many of the best first-pass fits are refined. */
const REFINE_COUNT = 3;
/**
 * When the refined fits are compared, after how many evaluations each, and how far behind the leader (in
 * AICc) a fit may be to go on. Chosen on 121 series (the benchmark's, the classic ones, 100 simulated):
 * no fit dropped this way would have won, and a third of the refining is saved. (On the 271 benchmark fits
 * counted in `selectEts`' note, with every form refined, they dropped the eventual winner in 12.)
 */
const CHECKPOINTS: readonly (readonly [evaluations: number, margin: number])[] = [
  [50, 8],
  [150, 4],
  [250, 2],
  [400, 1.5],
];

/** A first-pass fit being refined. */
interface Racer {
  readonly stage: FirstStage;
  readonly search: NelderMeadSearch;
}

/** The racer's AICc so far. */
function aiccSoFar(racer: Racer): number {
  return racer.search.bestValue + racer.stage.objective.aiccPenalty;
}

/**
 * Fits each candidate form and keeps the one with the smallest AICc (Hyndman et al. 2008, section 7.2;
 * R's forecast::ets with ic = "aicc"). Forms with too many parameters for the data are skipped.
 *
 * To save time the candidates race. The first pass fits the smoothing parameters, level and trend only
 * (`firstStage`, what `fitEts` does before its final run), the seasons held at their heuristic start; the best few (at most 3,
 * within 10 of the best first-pass AICc) then get the full all-parameter fit, resumed from there. On the 14
 * classic series of the tests and 40 simulated ones this chose the same form as fitting every candidate in
 * full; on the test windows of the benchmark's daily, monthly and quarterly sets and its held-out sets, another
 * form in 23 of 271 fits, with the same accuracy (docs/forecasting.md, "How AutoETS searches its forms"). The
 * full fits advance side by side and stop when they fall behind the leader by more than a margin that narrows
 * as they converge (see `CHECKPOINTS`); the survivors' fits are exactly what uninterrupted runs would give.
 *
 * @param y observations
 * @param forms candidates, e.g. from {@link candidateForms}
 * @param fixed smoothing parameters held fixed in every candidate
 * @param n fit y[0, n) only
 * @param contenders if given, receives the forms that got the full fit (the one form, when only one is
 *   given): the forms the data found close, among which a later fit on more data may choose again
 * @returns the best fit, or null when no candidate could be fitted
 * @example selectEts(y, candidateForms({ errors: ["A", "M"], trends: ["N", "A"], damping: [true, false], seasons: ["N"] }, 1, true))?.form
 */
export function selectEts(
  y: Float64Array,
  forms: readonly EtsForm[],
  fixed: EtsFixedParameters = {},
  n = y.length,
  contenders?: EtsForm[],
): EtsFit | null {
  let longest = 1;
  for (const form of forms) longest = Math.max(longest, form.period);
  const scratch = new Float64Array(n + longest);
  if (forms.length === 1) {
    contenders?.push(forms[0]);
    const fit = fitEts(y, forms[0], fixedFor(forms[0], fixed), n, { scratch });
    return fit !== null && !Number.isNaN(fit.aicc) ? fit : null;
  }
  // Forms that differ in their error only start from the same heuristic state.
  const data = n === y.length ? y : y.subarray(0, n);
  const initialStates = new Map<string, Float64Array>();
  const stages: FirstStage[] = [];
  for (const form of forms) {
    const key = `${form.trend} ${form.season} ${form.period}`;
    let initial = initialStates.get(key);
    if (initial === undefined) {
      initial = etsInitialState(data, form);
      initialStates.set(key, initial);
    }
    const objective = new EtsObjective(y, form, fixedFor(form, fixed), n, scratch, initial);
    if (objective.estimated >= n - 1) continue;
    const stage = firstStage(objective);
    if (Number.isFinite(stage.value)) stages.push(stage);
  }
  if (stages.length === 0) return null;
  // Stable sort: ties keep R's search order.
  stages.sort((a, b) => a.aicc - b.aicc);
  let racers: Racer[] = [];
  for (let i = 0; i < Math.min(REFINE_COUNT, stages.length); i++) {
    const stage = stages[i];
    if (stage.aicc > stages[0].aicc + REFINE_MARGIN) break;
    racers.push({ stage, search: finalSearch(stage.objective, stage.point, stage.value) });
    contenders?.push(stage.objective.form);
  }
  // The searches pause and resume exactly, so the winner's fit is the one a single run would give.
  for (const [evaluations, margin] of CHECKPOINTS) {
    if (racers.length < 2) break;
    let leader = Number.POSITIVE_INFINITY;
    for (const racer of racers) {
      racer.search.advance(evaluations);
      leader = Math.min(leader, aiccSoFar(racer));
    }
    racers = racers.filter((racer) => aiccSoFar(racer) <= leader + margin);
  }
  let best: EtsFit | null = null;
  for (const { stage, search } of racers) {
    search.advance(FINAL_EVALUATIONS);
    // The search starts from the first stage's point, so its best is never worse.
    const fit = Number.isFinite(search.bestValue)
      ? stage.objective.fitAt(search.best.slice(), stage.evaluations + search.evaluations)
      : stage.objective.fitAt(stage.point, stage.evaluations);
    if (best === null || fit.aicc < best.aicc) best = fit;
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
