/** Settings of {@link minimize}; every field is optional. */
export interface MinimizeOptions {
  /**
   * Initial simplex edge per coordinate (one number for all). Default 5% of |x0[i]|, or 0.00025 where
   * x0[i] is 0. The edge goes up from x0 unless that leaves the box, then down.
   */
  readonly step?: number | ArrayLike<number>;
  /** Stop after this many evaluations of f. Default 200 per dimension. */
  readonly maxEvaluations?: number;
  /**
   * Converged when the spread of f over the simplex is at most
   * `absoluteTolerance + relativeTolerance * |best f|`. Defaults 1e-8 and 0 (R's optim reltol criterion).
   */
  readonly relativeTolerance?: number;
  /** See `relativeTolerance`. */
  readonly absoluteTolerance?: number;
  /**
   * Gao & Han's (2012) dimension-dependent coefficients, which keep the simplex from degenerating in
   * higher dimensions. Default true from 3 dimensions on.
   */
  readonly adaptive?: boolean;
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

function clampInto(point: Float64Array, lower: ArrayLike<number>, upper: ArrayLike<number>): void {
  for (let i = 0; i < point.length; i++) {
    if (point[i] < lower[i]) point[i] = lower[i];
    else if (point[i] > upper[i]) point[i] = upper[i];
  }
}

/**
 * Minimises `f` over the box `[lower, upper]` by the Nelder-Mead simplex method (Nelder & Mead 1965, in the
 * form of Lagarias et al. 1998). Trial points that leave the box are clamped onto it, so f is never called
 * outside; f may return
 * Infinity (or NaN, read as Infinity) to reject a point, e.g. for constraints that are not a box. All scratch
 * space is allocated once per call and f receives the same array every time, so f must not keep it.
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
  const n = x0.length;
  if (n === 0) throw new RangeError("minimize: x0 must have at least one coordinate");
  if (lower.length !== n || upper.length !== n) {
    throw new RangeError(`minimize: lower and upper must have x0's length ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x0[i]) || Number.isNaN(lower[i]) || Number.isNaN(upper[i]) || lower[i] > upper[i]) {
      throw new RangeError(`minimize: coordinate ${i} needs lower <= upper and a number in x0`);
    }
  }
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const relativeTolerance = options.relativeTolerance ?? 1e-8;
  const absoluteTolerance = options.absoluteTolerance ?? 0;
  const adaptive = options.adaptive ?? n >= 3;
  const reflection = 1;
  const expansion = adaptive ? 1 + 2 / n : 2;
  const contraction = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
  const shrinkage = adaptive ? 1 - 1 / n : 0.5;

  const steps = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const given = options.step;
    const step =
      given === undefined
        ? x0[i] === 0
          ? 0.00025
          : 0.05 * Math.abs(x0[i])
        : typeof given === "number"
          ? given
          : given[i];
    steps[i] = Math.abs(step);
  }

  const vertices: Float64Array[] = [];
  for (let j = 0; j <= n; j++) vertices.push(new Float64Array(n));
  const values = new Float64Array(n + 1);
  // The sum of all vertices, kept up to date so the centroid costs O(n) per step instead of O(n^2).
  const sum = new Float64Array(n);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  const best = new Float64Array(n);
  let bestValue = Number.POSITIVE_INFINITY;
  let evaluations = 0;

  const evaluate = (point: Float64Array): number => {
    evaluations++;
    const value = f(point);
    const finite = Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
    if (finite < bestValue) {
      bestValue = finite;
      best.set(point);
    }
    return finite;
  };
  const resum = (): void => {
    sum.fill(0);
    for (let j = 0; j <= n; j++) {
      const point = vertices[j];
      for (let i = 0; i < n; i++) sum[i] += point[i];
    }
  };
  const replace = (index: number, point: Float64Array, value: number): void => {
    const old = vertices[index];
    for (let i = 0; i < n; i++) sum[i] += point[i] - old[i];
    old.set(point);
    values[index] = value;
  };

  const buildSimplex = (from: ArrayLike<number>, scale: number): void => {
    const first = vertices[0];
    for (let i = 0; i < n; i++) first[i] = from[i];
    clampInto(first, lower, upper);
    values[0] = evaluate(first);
    for (let j = 1; j <= n; j++) {
      const point = vertices[j];
      point.set(first);
      const step = steps[j - 1] * scale;
      const up = first[j - 1] + step;
      point[j - 1] = up <= upper[j - 1] ? up : first[j - 1] - step;
      clampInto(point, lower, upper);
      values[j] = evaluate(point);
    }
    resum();
  };

  // One run of the simplex until the spread of f is within tolerance or the budget is spent.
  const run = (): boolean => {
    for (let iteration = 1; ; iteration++) {
      // The first lowest and the last highest vertex: never the same one, even when all values tie.
      let low = 0;
      let high = 0;
      for (let j = 1; j <= n; j++) {
        if (values[j] < values[low]) low = j;
        if (values[j] >= values[high]) high = j;
      }
      let nextHigh = low;
      for (let j = 0; j <= n; j++) if (j !== high && values[j] > values[nextHigh]) nextHigh = j;
      const fLow = values[low];
      const fHigh = values[high];
      if (Number.isFinite(fHigh) && fHigh - fLow <= absoluteTolerance + relativeTolerance * Math.abs(fLow)) {
        return true;
      }
      if (evaluations >= maxEvaluations) return false;
      // Rounding drifts the running sum; recompute it now and then.
      if (iteration % 64 === 0) resum();

      const worst = vertices[high];
      for (let i = 0; i < n; i++) centroid[i] = (sum[i] - worst[i]) / n;
      for (let i = 0; i < n; i++) reflected[i] = centroid[i] + reflection * (centroid[i] - worst[i]);
      clampInto(reflected, lower, upper);
      const fReflected = evaluate(reflected);

      if (fReflected < fLow) {
        for (let i = 0; i < n; i++) trial[i] = centroid[i] + expansion * (reflected[i] - centroid[i]);
        clampInto(trial, lower, upper);
        const fExpanded = evaluate(trial);
        if (fExpanded < fReflected) replace(high, trial, fExpanded);
        else replace(high, reflected, fReflected);
        continue;
      }
      if (fReflected < values[nextHigh]) {
        replace(high, reflected, fReflected);
        continue;
      }
      // Contract towards the better of the worst vertex and its reflection.
      const outside = fReflected < fHigh;
      const towards = outside ? reflected : worst;
      for (let i = 0; i < n; i++) trial[i] = centroid[i] + contraction * (towards[i] - centroid[i]);
      // Inside the box in exact arithmetic; rounding in the running sum can still step over a bound.
      clampInto(trial, lower, upper);
      const fContracted = evaluate(trial);
      if (fContracted < (outside ? fReflected : fHigh)) {
        replace(high, trial, fContracted);
        continue;
      }
      // Shrink every vertex towards the best one.
      const anchor = vertices[low];
      for (let j = 0; j <= n; j++) {
        if (j === low) continue;
        const point = vertices[j];
        for (let i = 0; i < n; i++) point[i] = anchor[i] + shrinkage * (point[i] - anchor[i]);
        clampInto(point, lower, upper);
        values[j] = evaluate(point);
      }
      resum();
    }
  };

  buildSimplex(x0, 1);
  let converged = run();
  const restarts = options.restarts ?? 0;
  for (let r = 0; r < restarts && converged && evaluations < maxEvaluations; r++) {
    const before = bestValue;
    buildSimplex(best.slice(), 0.5);
    converged = run();
    if (before - bestValue <= absoluteTolerance + relativeTolerance * Math.abs(bestValue)) break;
  }
  return { x: best.slice(), value: bestValue, evaluations, converged };
}
