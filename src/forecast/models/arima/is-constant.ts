/** all.equal's default tolerance, the square root of double precision's epsilon rounded as R has it. */
const TOLERANCE = 1.5e-8;

/**
 * Whether y[0, length) is constant as R forecast's is.constant() judges it: all.equal(y, rep(y[1], n)),
 * so the mean absolute difference from the first value, relative to the mean absolute value (absolute when
 * that is below the tolerance), is at most 1.5e-8. The differencing tests stop on a constant series, where
 * their statistics would divide zero by zero.
 *
 * @param y finite values
 * @param length how many leading values to judge; default all
 * @example
 * isConstant(new Float64Array([3, 3, 3])) // true
 * isConstant(new Float64Array([3, 3, 4])) // false
 */
export function isConstant(y: Float64Array, length = y.length): boolean {
  if (length <= 1) return true;
  const first = y[0];
  let difference = 0;
  let magnitude = 0;
  for (let t = 0; t < length; t++) {
    difference += Math.abs(y[t] - first);
    magnitude += Math.abs(y[t]);
  }
  difference /= length;
  magnitude /= length;
  const scaled = magnitude > TOLERANCE ? difference / magnitude : difference;
  return scaled <= TOLERANCE;
}
