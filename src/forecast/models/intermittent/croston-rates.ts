/**
 * Croston's (1972) filter: simple exponential smoothing of the demand sizes (weight `alphaSize`) and,
 * separately, of the intervals between demands (weight `alphaInterval`), both updated only in periods
 * with a demand (a value above 0), both starting at the first demand (its size, and its position counted
 * from 1). The forecast is their ratio, size / interval, times `factor` (1 for Croston; 1 - alpha / 2
 * for SBA). Writes rates[t], the forecast from y[0, t), for every t in [0, y.length]; 0 before the first
 * demand, as R's `forecast::croston` on a prefix without demand.
 *
 * @example
 * const rates = new Float64Array(6);
 * crostonRates(new Float64Array([0, 3, 0, 0, 6]), 0.1, 0.1, 1, rates); // rates[5] = 3.3 / 2.1
 */
export function crostonRates(
  y: Float64Array,
  alphaSize: number,
  alphaInterval: number,
  factor: number,
  rates: Float64Array,
): void {
  let size = 0;
  let interval = 0;
  let sinceDemand = 0;
  let seen = false;
  rates[0] = 0;
  for (let t = 0; t < y.length; t++) {
    sinceDemand++;
    if (y[t] > 0) {
      if (seen) {
        size += alphaSize * (y[t] - size);
        interval += alphaInterval * (sinceDemand - interval);
      } else {
        size = y[t];
        interval = sinceDemand;
        seen = true;
      }
      sinceDemand = 0;
    }
    rates[t + 1] = seen ? (factor * size) / interval : 0;
  }
}
