import { loessSmoothInto } from "../../loess/loess-smooth.js";
import type { StlParameters } from "./stl-options.js";
import type { StlWorkspace } from "./stl-workspace.js";

/** Moving averages of `window` values of x[0, n) into out[0, n - window + 1). */
function movingAverage(x: Float64Array, n: number, window: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < window; i++) sum += x[i];
  out[0] = sum / window;
  for (let j = 1; j <= n - window; j++) {
    sum += x[j + window - 1] - x[j - 1];
    out[j] = sum / window;
  }
}

/**
 * STL's low-pass filter of the cycle-subseries (Cleveland et al. 1990, step 3 of the inner loop): moving
 * averages of length n_p, n_p and 3 take `workspace.cycle` (n + 2 n_p values) back to n values, and a
 * loess of span n_l smooths them into `workspace.lowPass` (L).
 */
export function lowPassFilter(n: number, parameters: StlParameters, workspace: StlWorkspace): void {
  const { period } = parameters;
  const { cycle, average, averageTwice, lowPass, kernel } = workspace;
  const extended = n + 2 * period;
  movingAverage(cycle, extended, period, average);
  movingAverage(average, extended - period + 1, period, averageTwice);
  movingAverage(averageTwice, extended - 2 * period + 2, 3, average);
  const { lowPassWindow, lowPassDegree, lowPassJump } = parameters;
  loessSmoothInto(average, n, lowPassWindow, lowPassDegree, lowPassJump, null, lowPass, 0, kernel);
}
