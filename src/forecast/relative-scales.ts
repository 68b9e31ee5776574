/** Scales that make forecast errors relative to the level of the series where they were made. */
export interface RelativeScales {
  /** One scale per cross-validation origin. */
  readonly origins: Float64Array;
  /** The scale at the end of the series, where the forecast is made. */
  readonly forecast: number;
}

/** Share of the series' mean below which no local level falls (runs of zeros in sparse counts). */
const LEVEL_FLOOR = 0.05;

/** Values averaged into a local level when the series has no season at least as long. */
const MIN_LEVEL_WINDOW = 8;

/**
 * The local level of a series that never goes negative at each origin and at its end: the mean of the
 * last max(longest season, 8) values before that point (a whole seasonal cycle, so the level does not
 * swing with the season), floored at 5% of the series' mean. Dividing cross-validation errors by the
 * level at their origin and scaling the conformal half-widths by the level at the end adapts intervals to
 * a series that grew or shrank over the calibration window, as count and traffic series do: their noise
 * grows with their level (multiplicative errors; Hyndman et al. 2008, ch. 2). Null for a series with a
 * negative value, or no nonzero value, where a level says nothing about the size of errors.
 *
 * @example
 * relativeScales(Float64Array.of(1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3), [8], []); // { origins: [1], forecast: 3 }
 */
export function relativeScales(
  y: Float64Array,
  origins: readonly number[],
  seasons: readonly number[],
): RelativeScales | null {
  let sum = 0;
  for (let t = 0; t < y.length; t++) {
    if (y[t] < 0) return null;
    sum += y[t];
  }
  if (!(sum > 0)) return null;
  const floor = (LEVEL_FLOOR * sum) / y.length;
  const window = Math.max(MIN_LEVEL_WINDOW, seasons.length > 0 ? seasons[seasons.length - 1] : 1);
  const levelBefore = (end: number) => {
    const start = Math.max(0, end - window);
    let total = 0;
    for (let t = start; t < end; t++) total += y[t];
    return Math.max(end > start ? total / (end - start) : 0, floor);
  };
  const scales = new Float64Array(origins.length);
  for (let k = 0; k < origins.length; k++) scales[k] = levelBefore(origins[k]);
  return { origins: scales, forecast: levelBefore(y.length) };
}
