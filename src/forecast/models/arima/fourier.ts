/**
 * Fourier terms for a seasonal period, as forecast::fourier: for k = 1..harmonics the pair
 * sin(2 pi k t / period), cos(2 pi k t / period) at t = 1, ..., length, the sine left out when 2k = period
 * (it is identically 0). Harmonics for which `skip(k)` is true are left out entirely.
 *
 * @example fourierTerms(168, 2, 4032).length // 4 columns
 */
export function fourierTerms(
  period: number,
  harmonics: number,
  length: number,
  skip: (k: number) => boolean = () => false,
): Float64Array[] {
  if (!(period > 1)) throw new RangeError(`fourierTerms: period must be > 1, got ${period}`);
  if (!(Number.isInteger(harmonics) && harmonics >= 1 && harmonics <= period / 2)) {
    throw new RangeError(
      `fourierTerms: harmonics must be a whole number in [1, ${period / 2}], got ${harmonics}`,
    );
  }
  const columns: Float64Array[] = [];
  for (let k = 1; k <= harmonics; k++) {
    if (skip(k)) continue;
    const sin = new Float64Array(length);
    const cos = new Float64Array(length);
    for (let t = 0; t < length; t++) {
      const angle = (2 * Math.PI * k * (t + 1)) / period;
      sin[t] = Math.sin(angle);
      cos[t] = Math.cos(angle);
    }
    if (2 * k !== period) columns.push(sin);
    columns.push(cos);
  }
  return columns;
}
