import { assertSameLength } from "./assert-same-length.js";

/** How two models' losses compare over the same cases (`pairedDifference`). */
export interface PairedDifference {
  /** Cases where both losses are finite. */
  readonly count: number;
  /** Mean of a - b over those cases: below 0 when model a lost less. */
  readonly meanDifference: number;
  /**
   * The mean difference over its standard error, sqrt(variance / count) with the sample variance: about N(0, 1)
   * when the two forecast alike, so |t| < 1.96 is within chance at 5%. ±Infinity when every difference is the
   * same nonzero value, 0 when all are 0, NaN with fewer than 2 cases.
   */
  readonly t: number;
  /** Cases where a's loss was lower than b's. */
  readonly aBetter: number;
  /** Cases where b's loss was lower than a's. */
  readonly bBetter: number;
}

/**
 * Compares the losses of two models case by case (each case a series and window both forecast, e.g. per-fold
 * MASE): the mean difference, its t statistic and who was better how often. It is the Diebold-Mariano test
 * (Diebold & Mariano 1995) with no autocovariance terms, right when the cases' test windows do not overlap;
 * windows of one series share its regime, so the t is if anything too large. A pair with a non-finite value
 * on either side is skipped. Throws when the lengths differ.
 *
 * @param a losses of the first model
 * @param b losses of the second model, case by case as `a`
 * @example
 * pairedDifference([0.5, 0.7, 0.6], [0.6, 0.8, 0.6]); // { count: 3, meanDifference: -0.0667, t: -2, aBetter: 2, bBetter: 0 }
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): PairedDifference {
  assertSameLength("pairedDifference", "a", a, "b", b);
  let count = 0;
  let sum = 0;
  let aBetter = 0;
  let bBetter = 0;
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) continue;
    const d = a[i] - b[i];
    count++;
    sum += d;
    if (d < 0) aBetter++;
    else if (d > 0) bBetter++;
  }
  const meanDifference = count === 0 ? Number.NaN : sum / count;
  if (count < 2) return { count, meanDifference, t: Number.NaN, aBetter, bBetter };
  // Second pass for the variance: centred sums keep their precision where the differences are tiny.
  let squares = 0;
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) continue;
    squares += (a[i] - b[i] - meanDifference) ** 2;
  }
  const standardError = Math.sqrt(squares / (count - 1) / count);
  const t = standardError > 0 ? meanDifference / standardError : tOfConstant(meanDifference);
  return { count, meanDifference, t, aBetter, bBetter };
}

/** The t of differences that are all equal: no spread, so any nonzero mean is beyond chance. */
function tOfConstant(mean: number): number {
  if (mean === 0) return 0;
  return mean > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}
