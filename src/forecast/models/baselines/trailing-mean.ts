/**
 * One-step fitted values of a trailing mean: fitted[t] = mean(y[max(0, t - window), t)) for t >= 1, NaN at
 * t = 0. The first `window` steps average what history there is, so that short series still have
 * residuals to size intervals with (slightly wider ones, as an honest consequence of less history).
 * Written into `fitted`, which must have y's length.
 */
export function trailingMeanFitted(y: Float64Array, window: number, fitted: Float64Array): Float64Array {
  fitted[0] = Number.NaN;
  let sum = 0;
  for (let t = 1; t < y.length; t++) {
    sum += y[t - 1];
    if (t > window) sum -= y[t - 1 - window];
    fitted[t] = sum / Math.min(t, window);
  }
  return fitted;
}

/** The mean of y[end - window, end), window clamped to the data there is. */
export function meanBefore(y: Float64Array, end: number, window: number): number {
  const start = Math.max(0, end - window);
  let sum = 0;
  for (let t = start; t < end; t++) sum += y[t];
  return sum / (end - start);
}
