import { NelderMeadSearch, type NelderMeadSettings } from "./nelder-mead-search.js";

/** Settings of {@link minimize}; every field is optional. */
export interface MinimizeOptions extends NelderMeadSettings {
  /** Stop after this many evaluations of f. Default 200 per dimension. */
  readonly maxEvaluations?: number;
  /** Times to rebuild the simplex around the best point after convergence (recovers from a collapsed simplex). */
  readonly restarts?: number;
}

/** What {@link minimize} found. */
export interface MinimizeResult {
  /** The best point seen. */
  readonly x: Float64Array;
  /** f at `x`; Infinity when f was never finite. */
  readonly value: number;
  /** Evaluations of f spent. */
  readonly evaluations: number;
  /** Whether the tolerance was met before the evaluation budget ran out. */
  readonly converged: boolean;
}

/**
 * Minimises `f` over the box `[lower, upper]` by the Nelder-Mead simplex method (Nelder & Mead 1965, in the
 * form of Lagarias et al. 1998): one {@link NelderMeadSearch} run to convergence or to the budget, then
 * the requested restarts. Trial points that leave the box are clamped onto it, so f is never called
 * outside; f may return Infinity (or NaN, read as Infinity) to reject a point, e.g. for constraints that
 * are not a box. All scratch space is allocated once per call and f receives one of a few fixed arrays, so f
 * must not keep it.
 *
 * @param f the objective; called with a point inside the box
 * @param x0 the starting point (clamped into the box)
 * @param lower lower bounds, -Infinity for none
 * @param upper upper bounds, Infinity for none
 * @example
 * const { x } = minimize((p) => (p[0] - 1) ** 2 + (p[1] + 2) ** 2, [0, 0], [-5, -5], [5, 5]);
 * // x ≈ [1, -2]
 */
export function minimize(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const search = new NelderMeadSearch(f, x0, lower, upper, options);
  const maxEvaluations = options.maxEvaluations ?? 200 * x0.length;
  const relativeTolerance = options.relativeTolerance ?? 1e-8;
  const absoluteTolerance = options.absoluteTolerance ?? 0;
  let converged = search.advance(maxEvaluations);
  const restarts = options.restarts ?? 0;
  for (let r = 0; r < restarts && converged && search.evaluations < maxEvaluations; r++) {
    const before = search.bestValue;
    search.restart(0.5);
    converged = search.advance(maxEvaluations);
    if (before - search.bestValue <= absoluteTolerance + relativeTolerance * Math.abs(search.bestValue))
      break;
  }
  return { x: search.best.slice(), value: search.bestValue, evaluations: search.evaluations, converged };
}
