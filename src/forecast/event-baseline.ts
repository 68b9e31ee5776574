/**
 * The event-free baseline of every point of a series: the median of the clean observations (no regressor
 * active) at the same phase of the period in the surrounding periods, t ± j·period for j = 1..window, widened
 * to twice the window when fewer than two are found; NaN when none is. With a weekly period this is "the same
 * weekday (and hour) in the weeks around", the comparison a holiday's traffic is judged against; being
 * symmetric, it follows a linear trend. The point itself never enters its own baseline.
 *
 * @param clean 1 where no regressor is active, 0 elsewhere; length at least y.length
 * @example
 * eventFreeBaseline(y, clean, 7, 4)[t]; // median of y[t ± 7], y[t ± 14], ... among clean days
 */
export function eventFreeBaseline(
  y: Float64Array,
  clean: Uint8Array,
  period: number,
  window: number,
): Float64Array {
  const n = y.length;
  const baseline = new Float64Array(n);
  const scratch = new Float64Array(4 * window);
  for (let t = 0; t < n; t++) {
    let count = 0;
    for (let reach = window; reach <= 2 * window && count < 2; reach += window) {
      count = 0;
      for (let j = 1; j <= reach; j++) {
        const before = t - j * period;
        const after = t + j * period;
        if (before >= 0 && clean[before] === 1) scratch[count++] = y[before];
        if (after < n && clean[after] === 1) scratch[count++] = y[after];
      }
    }
    baseline[t] = count === 0 ? Number.NaN : median(scratch, count);
  }
  return baseline;
}

/** Median of values[0, count), sorting that prefix in place (count is small: insertion sort). */
function median(values: Float64Array, count: number): number {
  for (let i = 1; i < count; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
  const mid = count >> 1;
  return count % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}
