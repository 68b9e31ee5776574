import { goldenSectionMinimum } from "../baselines/golden-section.js";
import { sesSse } from "../baselines/ses-alpha.js";

/**
 * The bounds of the smoothing weights the intermittent models search, [0.1, 0.3], those of statsforecast's
 * CrostonOptimized, ADIDA and IMAPA: demand sizes and intervals are few and noisy, and weights outside
 * this range are rarely useful for them (Syntetos & Boylan 2005 recommend 0.05 to 0.2).
 */
export const WEIGHT_BOUNDS: readonly [number, number] = [0.1, 0.3];

/**
 * The weight in `WEIGHT_BOUNDS` minimising the one-step SSE of simple exponential smoothing on
 * x[0, count): golden-section search to 1e-6, kept only if it beats both ends of the range. With fewer
 * than 3 values no error depends on the weight, and the lower bound is returned.
 *
 * @example optimalWeight(new Float64Array([4, 1, 6, 2, 5]), 5) // a weight in [0.1, 0.3]
 */
export function optimalWeight(x: Float64Array, count: number): number {
  const [lower, upper] = WEIGHT_BOUNDS;
  if (count < 3) return lower;
  let best = lower;
  let bestSse = sesSse(x, count, lower);
  const atUpper = sesSse(x, count, upper);
  if (atUpper < bestSse) {
    best = upper;
    bestSse = atUpper;
  }
  const inner = goldenSectionMinimum((alpha) => sesSse(x, count, alpha), lower, upper, 1e-6);
  return sesSse(x, count, inner) < bestSse ? inner : best;
}
