import { NelderMeadSearch } from "../../optimize/nelder-mead-search.js";
import type { EtsForm } from "./ets-form.js";
import { type EtsFit, EtsObjective } from "./ets-objective.js";
import type { EtsFixedParameters } from "./parameter-layout.js";

export type { EtsFit } from "./ets-objective.js";
export type { EtsFixedParameters } from "./parameter-layout.js";

/** Evaluations of the final, all-parameter Nelder-Mead run by default. */
export const FINAL_EVALUATIONS = 600;
/** Its convergence tolerance on the spread of -2 log likelihood, relative, by default (R's). */
const FINAL_TOLERANCE = 1e-8;

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

/**
 * Overwrites the smoothing coordinates of `start` with the best point of the layout's grid (or keeps them).
 * Returns the objective there, and adds the evaluations spent to `spent[0]`.
 */
function searchGrid(
  objective: EtsObjective,
  start: Float64Array,
  point: Float64Array,
  spent: Float64Array,
): number {
  const { layout } = objective;
  const count = layout.levelIndex;
  point.set(start);
  const best = start.slice(0, count);
  let bestValue = objective.evaluate(point);
  let combinations = 1;
  for (let i = 0; i < count; i++) combinations *= layout.grid[i].length;
  for (let c = 0; c < combinations; c++) {
    let rest = c;
    for (let i = 0; i < count; i++) {
      const values = layout.grid[i];
      point[i] = Math.min(Math.max(values[rest % values.length], layout.lower[i]), layout.upper[i]);
      rest = Math.floor(rest / values.length);
    }
    const value = objective.evaluate(point);
    if (value < bestValue) {
      bestValue = value;
      for (let i = 0; i < count; i++) best[i] = point[i];
    }
  }
  start.set(best);
  spent[0] += combinations + 1;
  return bestValue;
}

/** Where the first stage of a fit got to (see `firstStage`). */
export interface FirstStage {
  readonly objective: EtsObjective;
  /** The optimiser's coordinates reached: the seasons still at their heuristic start. */
  readonly point: Float64Array;
  /** -2 log likelihood there (Infinity when no point tried had a finite one). */
  readonly value: number;
  /** AICc there. */
  readonly aicc: number;
  readonly evaluations: number;
}

/**
 * The first stage of `fitEts`: the smoothing parameters tried on the layout's grid, then improved together
 * with the initial level and trend by a short Nelder-Mead run, the seasons held at their heuristic values.
 * `selectEts` ranks the candidate forms by it.
 *
 * @param objective the form's objective
 * @returns the point reached and its -2 log likelihood
 * @example firstStage(new EtsObjective(y, form)).aicc
 */
export function firstStage(objective: EtsObjective): FirstStage {
  const { layout } = objective;
  // The start, the grid's point and the first stage's full point: views of one array (see NelderMeadSearch).
  const size = layout.start.length;
  const space = new Float64Array(3 * size);
  const start = space.subarray(0, size);
  start.set(layout.start);
  const smoothing = layout.levelIndex;
  const spent = new Float64Array(1);
  let value: number;
  if (smoothing === 0) {
    value = objective.evaluate(start);
    spent[0] = 1;
  } else {
    const gridValue = searchGrid(objective, start, space.subarray(size, 2 * size), spent);
    const moving = layout.seasonIndex;
    const point = space.subarray(2 * size);
    point.set(start);
    const partial = (x: Float64Array): number => {
      point.set(x);
      return objective.evaluate(point);
    };
    const search = new NelderMeadSearch(
      partial,
      start.subarray(0, moving),
      layout.lower.slice(0, moving),
      layout.upper.slice(0, moving),
      { step: layout.steps.slice(0, moving), relativeTolerance: 1e-6, startValue: gridValue },
    );
    search.advance(30 + 10 * (moving - smoothing));
    spent[0] += search.evaluations;
    value = gridValue;
    if (Number.isFinite(search.bestValue)) {
      start.set(search.best);
      value = search.bestValue;
    }
  }
  return { objective, point: start, value, aicc: value + objective.aiccPenalty, evaluations: spent[0] };
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
  const objective = new EtsObjective(y, form, fixed, n, settings.scratch);
  if (objective.estimated >= n - 1) return null;
  let start: Float64Array;
  let startValue: number | undefined;
  let evaluations = 0;
  if (settings.resume !== undefined) {
    start = Float64Array.from(settings.resume);
  } else {
    const stage = firstStage(objective);
    start = stage.point;
    startValue = stage.value;
    evaluations = stage.evaluations;
  }
  const maxEvaluations = settings.maxEvaluations ?? FINAL_EVALUATIONS;
  // With no budget for the final run, the fit is the first stage's: a quick fit for ranking forms.
  if (maxEvaluations <= 0) {
    const value = startValue ?? objective.evaluate(start);
    return Number.isFinite(value) ? objective.fitAt(start, evaluations) : null;
  }
  const search = finalSearch(objective, start, startValue, settings.relativeTolerance);
  search.advance(maxEvaluations);
  if (!Number.isFinite(search.bestValue)) return null;
  return objective.fitAt(search.best.slice(), evaluations + search.evaluations);
}

/**
 * The final, all-parameter Nelder-Mead search of `fitEts` from a start point, to advance by hand: `selectEts`
 * races several and stops those that fall behind. Advanced to `FINAL_EVALUATIONS`, it finds what `fitEts`
 * finds when resumed from the same point.
 *
 * @param objective the form's objective
 * @param start the optimiser's coordinates to start from (e.g. a first stage's `point`)
 * @param startValue the objective at `start`, when known (saves an evaluation)
 * @param relativeTolerance convergence tolerance (default 1e-8, R's)
 * @example finalSearch(stage.objective, stage.point, stage.value).advance(FINAL_EVALUATIONS)
 */
export function finalSearch(
  objective: EtsObjective,
  start: Float64Array,
  startValue?: number,
  relativeTolerance = FINAL_TOLERANCE,
): NelderMeadSearch {
  const { layout } = objective;
  return new NelderMeadSearch((x) => objective.evaluate(x), start, layout.lower, layout.upper, {
    step: layout.steps,
    relativeTolerance,
    startValue,
  });
}
