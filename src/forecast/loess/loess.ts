import { loessSmoothInto } from "./loess-smooth.js";

/** How to smooth. */
export interface LoessOptions {
  /** Points in each local neighbourhood (integer >= 3); Cleveland's q. */
  readonly span: number;
  /** 1 for local lines (default), 0 for local weighted means. */
  readonly degree?: 0 | 1;
  /** Fit every `jump`-th point (and the last) and interpolate linearly between; default 1, every point. */
  readonly jump?: number;
  /** Robustness weights in [0, 1], one per point, multiplying the neighbourhood weights. */
  readonly robustnessWeights?: Float64Array;
}

/**
 * Loess smoothing of equally spaced observations (Cleveland 1979; the variant of Cleveland, Cleveland,
 * McRae & Terpenning 1990, "STL", J. Official Statistics 6(1)): at each point, a weighted mean or line
 * through its `span` nearest neighbours with tricube weights, optionally times robustness weights. With
 * `jump`, only every jump-th point is fitted and the rest interpolated, which is how STL stays fast.
 * A local line reproduces a straight line exactly; a point whose weights all vanish keeps its value. As
 * in the reference implementation, a neighbourhood whose weighted positions spread less than 0.1% of the
 * series length gets a local mean instead of a line (only narrow spans on long series).
 *
 * @returns the smoothed values, a new array of y's length
 * @example
 * loess(new Float64Array([1, 3, 2, 5, 4, 6]), { span: 3 }) // a smoothed copy
 */
export function loess(y: Float64Array, options: LoessOptions): Float64Array {
  const { span, degree = 1, jump = 1, robustnessWeights } = options;
  if (!(y instanceof Float64Array)) throw new TypeError("y must be a Float64Array");
  if (!Number.isInteger(span) || span < 3) throw new RangeError(`span must be an integer >= 3, got ${span}`);
  if (degree !== 0 && degree !== 1) throw new RangeError(`degree must be 0 or 1, got ${degree}`);
  if (!Number.isInteger(jump) || jump < 1) throw new RangeError(`jump must be an integer >= 1, got ${jump}`);
  for (let t = 0; t < y.length; t++) {
    if (!Number.isFinite(y[t])) throw new RangeError(`y[${t}] is ${y[t]}; loess needs finite values`);
  }
  if (robustnessWeights !== undefined) {
    if (robustnessWeights.length !== y.length) {
      throw new RangeError(
        `robustnessWeights must have y's length ${y.length}, got ${robustnessWeights.length}`,
      );
    }
    for (let t = 0; t < y.length; t++) {
      const weight = robustnessWeights[t];
      if (!(weight >= 0 && weight <= 1)) {
        throw new RangeError(`robustnessWeights[${t}] must lie in [0, 1], got ${weight}`);
      }
    }
  }
  const out = new Float64Array(y.length);
  if (y.length === 0) return out;
  const kernel = new Float64Array(Math.min(span, y.length) + 1);
  loessSmoothInto(y, y.length, span, degree, jump, robustnessWeights ?? null, out, 0, kernel);
  return out;
}
