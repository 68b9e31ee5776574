import { loessAt } from "../../loess/loess-at.js";
import { loessSmoothInto } from "../../loess/loess-smooth.js";
import type { StlParameters } from "./stl-options.js";
import type { StlWorkspace } from "./stl-workspace.js";

/**
 * STL's cycle-subseries smoothing (Cleveland et al. 1990, step 2 of the inner loop): each subseries of
 * y[0, n) at one position of the period is loess-smoothed, and extrapolated one period before the start
 * and one after the end, giving `workspace.cycle` (C) of n + 2 * period values: C[period + t] belongs to
 * time t. When `robust`, the workspace's robustness weights take part.
 */
export function smoothCycleSubseries(
  y: Float64Array,
  n: number,
  parameters: StlParameters,
  robust: boolean,
  workspace: StlWorkspace,
): void {
  const { period, seasonalWindow: span, seasonalDegree: degree, seasonalJump: jump } = parameters;
  const { subseries, subseriesRobustness, subseriesSmooth, cycle, robustness, kernel } = workspace;
  const subRobustness = robust ? subseriesRobustness : null;
  for (let position = 0; position < period; position++) {
    const k = Math.floor((n - position - 1) / period) + 1;
    for (let i = 0; i < k; i++) subseries[i] = y[i * period + position];
    if (robust) for (let i = 0; i < k; i++) subseriesRobustness[i] = robustness[i * period + position];
    loessSmoothInto(subseries, k, span, degree, jump, subRobustness, subseriesSmooth, 1, kernel);
    // One period before the start, from the first `span` points, and one after the end, from the last.
    const before = loessAt(subseries, k, span, degree, -1, 0, Math.min(span, k) - 1, subRobustness);
    subseriesSmooth[0] = Number.isNaN(before) ? subseriesSmooth[1] : before;
    const after = loessAt(subseries, k, span, degree, k, Math.max(0, k - span), k - 1, subRobustness);
    subseriesSmooth[k + 1] = Number.isNaN(after) ? subseriesSmooth[k] : after;
    for (let i = 0; i < k + 2; i++) cycle[i * period + position] = subseriesSmooth[i];
  }
}
