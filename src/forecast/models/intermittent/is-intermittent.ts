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
 * Throws on a non-finite value, naming it.
 *
 * @example isIntermittent(new Float64Array([0, 3, 0, 0, 1, 0])) // true
 */
export function isIntermittent(y: Float64Array): boolean {
  if (!(y instanceof Float64Array)) throw new TypeError("y must be a Float64Array");
  for (let t = 0; t < y.length; t++) {
    if (!Number.isFinite(y[t])) {
      throw new RangeError(`y[${t}] is ${y[t]}; models need finite values (impute gaps first)`);
    }
    if (y[t] < 0) return false;
  }
  if (y.length === 0) return false;
  const { adi, zeroShare } = classifyDemand(y);
  return adi >= ADI_CUTOFF || zeroShare > ZERO_SHARE_CUTOFF;
}
