// Roots of modulus up to 1 + 1e-10 still count as inside, as in R's forecast::ets.
const ROOT_SLACK = 1 + 1e-10;

/**
 * Whether every root of c[0] + c[1] z + ... + c[d] z^d lies in the disc |z| < radius, by the Schur-Cohn
 * recursion (Jury's table): with a(z) = c(radius z), the constant term must be smaller than the leading one,
 * and the same must hold for the polynomial (a_d a(z) - a_0 a*(z)) / z of one degree less, down to degree 0.
 * O(d^2) operations; `scratch` holds the coefficients in [0, d] and the next row in [d + 1, 2d + 1], the two
 * halves taking turns.
 */
function rootsInsideDisc(scratch: Float64Array, degree: number, radius: number): boolean {
  let scale = 1;
  for (let k = 0; k <= degree; k++) {
    scratch[k] *= scale;
    scale *= radius;
  }
  let from = 0;
  let to = degree + 1;
  for (let d = degree; d >= 1; d--) {
    const leading = scratch[from + d];
    const constant = scratch[from];
    if (!(Math.abs(constant) < Math.abs(leading))) return false;
    // Divide by the new leading coefficient, leading^2 - constant^2 > 0, so that nothing overflows.
    const norm = 1 / (leading * leading - constant * constant);
    const a = leading * norm;
    const b = constant * norm;
    for (let k = 1; k <= d; k++) scratch[to + k - 1] = a * scratch[from + k] - b * scratch[from + d - k];
    const swap = from;
    from = to;
    to = swap;
  }
  return true;
}

/**
 * Whether smoothing parameters lie in the admissible region of a linear ETS model, where the forecasts
 * forget the distant past: the discount matrix F - g w' has all eigenvalues inside the unit circle
 * (Hyndman, Akram & Archibald 2008, "The admissible parameter space for exponential smoothing models";
 * Hyndman et al. 2008, ch. 10). The seasonal case checks the roots of their characteristic polynomial.
 *
 * @param alpha level smoothing
 * @param beta trend smoothing, or NaN without a trend
 * @param gamma seasonal smoothing, or NaN without a season
 * @param phi damping, 1 when not damped
 * @param period seasonal period m (ignored without a season)
 * @param scratch at least 2m + 4 numbers of working space for the seasonal check
 * @example isAdmissible(0.5, 0.1, Number.NaN, 1, 1, new Float64Array(6)) // true
 */
export function isAdmissible(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  period: number,
  scratch: Float64Array,
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  const hasBeta = !Number.isNaN(beta);
  if (Number.isNaN(gamma)) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    return !hasBeta || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
  }
  if (period <= 1) return true;
  const parameters = SCALARS;
  parameters[0] = alpha;
  parameters[1] = hasBeta ? beta : 0;
  parameters[2] = gamma;
  parameters[3] = phi;
  return isSeasonalAdmissible(parameters, period, scratch);
}

// The scalar arguments of isAdmissible, for isSeasonalAdmissible.
const SCALARS = new Float64Array(4);

/**
 * `isAdmissible` for a seasonal model whose smoothing parameters are in a Float64Array, as the optimiser's
 * objective holds them: read from a typed array they stay unboxed doubles, where passed as arguments to a
 * call V8 does not inline each would be a heap allocation, once per likelihood evaluation.
 *
 * @param parameters [alpha, beta (0 without a trend), gamma, phi (1 when not damped)]
 * @param period seasonal period m >= 2
 * @param scratch at least 2m + 4 numbers of working space
 * @example isSeasonalAdmissible(Float64Array.of(0.3, 0.1, 0.2, 0.95), 12, new Float64Array(28)) // true
 */
export function isSeasonalAdmissible(
  parameters: Float64Array,
  period: number,
  scratch: Float64Array,
): boolean {
  const alpha = parameters[0];
  const b = parameters[1];
  const gamma = parameters[2];
  const phi = parameters[3];
  const m = period;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (b < -(1 - phi) * (gamma / m + alpha)) return false;
  // The characteristic polynomial, lowest power first, of degree m + 1.
  const middle = alpha + b - alpha * phi;
  scratch[0] = phi * (1 - alpha - gamma);
  scratch[1] = middle + gamma - 1;
  for (let k = 2; k < m; k++) scratch[k] = middle;
  scratch[m] = alpha + b - phi;
  scratch[m + 1] = 1;
  return rootsInsideDisc(scratch, m + 1, ROOT_SLACK);
}
