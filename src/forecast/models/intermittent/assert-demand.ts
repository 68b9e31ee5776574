/**
 * Throws unless every value of `y` is finite and not negative. The intermittent models smooth demand
 * sizes (the positive values) and the intervals between them, which means nothing for a series that goes
 * below zero, so such a series is refused (as R's `forecast::croston` does) rather than quietly clipped.
 *
 * @example assertDemand(new Float64Array([0, 0, 3, 0, 1])) // passes
 */
export function assertDemand(y: Float64Array, name = "y"): void {
  for (let t = 0; t < y.length; t++) {
    if (!Number.isFinite(y[t])) {
      throw new RangeError(`${name}[${t}] is ${y[t]}; models need finite values (impute gaps first)`);
    }
    if (y[t] < 0) {
      throw new RangeError(
        `${name}[${t}] is ${y[t]}; intermittent demand models take counts, which are never negative`,
      );
    }
  }
}

/**
 * Throws unless `alpha` is a smoothing weight in (0, 1], naming the parameter.
 *
 * @example assertAlpha(0.1, "alpha") // passes
 */
export function assertAlpha(alpha: number, name: string): void {
  if (!(typeof alpha === "number" && alpha > 0 && alpha <= 1)) {
    throw new RangeError(`${name} must lie in (0, 1], got ${alpha}`);
  }
}
