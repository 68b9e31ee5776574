/**
 * The residual standard deviation of a benchmark method, from its in-sample one-step residuals
 * `y[t] - fitted[t]`: sigma = sqrt(sum(e^2) / (T - K - M)), with M the residuals the method cannot have
 * (NaN fitted values) and K the parameters it estimated (Hyndman & Athanasopoulos, FPP3 section 5.5).
 * NaN when fewer than K + 1 residuals exist, so that intervals are visibly unknown rather than zero-width.
 *
 * @param parameters K, the number of estimated parameters (0 for naive, 1 for an optimised alpha)
 * @example residualSigma(new Float64Array([1, 2, 4]), new Float64Array([NaN, 1, 2]), 0) // sqrt(5 / 2)
 */
export function residualSigma(y: Float64Array, fitted: Float64Array, parameters: number): number {
  let sum = 0;
  let count = 0;
  for (let t = 0; t < y.length; t++) {
    const error = y[t] - fitted[t];
    if (Number.isNaN(error)) continue;
    sum += error * error;
    count++;
  }
  const dof = count - parameters;
  return dof > 0 ? Math.sqrt(sum / dof) : Number.NaN;
}
