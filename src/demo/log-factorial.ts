/** log(k!) for small k, exact by summation; Stirling's series above. */
const LOG_FACTORIAL = new Float64Array(256);
for (let k = 2; k < 256; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log(k!) for a whole k >= 0: a table below 256, Stirling's series for log Gamma(k + 1) above (error far below
 * 1e-12 there). What the rejection samplers (Poisson PTRS, binomial BTRS) compare against.
 *
 * @example
 * logFactorial(5); // log(120)
 */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIAL[k];
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + (1 / 12 - (1 / 360 - 1 / (1260 * x2)) / x2) / x;
}
