/**
 * The trend line `A_t + B_t * s` (s = 1, 2, ...) of the Theta models, one entry per number of observations
 * seen, t = 0 .. length. The theta line mixes the data with this line; its states depend on the data only,
 * never on the smoothing parameters, so a fit computes them once.
 */
export interface ThetaTrend {
  /** Intercepts A_t. */
  readonly intercept: Float64Array;
  /** Slopes B_t. */
  readonly slope: Float64Array;
  /** Running means of the data, for the dynamic trend (continued over forecasts); null when static. */
  readonly mean: Float64Array | null;
}

/**
 * The static trend of the STM and OTM (Fiorucci et al. 2016, section 3): the least-squares line through
 * the first `count` observations against s = 1 .. count, held fixed at every t = 0 .. length.
 *
 * @param y observations
 * @param count observations the line is fitted to (>= 1)
 * @param length last t the states are needed for (>= count)
 */
export function staticTrend(y: Float64Array, count: number, length: number): ThetaTrend {
  let mean = 0;
  for (let t = 0; t < count; t++) mean += y[t];
  mean /= count;
  const middle = (count + 1) / 2;
  let covariance = 0;
  for (let t = 0; t < count; t++) covariance += (t + 1 - middle) * (y[t] - mean);
  // Sum of (s - middle)^2 over s = 1..count is count (count^2 - 1) / 12.
  const slope = count > 1 ? (12 * covariance) / (count * (count * count - 1)) : 0;
  const intercept = mean - slope * middle;
  return {
    intercept: new Float64Array(length + 1).fill(intercept),
    slope: new Float64Array(length + 1).fill(slope),
    mean: null,
  };
}

/**
 * The dynamic trend of the DOTM (Fiorucci et al. 2016, section 4): A_t and B_t are the least-squares line
 * through the first t observations, updated recursively. Before any data (t = 0) the line is zero; after
 * one observation it is flat through it.
 *
 * @param y observations
 * @param length observations to run over; states for t = 0 .. length
 */
export function dynamicTrend(y: Float64Array, length: number): ThetaTrend {
  const intercept = new Float64Array(length + 1);
  const slope = new Float64Array(length + 1);
  const mean = new Float64Array(length + 1);
  for (let t = 0; t < length; t++) {
    mean[t + 1] = (t * mean[t] + y[t]) / (t + 1);
    slope[t + 1] = nextSlope(t, mean[t], slope[t], y[t]);
    intercept[t + 1] = mean[t + 1] - (slope[t + 1] * (t + 2)) / 2;
  }
  return { intercept, slope, mean };
}

/**
 * One step of the recursive least-squares slope (Fiorucci et al. 2016, section 4): with t observations
 * seen, their mean `mean` and slope `slope`, observing `value` gives the slope over t + 1 observations.
 * The new mean is (t * mean + value) / (t + 1) and the new intercept mean' - slope' (t + 2) / 2.
 */
export function nextSlope(t: number, mean: number, slope: number, value: number): number {
  return t === 0 ? 0 : ((t - 1) * slope + (6 * (value - mean)) / (t + 1)) / (t + 2);
}
