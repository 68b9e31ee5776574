import { selectKth } from "./select-kth.js";

/**
 * The rank (1-based) of the split-conformal quantile among `count` calibration scores:
 * ceil((count + 1) * coverage) (Vovk et al. 2005; Angelopoulos & Bates 2021, eq. 1). Greater than `count`
 * when there are too few scores for the coverage, in which case the quantile is +Infinity.
 */
export function conformalRank(count: number, coverage: number): number {
  // The tolerance keeps (19 + 1) * 0.95 at rank 19 despite 0.95 not being exact in binary.
  return Math.ceil((count + 1) * coverage - 1e-9);
}

/**
 * The split-conformal quantile of nonconformity scores: the ceil((n + 1) * coverage)-th smallest of the
 * n scores, which covers a new exchangeable score with probability at least `coverage`
 * (Angelopoulos & Bates 2021, "A gentle introduction to conformal prediction", section 1).
 * +Infinity when n is too small for the coverage. NaN scores are ignored. `scores` is not modified.
 *
 * @param scores calibration scores, e.g. absolute forecast errors
 * @param coverage target coverage in (0, 1), e.g. 0.95
 * @example
 * conformalQuantile(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), 0.8); // 8 (rank ceil(10 * 0.8) = 8)
 */
export function conformalQuantile(scores: Float64Array, coverage: number): number {
  if (!(coverage > 0 && coverage < 1))
    throw new Error(`coverage: ${coverage} is not strictly between 0 and 1`);
  const finite = new Float64Array(scores.length);
  let count = 0;
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) finite[count++] = scores[i];
  const rank = conformalRank(count, coverage);
  if (rank > count) return Number.POSITIVE_INFINITY;
  return selectKth(finite, rank - 1, count);
}
