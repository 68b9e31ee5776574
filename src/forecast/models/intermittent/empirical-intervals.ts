/**
 * Prediction intervals for a flat rate forecast from the empirical quantiles of its in-sample one-step
 * errors e[t] = y[t] - fitted[t] (NaN fitted values are skipped): at level L the bounds are
 * mean + q((1 - L/100) / 2) and mean + q((1 + L/100) / 2), q the linearly interpolated quantile (R's
 * type 7). Intermittent models have no stochastic model to derive intervals from (Shenstone & Hyndman
 * 2005), so these are a simple, honest default; conformal calibration gives calibrated ones. Because most
 * errors of a sparse series are the small negative ones of its zeros, a quantile can fall on the wrong
 * side of the mean: each bound is kept on its own side (the interval always holds the mean), and the lower
 * bound is raised to 0, as demand is never negative. The width is the same at every step: the forecast is
 * a rate per period, and every period's demand scatters around it alike. A model with no one-step error yet
 * (ADIDA on a series one bucket long) sizes them from the deviations of the observations from the forecast
 * instead, so the bounds are always finite (zero-width for a single observation).
 *
 * @example
 * empiricalIntervals(y, fitted, new Float64Array(24).fill(0.4), [80, 95]) // { lower: [...], upper: [...] }
 */
export function empiricalIntervals(
  y: Float64Array,
  fitted: Float64Array,
  mean: Float64Array,
  levels: readonly number[],
): { lower: Float64Array[]; upper: Float64Array[] } {
  const errors = new Float64Array(y.length);
  let count = 0;
  for (let t = 0; t < y.length; t++) {
    const error = y[t] - fitted[t];
    if (!Number.isNaN(error)) errors[count++] = error;
  }
  if (count === 0) {
    for (let t = 0; t < y.length; t++) errors[t] = y[t] - mean[0];
    count = y.length;
  }
  const sorted = errors.subarray(0, count).sort();
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (const level of levels) {
    const tail = (1 - level / 100) / 2;
    const below = Math.min(0, quantileSorted(sorted, tail));
    const above = Math.max(0, quantileSorted(sorted, 1 - tail));
    const low = new Float64Array(mean.length);
    const high = new Float64Array(mean.length);
    for (let h = 0; h < mean.length; h++) {
      low[h] = Math.max(0, mean[h] + below);
      high[h] = mean[h] + above;
    }
    lower.push(low);
    upper.push(high);
  }
  return { lower, upper };
}

/** The type 7 quantile of ascending values: linear interpolation between order statistics; NaN if none. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = p * (n - 1);
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
