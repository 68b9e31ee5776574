/**
 * The TSB filter (Teunter, Syntetos & Babai 2011): exponential smoothing of the demand size, updated in
 * periods with a demand (weight `alphaSize`), and of the probability of a demand, updated every period
 * towards 1 or 0 (weight `alphaProbability`); the forecast is probability times size. Updating the
 * probability in every period lets the forecast decay through a run of zeros (obsolescence), which
 * Croston's cannot. Both start at the first demand, the size at its value and the probability at one
 * over its position counted from 1 (the demand rate Croston's method starts from); before it the forecast
 * is 0. Writes rates[t], the forecast from y[0, t), for t in [0, y.length].
 *
 * @example
 * const rates = new Float64Array(5);
 * tsbRates(new Float64Array([0, 4, 0, 2]), 0.5, 0.2, rates); // rates[4] = 0.52 * 3
 */
export function tsbRates(
  y: Float64Array,
  alphaSize: number,
  alphaProbability: number,
  rates: Float64Array,
): void {
  let size = 0;
  let probability = 0;
  let seen = false;
  rates[0] = 0;
  for (let t = 0; t < y.length; t++) {
    if (seen) {
      const demand = y[t] > 0 ? 1 : 0;
      probability += alphaProbability * (demand - probability);
      if (demand === 1) size += alphaSize * (y[t] - size);
    } else if (y[t] > 0) {
      size = y[t];
      probability = 1 / (t + 1);
      seen = true;
    }
    rates[t + 1] = probability * size;
  }
}

/**
 * The in-sample one-step sum of squared errors of the TSB filter on y[0, end), from the first demand on
 * (`tsbRates` without storing the rates, for the weight search).
 *
 * @example tsbSquaredErrors(new Float64Array([0, 4, 0, 2]), 4, 0.5, 0.2) // (0 - 2)^2 + (2 - 1.6)^2 = 4.16
 */
export function tsbSquaredErrors(
  y: Float64Array,
  end: number,
  alphaSize: number,
  alphaProbability: number,
): number {
  let size = 0;
  let probability = 0;
  let seen = false;
  let sse = 0;
  for (let t = 0; t < end; t++) {
    if (seen) {
      const error = y[t] - probability * size;
      sse += error * error;
      const demand = y[t] > 0 ? 1 : 0;
      probability += alphaProbability * (demand - probability);
      if (demand === 1) size += alphaSize * (y[t] - size);
    } else if (y[t] > 0) {
      size = y[t];
      probability = 1 / (t + 1);
      seen = true;
    }
  }
  return sse;
}
