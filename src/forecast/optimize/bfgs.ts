/** Settings of {@link minimizeBfgs}; every field is optional. */
export interface BfgsOptions {
  /**
   * Typical magnitude of each coordinate (one number for all). The search runs on x / parscale, so the
   * finite-difference steps and the first step length are relative to it. Default 1.
   */
  readonly parscale?: number | ArrayLike<number>;
  /** The gradient of f at x into `out` (both unscaled), replacing the finite differences. Default none. */
  readonly gradient?: (x: Float64Array, out: Float64Array) => void;
  /** Finite-difference step on the scaled coordinates. Default 1e-3 (R's optim ndeps). */
  readonly gradientStep?: number;
  /** Stop after this many gradient evaluations (iterations). Default 100 (R's optim maxit). */
  readonly maxIterations?: number;
  /**
   * Converged when an accepted step changes f by at most `relativeTolerance * (|f| + relativeTolerance)`.
   * Default sqrt(machine epsilon), as R's optim reltol.
   */
  readonly relativeTolerance?: number;
}

/** What {@link minimizeBfgs} found. */
export interface BfgsResult {
  /** The last accepted point. */
  readonly x: Float64Array;
  /** f at `x`. */
  readonly value: number;
  /** Whether the tolerance was met before the iteration limit. */
  readonly converged: boolean;
  /** Evaluations of f spent, the finite differences included. */
  readonly evaluations: number;
}

const STEP_REDUCTION = 0.2;
const ACCEPTANCE = 1e-4;
// Coordinates that move by less than 1e-15 of this are unchanged by a step (Nash's "reltest").
const CHANGE_TEST = 10;

/**
 * Minimises a smooth `f` by the variable metric (BFGS) method of Nash (1990), "Compact Numerical Methods
 * for Computers", Algorithm 21, the method of R's `optim(method = "BFGS")`: an inverse-Hessian estimate
 * updated by the BFGS formula, a backtracking line search that accepts a step once f falls by 1e-4 of the
 * predicted decrease, and a reset to steepest descent whenever the update fails or every 2n iterations.
 * The gradient is a central finite difference with step `gradientStep * parscale[i]`, as optim's default.
 * f may return Infinity or NaN to reject a trial point in the line search; the start must be finite.
 * Scratch space is allocated once per call; f receives the same array every time and must not keep it.
 *
 * @throws RangeError when f is not finite at x0 or a finite difference is not finite
 * @example
 * const { x } = minimizeBfgs((p) => (p[0] - 1) ** 2 + 10 * (p[1] + 2) ** 2, [0, 0]);
 * // x ≈ [1, -2]
 */
export function minimizeBfgs(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: BfgsOptions = {},
): BfgsResult {
  const n = x0.length;
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const given = options.parscale;
    scale[i] = given === undefined ? 1 : typeof given === "number" ? given : given[i];
    if (!(scale[i] > 0 && Number.isFinite(scale[i]))) {
      throw new RangeError(`minimizeBfgs: parscale[${i}] must be a positive number, got ${scale[i]}`);
    }
  }
  const eps = options.gradientStep ?? 1e-3;
  const maxIterations = options.maxIterations ?? 100;
  const relativeTolerance = options.relativeTolerance ?? Math.sqrt(Number.EPSILON);

  // The search runs on scaled coordinates b = x / parscale; f sees x.
  const point = new Float64Array(n);
  let evaluations = 0;
  const fScaled = (b: Float64Array): number => {
    for (let i = 0; i < n; i++) point[i] = b[i] * scale[i];
    evaluations++;
    const value = f(point);
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
  };
  const analytic = options.gradient;
  const gradient = (b: Float64Array, out: Float64Array): void => {
    if (analytic !== undefined) {
      for (let i = 0; i < n; i++) point[i] = b[i] * scale[i];
      analytic(point, out);
      for (let i = 0; i < n; i++) {
        out[i] *= scale[i];
        if (!Number.isFinite(out[i])) {
          throw new RangeError(`minimizeBfgs: the gradient of f in coordinate ${i} is not finite`);
        }
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      const keep = b[i];
      b[i] = keep + eps;
      const up = fScaled(b);
      b[i] = keep - eps;
      const down = fScaled(b);
      b[i] = keep;
      out[i] = (up - down) / (2 * eps);
      if (!Number.isFinite(out[i])) {
        throw new RangeError(`minimizeBfgs: the finite difference of f in coordinate ${i} is not finite`);
      }
    }
  };

  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = x0[i] / scale[i];
  let fmin = fScaled(b);
  if (!Number.isFinite(fmin)) throw new RangeError("minimizeBfgs: f is not finite at x0");
  if (n === 0) return { x: new Float64Array(0), value: fmin, converged: true, evaluations };

  const g = new Float64Array(n);
  const previousPoint = new Float64Array(n);
  const gradientChange = new Float64Array(n);
  const direction = new Float64Array(n);
  const product = new Float64Array(n);
  // The inverse-Hessian estimate, full and symmetric, row-major.
  const H = new Float64Array(n * n);
  gradient(b, g);
  let iterations = 1;
  let gradients = 1;
  let lastReset = gradients;
  let unchanged = 0;
  let trial = fmin;

  do {
    if (lastReset === gradients) {
      H.fill(0);
      for (let i = 0; i < n; i++) H[i * n + i] = 1;
    }
    previousPoint.set(b);
    gradientChange.set(g);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= H[i * n + j] * g[j];
      direction[i] = s;
      slope += s * g[i];
    }
    if (slope < 0) {
      let step = 1;
      let accepted = false;
      do {
        unchanged = 0;
        for (let i = 0; i < n; i++) {
          b[i] = previousPoint[i] + step * direction[i];
          if (CHANGE_TEST + previousPoint[i] === CHANGE_TEST + b[i]) unchanged++;
        }
        if (unchanged < n) {
          trial = fScaled(b);
          accepted = Number.isFinite(trial) && trial <= fmin + slope * step * ACCEPTANCE;
          if (!accepted) step *= STEP_REDUCTION;
        }
      } while (!(unchanged === n || accepted));
      // A relative change below tolerance counts as no progress.
      if (!(Math.abs(trial - fmin) > relativeTolerance * (Math.abs(fmin) + relativeTolerance))) {
        unchanged = n;
        if (accepted) fmin = trial;
        else b.set(previousPoint);
      }
      if (unchanged < n) {
        fmin = trial;
        gradient(b, g);
        gradients++;
        iterations++;
        // BFGS update of the inverse Hessian with the step t and the gradient change y.
        let ty = 0;
        for (let i = 0; i < n; i++) {
          direction[i] *= step;
          gradientChange[i] = g[i] - gradientChange[i];
          ty += direction[i] * gradientChange[i];
        }
        if (ty > 0) {
          let yHy = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += H[i * n + j] * gradientChange[j];
            product[i] = s;
            yHy += s * gradientChange[i];
          }
          const factor = 1 + yHy / ty;
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              H[i * n + j] +=
                (factor * direction[i] * direction[j] -
                  product[i] * direction[j] -
                  direction[i] * product[j]) /
                ty;
            }
          }
        } else {
          lastReset = gradients;
        }
      } else if (lastReset < gradients) {
        // No progress along the BFGS direction: retry once along steepest descent.
        unchanged = 0;
        lastReset = gradients;
      }
    } else {
      // Uphill: reset to steepest descent unless that was just done, in which case stop.
      unchanged = 0;
      if (lastReset === gradients) unchanged = n;
      else lastReset = gradients;
    }
    if (iterations >= maxIterations) break;
    if (gradients - lastReset > 2 * n) lastReset = gradients;
  } while (unchanged !== n || lastReset !== gradients);
  const converged = iterations < maxIterations;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[i] * scale[i];
  return { x, value: fmin, converged, evaluations };
}
