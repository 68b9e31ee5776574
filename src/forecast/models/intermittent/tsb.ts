import type { Forecaster } from "../../forecaster.js";
import { goldenSectionMinimum } from "../baselines/golden-section.js";
import { assertAlpha } from "./assert-demand.js";
import { rateForecaster } from "./rate-forecaster.js";
import { tsbRates, tsbSquaredErrors } from "./tsb-rates.js";

interface Weights {
  readonly size: number;
  readonly probability: number;
}

/** The range searched for a weight not given: slow enough for a flat multi-step forecast to make sense. */
const TSB_BOUNDS: readonly [number, number] = [0.01, 0.3];
const GRID = 6;
const ROUNDS = 3;

/**
 * The Teunter-Syntetos-Babai method ("tsb", Teunter, Syntetos & Babai 2011, `tsbRates`): the forecast is
 * the smoothed demand probability times the smoothed demand size, and it decays through a run of zeros.
 * A weight not given is chosen in [0.01, 0.3] to minimise the in-sample one-step squared errors of the
 * forecast: a 6 x 6 grid, then three rounds of golden-section search on one weight at a time. Intervals
 * are `empiricalIntervals`; the series must not go negative.
 *
 * @param alphaSize the weight of the demand size in (0, 1]; optimised when omitted
 * @param alphaProbability the weight of the demand probability in (0, 1]; optimised when omitted
 * @example
 * tsb(0.5, 0.2).forecast(new Float64Array([0, 4, 0, 2]), { horizon: 1, levels: [], seasons: [] }).mean
 * // [0.52 * 3]
 */
export function tsb(alphaSize?: number, alphaProbability?: number): Forecaster {
  if (alphaSize !== undefined) assertAlpha(alphaSize, "alphaSize");
  if (alphaProbability !== undefined) assertAlpha(alphaProbability, "alphaProbability");
  return rateForecaster<Weights>({
    name: "tsb",
    fit: (y, end) => fitWeights(y, end, alphaSize, alphaProbability),
    run: (y, weights, rates) => tsbRates(y, weights.size, weights.probability, rates),
    describe: (weights) => `TSB(size=${round(weights.size)}, probability=${round(weights.probability)})`,
  });
}

function fitWeights(
  y: Float64Array,
  end: number,
  givenSize: number | undefined,
  givenProbability: number | undefined,
): Weights {
  const [lower, upper] = TSB_BOUNDS;
  const sizes = givenSize === undefined ? gridOf(lower, upper) : [givenSize];
  const probabilities = givenProbability === undefined ? gridOf(lower, upper) : [givenProbability];
  let size = sizes[0];
  let probability = probabilities[0];
  let best = Number.POSITIVE_INFINITY;
  for (const s of sizes) {
    for (const p of probabilities) {
      const sse = tsbSquaredErrors(y, end, s, p);
      if (sse < best) {
        best = sse;
        size = s;
        probability = p;
      }
    }
  }
  // Refine one free weight at a time within a grid step of the best point; keep a step only if it helps.
  const step = (upper - lower) / (GRID - 1);
  for (let round = 0; round < ROUNDS; round++) {
    if (givenSize === undefined) {
      const s = goldenSectionMinimum(
        (a) => tsbSquaredErrors(y, end, a, probability),
        Math.max(lower, size - step),
        Math.min(upper, size + step),
        1e-5,
      );
      const sse = tsbSquaredErrors(y, end, s, probability);
      if (sse < best) {
        best = sse;
        size = s;
      }
    }
    if (givenProbability === undefined) {
      const p = goldenSectionMinimum(
        (a) => tsbSquaredErrors(y, end, size, a),
        Math.max(lower, probability - step),
        Math.min(upper, probability + step),
        1e-5,
      );
      const sse = tsbSquaredErrors(y, end, size, p);
      if (sse < best) {
        best = sse;
        probability = p;
      }
    }
  }
  return { size, probability };
}

function gridOf(lower: number, upper: number): number[] {
  return Array.from({ length: GRID }, (_, i) => lower + ((upper - lower) * i) / (GRID - 1));
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
