/** Settings of a {@link NelderMeadSearch}; every field is optional. */
export interface NelderMeadSettings {
  /**
   * Initial simplex edge per coordinate (one number for all). Default 5% of |x0[i]|, or 0.00025 where
   * x0[i] is 0. The edge goes up from x0 unless that leaves the box, then down.
   */
  readonly step?: number | ArrayLike<number>;
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
  /**
   * f at x0, when the caller already knows it: the first simplex then skips that evaluation (it still counts
   * among `evaluations`, so budgets mean the same). Ignored when x0 lies outside the box.
   */
  readonly startValue?: number;
}

/**
 * A Nelder-Mead simplex search (Nelder & Mead 1965, in the form of Lagarias et al. 1998) over the box
 * `[lower, upper]` that can be paused and resumed: `advance(budget)` runs until the simplex converges or
 * the evaluations reach the budget, and a later call with a larger budget carries on exactly where it
 * stopped, so a run paused at 200 evaluations and resumed to 600 visits the same points as one run to 600.
 * That lets a caller race several searches and stop the ones that fall behind.
 *
 * Trial points that leave the box are clamped onto it, so f is never called outside; f may return Infinity
 * (or NaN, read as Infinity) to reject a point. All working space is allocated in the constructor, and f
 * receives one of a few fixed arrays, so f must not keep the array it is given.
 *
 * @example
 * const search = new NelderMeadSearch((p) => (p[0] - 1) ** 2 + (p[1] + 2) ** 2, [0, 0], [-5, -5], [5, 5]);
 * search.advance(400); // true once converged; search.best ≈ [1, -2]
 */
export class NelderMeadSearch {
  /** The best point seen. */
  readonly best: Float64Array;
  /** f at `best`; Infinity when f was never finite. */
  bestValue = Number.POSITIVE_INFINITY;
  /** Evaluations of f spent. */
  evaluations = 0;

  private readonly f: (x: Float64Array) => number;
  private readonly n: number;
  private readonly lower: Float64Array;
  private readonly upper: Float64Array;
  private readonly steps: Float64Array;
  private readonly vertices: Float64Array[] = [];
  private readonly values: Float64Array;
  // The sum of all vertices, kept up to date so the centroid costs O(n) per step instead of O(n^2).
  private readonly sum: Float64Array;
  private readonly centroid: Float64Array;
  private readonly reflected: Float64Array;
  private readonly trial: Float64Array;
  private readonly expansion: number;
  private readonly contraction: number;
  private readonly shrinkage: number;
  private readonly relativeTolerance: number;
  private readonly absoluteTolerance: number;
  private iteration = 0;

  /**
   * Builds the first simplex around x0 (n + 1 evaluations of f).
   *
   * @param f the objective; called with a point inside the box
   * @param x0 the starting point (clamped into the box)
   * @param lower lower bounds, -Infinity for none
   * @param upper upper bounds, Infinity for none
   * @param settings simplex edges and tolerances
   */
  constructor(
    f: (x: Float64Array) => number,
    x0: ArrayLike<number>,
    lower: ArrayLike<number>,
    upper: ArrayLike<number>,
    settings: NelderMeadSettings = {},
  ) {
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
    this.f = f;
    this.n = n;
    // One backing array for all the working space, in views: a typed array of more than 64 bytes costs V8
    // an off-heap allocation (about a microsecond), a view of one a small object.
    const space = new Float64Array(8 * n + (n + 1) * (n + 1));
    let used = 0;
    const take = (length: number): Float64Array => {
      used += length;
      return space.subarray(used - length, used);
    };
    this.lower = take(n);
    this.upper = take(n);
    for (let i = 0; i < n; i++) {
      this.lower[i] = lower[i];
      this.upper[i] = upper[i];
    }
    this.relativeTolerance = settings.relativeTolerance ?? 1e-8;
    this.absoluteTolerance = settings.absoluteTolerance ?? 0;
    const adaptive = settings.adaptive ?? n >= 3;
    this.expansion = adaptive ? 1 + 2 / n : 2;
    this.contraction = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
    this.shrinkage = adaptive ? 1 - 1 / n : 0.5;
    this.steps = take(n);
    const given = settings.step;
    for (let i = 0; i < n; i++) {
      const step =
        given === undefined
          ? x0[i] === 0
            ? 0.00025
            : 0.05 * Math.abs(x0[i])
          : typeof given === "number"
            ? given
            : given[i];
      this.steps[i] = Math.abs(step);
    }
    for (let j = 0; j <= n; j++) this.vertices.push(take(n));
    this.values = take(n + 1);
    this.sum = take(n);
    this.centroid = take(n);
    this.reflected = take(n);
    this.trial = take(n);
    this.best = take(n);
    this.build(x0, 1, settings.startValue);
  }

  /**
   * Rebuilds the simplex around the best point with edges `scale` times the first ones (n + 1
   * evaluations): a restart that recovers from a collapsed simplex.
   */
  restart(scale: number): void {
    this.iteration = 0;
    this.build(this.best.slice(), scale);
  }

  /**
   * Runs until the spread of f over the simplex is within tolerance (returns true) or the evaluations
   * reach `maxEvaluations` (returns false; a later call with a larger budget resumes).
   */
  advance(maxEvaluations: number): boolean {
    const n = this.n;
    const vertices = this.vertices;
    const values = this.values;
    const sum = this.sum;
    const centroid = this.centroid;
    const reflected = this.reflected;
    const trial = this.trial;
    const expansion = this.expansion;
    const contraction = this.contraction;
    const absoluteTolerance = this.absoluteTolerance;
    const relativeTolerance = this.relativeTolerance;
    for (;;) {
      this.iteration++;
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
        // Undo the count, so that a resumed call repeats this check on the same iteration.
        this.iteration--;
        return true;
      }
      if (this.evaluations >= maxEvaluations) {
        this.iteration--;
        return false;
      }
      // Rounding drifts the running sum; recompute it now and then.
      if (this.iteration % 64 === 0) this.resum();

      const worst = vertices[high];
      for (let i = 0; i < n; i++) {
        const c = (sum[i] - worst[i]) / n;
        centroid[i] = c;
        reflected[i] = c + (c - worst[i]);
      }
      this.clamp(reflected);
      const fReflected = this.evaluate(reflected);

      if (fReflected < fLow) {
        for (let i = 0; i < n; i++) trial[i] = centroid[i] + expansion * (reflected[i] - centroid[i]);
        this.clamp(trial);
        const fExpanded = this.evaluate(trial);
        if (fExpanded < fReflected) this.replace(high, trial, fExpanded);
        else this.replace(high, reflected, fReflected);
        continue;
      }
      if (fReflected < values[nextHigh]) {
        this.replace(high, reflected, fReflected);
        continue;
      }
      // Contract towards the better of the worst vertex and its reflection.
      const outside = fReflected < fHigh;
      const towards = outside ? reflected : worst;
      for (let i = 0; i < n; i++) trial[i] = centroid[i] + contraction * (towards[i] - centroid[i]);
      // Inside the box in exact arithmetic; rounding in the running sum can still step over a bound.
      this.clamp(trial);
      const fContracted = this.evaluate(trial);
      if (fContracted < (outside ? fReflected : fHigh)) {
        this.replace(high, trial, fContracted);
        continue;
      }
      this.shrink(low);
    }
  }

  private evaluate(point: Float64Array): number {
    return this.count(point, this.f(point));
  }

  /** Books an evaluation of f at point. */
  private count(point: Float64Array, value: number): number {
    this.evaluations++;
    const finite = Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
    if (finite < this.bestValue) {
      this.bestValue = finite;
      const best = this.best;
      for (let i = 0; i < this.n; i++) best[i] = point[i];
    }
    return finite;
  }

  private clamp(point: Float64Array): void {
    const lower = this.lower;
    const upper = this.upper;
    for (let i = 0; i < this.n; i++) {
      if (point[i] < lower[i]) point[i] = lower[i];
      else if (point[i] > upper[i]) point[i] = upper[i];
    }
  }

  private resum(): void {
    const n = this.n;
    const sum = this.sum;
    sum.fill(0);
    for (let j = 0; j <= n; j++) {
      const point = this.vertices[j];
      for (let i = 0; i < n; i++) sum[i] += point[i];
    }
  }

  private replace(index: number, point: Float64Array, value: number): void {
    const old = this.vertices[index];
    const sum = this.sum;
    for (let i = 0; i < this.n; i++) {
      sum[i] += point[i] - old[i];
      old[i] = point[i];
    }
    this.values[index] = value;
  }

  /** Shrinks every vertex towards the best one. */
  private shrink(low: number): void {
    const n = this.n;
    const anchor = this.vertices[low];
    for (let j = 0; j <= n; j++) {
      if (j === low) continue;
      const point = this.vertices[j];
      for (let i = 0; i < n; i++) point[i] = anchor[i] + this.shrinkage * (point[i] - anchor[i]);
      this.clamp(point);
      this.values[j] = this.evaluate(point);
    }
    this.resum();
  }

  private build(from: ArrayLike<number>, scale: number, known?: number): void {
    const n = this.n;
    const first = this.vertices[0];
    let inside = true;
    for (let i = 0; i < n; i++) {
      first[i] = from[i];
      if (!(first[i] >= this.lower[i] && first[i] <= this.upper[i])) inside = false;
    }
    this.clamp(first);
    this.values[0] = known !== undefined && inside ? this.count(first, known) : this.evaluate(first);
    for (let j = 1; j <= n; j++) {
      const point = this.vertices[j];
      point.set(first);
      const step = this.steps[j - 1] * scale;
      const up = first[j - 1] + step;
      point[j - 1] = up <= this.upper[j - 1] ? up : first[j - 1] - step;
      this.clamp(point);
      this.values[j] = this.evaluate(point);
    }
    this.resum();
  }
}
