import type { ForecastResult } from "./forecaster.js";

/** Probabilities closer than this to a level's bound count as that bound (0.1 vs 0.1000000000001). */
const TOLERANCE = 1e-9;

function checkProbability(p: number): void {
  if (typeof p !== "number" || !(p > 0 && p < 1))
    throw new Error(`probs: ${p} is not strictly between 0 and 1`);
}

/**
 * The interval levels a forecast needs for quantiles `probs`: the central interval at level
 * |2p - 1| * 100 has p as one of its bounds; 0.5 is the point forecast and needs none.
 *
 * @example
 * quantileLevels([0.1, 0.5, 0.9]); // [80]
 */
export function quantileLevels(probs: readonly number[]): number[] {
  const levels: number[] = [];
  for (const p of probs) {
    checkProbability(p);
    if (Math.abs(p - 0.5) < TOLERANCE) continue;
    const level = Math.round(Math.abs(2 * p - 1) * 100 * 1e9) / 1e9;
    if (!levels.some((l) => Math.abs(l - level) < TOLERANCE * 100)) levels.push(level);
  }
  return levels.sort((a, b) => a - b);
}

/**
 * Quantile forecasts from a forecast's central intervals: probability p < 0.5 is the lower bound of the
 * interval at level (1 - 2p) * 100, p > 0.5 the upper bound of the one at (2p - 1) * 100, and 0.5 the
 * point forecast (the median of the symmetric intervals avails builds). Ask the model for
 * `quantileLevels(probs)` first; a probability whose level the forecast lacks throws.
 *
 * @param levels the levels the forecast was made with, in the order of its bounds
 * @example
 * const result = model.forecast(y, { horizon: 24, levels: quantileLevels([0.1, 0.5, 0.9]), seasons: [24] });
 * const [p10, p50, p90] = quantiles(result, [80], [0.1, 0.5, 0.9]);
 */
export function quantiles(
  result: ForecastResult,
  levels: readonly number[],
  probs: readonly number[],
): Float64Array[] {
  if (levels.length !== result.lower.length) {
    throw new Error(
      `levels: ${levels.length} levels given for a forecast with ${result.lower.length} intervals`,
    );
  }
  return probs.map((p) => {
    checkProbability(p);
    if (Math.abs(p - 0.5) < TOLERANCE) return result.mean.slice();
    const level = Math.abs(2 * p - 1) * 100;
    const index = levels.findIndex((l) => Math.abs(l - level) < TOLERANCE * 100);
    if (index < 0) {
      throw new Error(
        `probs: ${p} needs the ${level.toFixed(6).replace(/\.?0+$/, "")}% interval, which the forecast does not have (levels ${levels.join(", ")})`,
      );
    }
    return (p < 0.5 ? result.lower[index] : result.upper[index]).slice();
  });
}
