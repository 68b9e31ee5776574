/**
 * The Diebold-Mariano statistic (Diebold & Mariano 1995, "Comparing predictive accuracy", JBES 13(3)) of a
 * loss differential d[k] = loss of model A - loss of model B at origin k: its mean divided by its standard
 * error, with the long-run variance of Newey & West (1987), Bartlett weights 1 - l / (lag + 1) up to `lag`,
 * because the losses of overlapping forecast windows are correlated (for h-step forecasts from origins
 * `step` apart, lag = ceil(h / step) covers the overlap). Large positive values say A is worse than B
 * beyond chance; about N(0, 1) when they forecast alike. A differential with no spread gives +-Infinity
 * (or 0 when it is all zeros). NaN entries make the result NaN.
 *
 * @param differential per-origin loss differences, A minus B
 * @param lag autocovariances to include, an integer >= 0 (capped at length - 1)
 * @example
 * dieboldMariano(Float64Array.of(0.2, 0.1, 0.3, 0.2), 1); // about 6: A is clearly worse
 */
export function dieboldMariano(differential: Float64Array, lag: number): number {
  if (!(Number.isInteger(lag) && lag >= 0)) throw new RangeError(`lag: ${lag} is not an integer >= 0`);
  const n = differential.length;
  if (n === 0) return Number.NaN;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += differential[k];
  mean /= n;
  let variance = 0;
  for (let k = 0; k < n; k++) variance += (differential[k] - mean) ** 2;
  variance /= n;
  const lags = Math.min(lag, n - 1);
  for (let l = 1; l <= lags; l++) {
    let covariance = 0;
    for (let k = l; k < n; k++) covariance += (differential[k] - mean) * (differential[k - l] - mean);
    variance += 2 * (1 - l / (lags + 1)) * (covariance / n);
  }
  // Bartlett weights keep the estimate >= 0 but rounding can leave a tiny negative.
  const standardError = Math.sqrt(Math.max(variance, 0) / n);
  if (Number.isNaN(mean) || Number.isNaN(standardError)) return Number.NaN;
  if (standardError === 0)
    return mean === 0 ? 0 : mean > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return mean / standardError;
}
