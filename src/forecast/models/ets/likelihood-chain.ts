/** As in `etsFilter`: a forecast below this in size leaves a multiplicative likelihood undefined. */
export const LIKELIHOOD_TINY = 1e-10;

// One array for every call: the likelihood loops read their coefficients from it as unboxed doubles.
const COEFFICIENTS = new Float64Array(18);

/**
 * The coefficients of the level and trend recursion that the likelihood loops step along, one and two
 * observations at a time. With p the seasonally adjusted observation and beta the error-correction form's,
 * one step is the linear map (Hyndman et al. 2008, eq. 3.3, the season off the chain)
 *
 *   l' = (1 - alpha) l + (1 - alpha) phi b + alpha p,   b' = phi (1 - beta) b - beta l + beta p,
 *
 * i.e. x' = A x + g p. Two steps are x'' = A^2 x + A g p0 + g p1, and the forecast of the step in between
 * is w'(A x + g p0) with w = (1, phi): both come straight from x, so the chain the CPU waits on is one
 * multiply-add per two observations instead of per one. Without a trend, beta, phi and b are 0.
 *
 * Layout: [alpha, beta, gamma, phi, A (4, row-major), A^2 (4), A g (2), w'A (2), w'g, 1 or 0 (trend)].
 * The array is shared: read it before the next call.
 *
 * @param parameters [alpha, beta, gamma, phi]
 * @param withTrend whether the form has a (non-multiplicative) trend
 * @example chainCoefficients(Float64Array.of(0.5, 0, 0, 1), false)[8] // A^2's level-from-level: 0.25
 */
export function chainCoefficients(parameters: Float64Array, withTrend: boolean): Float64Array {
  const c = COEFFICIENTS;
  // Multiplying by 0 rather than choosing a literal 0 keeps these doubles (see etsLikelihood).
  const on = withTrend ? 1 : 0;
  const alpha = parameters[0];
  const beta = parameters[1] * on;
  const phi = parameters[3] * on;
  const a = 1 - alpha;
  const b = (1 - alpha) * phi;
  const p = -beta;
  const d = phi * (1 - beta);
  c[0] = alpha;
  c[1] = beta;
  c[2] = parameters[2];
  c[3] = phi;
  c[4] = a;
  c[5] = b;
  c[6] = p;
  c[7] = d;
  c[8] = a * a + b * p;
  c[9] = a * b + b * d;
  c[10] = p * a + d * p;
  c[11] = p * b + d * d;
  c[12] = a * alpha + b * beta;
  c[13] = p * alpha + d * beta;
  c[14] = a + phi * p;
  c[15] = b + phi * d;
  c[16] = alpha + phi * beta;
  c[17] = on;
  return c;
}
