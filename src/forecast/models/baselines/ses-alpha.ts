import { goldenSectionMinimum } from "./golden-section.js";

/** The smallest smoothing weight searched: below it the level hardly moves and the SSE surface is flat. */
export const MIN_ALPHA = 1e-4;
const GRID_STEPS = 10;

/**
 * The in-sample one-step sum of squared errors of simple exponential smoothing on y[0, end), the level
 * starting at y[0]: l[t] = l[t-1] + alpha * (y[t] - l[t-1]), error y[t] - l[t-1] for t >= 1.
 */
export function sesSse(y: Float64Array, end: number, alpha: number): number {
  let level = y[0];
  let sse = 0;
  for (let t = 1; t < end; t++) {
    const error = y[t] - level;
    sse += error * error;
    level += alpha * error;
  }
  return sse;
}

/**
 * The smoothing weight in [1e-4, 1] minimising the one-step SSE of simple exponential smoothing on
 * y[0, end). A grid of 10 steps (and the range's lower end, 1e-4) first finds the best region, since the SSE surface need not be unimodal
 * over all of [0, 1]; golden-section search then refines within one grid step either side, to 1e-5.
 * Ties go to the larger weight (nearer the naive method). With fewer than 3 points there is nothing to
 * weigh, and the weight is 1.
 *
 * @example optimalSesAlpha(new Float64Array([1, 5, 2, 6, 3]), 5) // a weight in [1e-4, 1]
 */
export function optimalSesAlpha(y: Float64Array, end: number): number {
  if (end < 3) return 1;
  let best = 1;
  let bestSse = sesSse(y, end, 1);
  // The grid's ends are the range's ends: a minimum below the first step (a nearly constant level) must
  // be able to win the region too.
  for (let i = GRID_STEPS - 1; i >= 0; i--) {
    const alpha = i === 0 ? MIN_ALPHA : i / GRID_STEPS;
    const sse = sesSse(y, end, alpha);
    if (sse < bestSse) {
      best = alpha;
      bestSse = sse;
    }
  }
  const step = 1 / GRID_STEPS;
  const lower = Math.max(MIN_ALPHA, best - step);
  const upper = Math.min(1, best + step);
  const refined = goldenSectionMinimum((alpha) => sesSse(y, end, alpha), lower, upper, 1e-5);
  return sesSse(y, end, refined) < bestSse ? refined : best;
}
