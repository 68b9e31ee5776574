import { loessSmoothInto } from "../../loess/loess-smooth.js";
import { assertSeries } from "../baselines/validate-input.js";
import { smoothCycleSubseries } from "./cycle-subseries.js";
import { lowPassFilter } from "./low-pass-filter.js";
import { robustnessWeightsInto } from "./robustness-weights.js";
import { type StlOptions, type StlParameters, stlParameters } from "./stl-options.js";
import { createStlWorkspace, type StlWorkspace } from "./stl-workspace.js";

/** An STL decomposition: y = seasonal + trend + remainder. */
export interface StlDecomposition {
  readonly seasonal: Float64Array;
  readonly trend: Float64Array;
  readonly remainder: Float64Array;
  /** The final robustness weights (all 1 without robustness iterations). */
  readonly weights: Float64Array;
  /** The parameters used, defaults filled in. */
  readonly parameters: StlParameters;
}

/** STL's inner loop (Cleveland et al. 1990, section 2), updating `seasonal` and `trend` in place. */
function innerLoop(
  y: Float64Array,
  n: number,
  parameters: StlParameters,
  robust: boolean,
  workspace: StlWorkspace,
  seasonal: Float64Array,
  trend: Float64Array,
): void {
  const { detrended, cycle, lowPass, deseasonalised, robustness, kernel } = workspace;
  const { period, trendWindow, trendDegree, trendJump } = parameters;
  const trendRobustness = robust ? robustness : null;
  for (let pass = 0; pass < parameters.innerIterations; pass++) {
    // Step 1, detrending; step 2, cycle-subseries smoothing; step 3, low-pass filtering of C.
    for (let t = 0; t < n; t++) detrended[t] = y[t] - trend[t];
    smoothCycleSubseries(detrended, n, parameters, robust, workspace);
    lowPassFilter(n, parameters, workspace);
    // Step 4, detrending of C: the season is C less its low-frequency part, so it carries no trend.
    for (let t = 0; t < n; t++) seasonal[t] = cycle[period + t] - lowPass[t];
    // Steps 5 and 6, deseasonalising and trend smoothing.
    for (let t = 0; t < n; t++) deseasonalised[t] = y[t] - seasonal[t];
    loessSmoothInto(
      deseasonalised,
      n,
      trendWindow,
      trendDegree,
      trendJump,
      trendRobustness,
      trend,
      0,
      kernel,
    );
  }
}

/**
 * STL of y[0, n) into `seasonal` and `trend` with resolved parameters and a workspace sized for it,
 * allocating nothing: the form MSTL calls once per period and iteration. The robustness weights are left
 * in `workspace.robustness`.
 */
export function stlInto(
  y: Float64Array,
  n: number,
  parameters: StlParameters,
  workspace: StlWorkspace,
  seasonal: Float64Array,
  trend: Float64Array,
): void {
  if (workspace.length < n || workspace.period < parameters.period) {
    throw new RangeError(
      `workspace holds ${workspace.length} points and period ${workspace.period}, too small`,
    );
  }
  trend.fill(0, 0, n);
  workspace.robustness.fill(1);
  for (let outer = 0; ; outer++) {
    innerLoop(y, n, parameters, outer > 0, workspace, seasonal, trend);
    if (outer >= parameters.outerIterations) break;
    // Outer loop: reweigh the points by their remainders, y - (trend + seasonal).
    const fit = workspace.detrended;
    for (let t = 0; t < n; t++) fit[t] = trend[t] + seasonal[t];
    robustnessWeightsInto(y, fit, n, workspace.robustness, workspace.average);
  }
  if (parameters.periodic) averageByPosition(seasonal, n, parameters.period);
}

/** Replaces each value by the mean of the values at its position of the period (R's periodic STL). */
function averageByPosition(seasonal: Float64Array, n: number, period: number): void {
  for (let position = 0; position < period; position++) {
    let sum = 0;
    let count = 0;
    for (let t = position; t < n; t += period) {
      sum += seasonal[t];
      count++;
    }
    for (let t = position; t < n; t += period) seasonal[t] = sum / count;
  }
}

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990, "STL: A
 * Seasonal-Trend Decomposition Procedure Based on Loess", J. Official Statistics 6(1), 3-73): an inner
 * loop of cycle-subseries smoothing, low-pass filtering and trend smoothing, and optional robustness
 * iterations. Defaults are R's stl() (the paper's), with seasonalWindow 7; results match R's to rounding.
 *
 * @param y the series, finite values, more than two periods long
 * @example
 * const y = Float64Array.from({ length: 48 }, (_, t) => t + Math.sin((2 * Math.PI * t) / 12));
 * stl(y, { period: 12 }).seasonal // close to the sine
 */
export function stl(y: Float64Array, options: StlOptions): StlDecomposition {
  assertSeries(y);
  const n = y.length;
  const parameters = stlParameters(options, n);
  const workspace = createStlWorkspace(n, parameters.period);
  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  stlInto(y, n, parameters, workspace, seasonal, trend);
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) remainder[t] = y[t] - seasonal[t] - trend[t];
  return { seasonal, trend, remainder, weights: workspace.robustness.slice(0, n), parameters };
}
