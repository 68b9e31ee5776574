/** The minimiser's answer: the argument found and the objective there. */
export interface ScalarMinimum {
  readonly x: number;
  readonly fx: number;
}

const GOLDEN = (3 - Math.sqrt(5)) / 2;
const SQRT_EPSILON = Math.sqrt(Number.EPSILON);

/**
 * Minimises a function of one variable on [lower, upper]: a coarse grid first (so a function with a few
 * local minima is less likely to trap the search), then Brent's method (golden section with parabolic
 * interpolation; Brent 1973, "Algorithms for Minimization without Derivatives", ch. 5) on the bracket
 * around the best grid point. A private stand-in until avails has a shared optimiser.
 *
 * @param f objective; NaN counts as +Infinity
 * @param lower lower bound (inclusive)
 * @param upper upper bound (inclusive), > lower
 * @param gridPoints grid points including both bounds, >= 3
 * @param tolerance absolute tolerance on x
 */
export function minimizeBounded(
  f: (x: number) => number,
  lower: number,
  upper: number,
  gridPoints = 9,
  tolerance = 1e-6,
): ScalarMinimum {
  const step = (upper - lower) / (gridPoints - 1);
  let bestIndex = 0;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let i = 0; i < gridPoints; i++) {
    const value = finiteOrInfinity(f(i === gridPoints - 1 ? upper : lower + i * step));
    if (value < bestValue) {
      bestValue = value;
      bestIndex = i;
    }
  }
  const gridBest = bestIndex === gridPoints - 1 ? upper : lower + bestIndex * step;
  const a = Math.max(lower, gridBest - step);
  const b = Math.min(upper, gridBest + step);
  const refined = brent(f, a, b, tolerance);
  return refined.fx <= bestValue ? refined : { x: gridBest, fx: bestValue };
}

function finiteOrInfinity(value: number): number {
  return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
}

/** Brent's localmin on [a, b]; never evaluates outside the interval. */
function brent(f: (x: number) => number, lower: number, upper: number, tolerance: number): ScalarMinimum {
  let a = lower;
  let b = upper;
  let x = a + GOLDEN * (b - a);
  let w = x;
  let v = x;
  let fx = finiteOrInfinity(f(x));
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    const middle = (a + b) / 2;
    const tol1 = SQRT_EPSILON * Math.abs(x) + tolerance / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - (b - a) / 2) break;
    let golden = true;
    if (Math.abs(e) > tol1) {
      // Parabola through (v, fv), (w, fw), (x, fx); accept its vertex only if it falls well inside.
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = middle >= x ? tol1 : -tol1;
        golden = false;
      }
    }
    if (golden) {
      e = x >= middle ? a - x : b - x;
      d = GOLDEN * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = finiteOrInfinity(f(u));
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fx };
}
