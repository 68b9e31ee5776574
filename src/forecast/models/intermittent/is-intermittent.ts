import { ADI_CUTOFF, classifyDemand } from "./classify-demand.js";

/**
 * The share of zeros above which a series counts as intermittent whatever its ADI: 0.25, about the
 * share of zeros an ADI of 1.32 implies (1 - 1 / 1.32 = 0.24), but over the whole series, so that a
 * demand that stopped (a run of trailing zeros, which ADI does not see) counts too.
 */
export const ZERO_SHARE_CUTOFF = 0.25;

/**
 * Whether a series is intermittent demand, for which the intermittent models (Croston, SBA, TSB, IMAPA)
 * are meant: it never goes negative, and its average demand interval is at least 1.32 (Syntetos, Boylan
 * & Croston 2005) or more than a quarter of its values are 0 (`ZERO_SHARE_CUTOFF`). A series with a
 * negative value is not demand, so false; one without any demand is (all zeros: the forecast is 0).
 *
 * With a `period` (the shortest season: 24 for hourly data), zeros that come with the season do not count:
 * the test looks only at the phases where demand usually occurs, those with fewer than half their values
 * 0. Croston's method and its successors assume demand arrives at any period with the same probability;
 * an ad slot that is empty every night but busy every day breaks that, and a seasonal model forecasts
 * its zero nights (their median is 0). A series without any such phase, or shorter than two periods, is
 * judged on all its values. Throws on a non-finite value, naming it.
 *
 * @example
 * isIntermittent(new Float64Array([0, 3, 0, 0, 1, 0])) // true
 * isIntermittent(new Float64Array([0, 3, 0, 4, 0, 3, 0, 5]), 2) // false: the zeros are every other period
 */
export function isIntermittent(y: Float64Array, period = 1): boolean {
  if (!(y instanceof Float64Array)) throw new TypeError("y must be a Float64Array");
  if (!Number.isInteger(period) || period < 1)
    throw new RangeError(`period: ${period} is not an integer >= 1`);
  for (let t = 0; t < y.length; t++) {
    if (!Number.isFinite(y[t])) {
      throw new RangeError(`y[${t}] is ${y[t]}; models need finite values (impute gaps first)`);
    }
    if (y[t] < 0) return false;
  }
  if (y.length === 0) return false;
  const active = period >= 2 && y.length >= 2 * period ? activePhaseValues(y, period) : y;
  if (active.length === 0) return true;
  const { adi, zeroShare } = classifyDemand(active);
  return adi >= ADI_CUTOFF || zeroShare > ZERO_SHARE_CUTOFF;
}

/** The values of `y` at the phases of `period` where fewer than half the values are 0, in time order. */
function activePhaseValues(y: Float64Array, period: number): Float64Array {
  const zeros = new Float64Array(period);
  const counts = new Float64Array(period);
  for (let t = 0, phase = 0; t < y.length; t++) {
    counts[phase]++;
    if (y[t] === 0) zeros[phase]++;
    if (++phase === period) phase = 0;
  }
  let size = 0;
  for (let p = 0; p < period; p++) if (zeros[p] < counts[p] / 2) size += counts[p];
  const values = new Float64Array(size);
  for (let t = 0, phase = 0, i = 0; t < y.length; t++) {
    if (zeros[phase] < counts[phase] / 2) values[i++] = y[t];
    if (++phase === period) phase = 0;
  }
  return values;
}
