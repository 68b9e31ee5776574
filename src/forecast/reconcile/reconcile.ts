import { aggregateLeaves } from "./aggregate-leaves.js";
import { applyProjection } from "./apply-projection.js";
import { bottomUp } from "./bottom-up.js";
import { checkSeriesValues } from "./check-series-values.js";
import { completeRows } from "./complete-rows.js";
import type { Hierarchy } from "./hierarchy.js";
import { mintProjection, type Projection } from "./mint-projection.js";
import { shrinkCovariance } from "./shrink-covariance.js";
import { topDown } from "./top-down.js";

/** Reconciliation methods; "mint-shrink" is the default. */
export const RECONCILE_METHODS = ["mint-shrink", "wls", "ols", "bottom-up", "top-down"] as const;
/** One of RECONCILE_METHODS. */
export type ReconcileMethod = (typeof RECONCILE_METHODS)[number];

/** Options of `reconcile`. */
export interface ReconcileOptions {
  /** Default "mint-shrink". */
  method?: ReconcileMethod;
  /** In-sample one-step (or cross-validation) errors of every series, keys.length × residualLength, row-major;
   * needed by mint-shrink and wls. */
  residuals?: Float64Array;
  residualLength?: number;
  /** Level names from the top down for "top-down" (default: through the first nested levels). */
  path?: readonly string[];
  /** Set negative leaves to zero before aggregating (default true). */
  nonNegative?: boolean;
}

/** Reconciled forecasts. */
export interface Reconciled {
  method: ReconcileMethod;
  /** leafCount × steps, row-major. */
  leaves: Float64Array;
  /** keys.length × steps, row-major: S × leaves, coherent. */
  series: Float64Array;
  /** The linear projection used (mint-shrink, wls, ols), for reconciling error rows the same way. */
  projection?: Projection;
  /** The shrinkage intensity (mint-shrink). */
  lambda?: number;
  /** Leaf values that were negative and set to zero, and their summed magnitude. */
  clipped: number;
  clippedMass: number;
}

/**
 * Coherent forecasts from base forecasts of every series of a hierarchy, one reconciliation per step (hour)
 * with one projection for all steps. Methods: MinT with the shrunk error covariance (default; Wickramasuriya,
 * Athanasopoulos & Hyndman 2019), WLS with the error variances, OLS (Hyndman et al. 2011), bottom-up, and
 * top-down by forecast proportions (Athanasopoulos, Ahmed & Hyndman 2009).
 *
 * Non-negativity by set-negative-to-zero: negative reconciled leaves become 0, then every aggregate is summed
 * from the leaves, so the result stays coherent (the "sntz" heuristic; Girolimetto 2025 finds it close to the
 * optimal non-negative reconciliation of Wickramasuriya, Turlach & Hyndman 2020 while costing O(leaves) a step
 * instead of a quadratic program a step). The count and mass clipped are reported.
 *
 * @param base base forecasts, keys.length × steps, row-major in the order of `hierarchy.keys`
 * @example
 * const r = reconcile(h, base, 840, { residuals, residualLength: 672 });
 * r.series[h.indexOf.get("geo=SE")! * 840 + t]; // = Σ of its leaves at step t
 */
export function reconcile(
  hierarchy: Hierarchy,
  base: Float64Array,
  steps: number,
  options: ReconcileOptions = {},
): Reconciled {
  const method = options.method ?? "mint-shrink";
  if (!RECONCILE_METHODS.includes(method)) {
    throw new Error(`method: "${method}" is not one of ${RECONCILE_METHODS.join(", ")}`);
  }
  checkSeriesValues(hierarchy, base, steps, "base");
  const n = hierarchy.keys.length;
  let leaves: Float64Array;
  let projection: Projection | undefined;
  let lambda: number | undefined;
  if (method === "bottom-up") leaves = bottomUp(hierarchy, base, steps);
  else if (method === "top-down") leaves = topDown(hierarchy, base, steps, options.path);
  else {
    let weights: Float64Array;
    if (method === "ols") weights = new Float64Array(n).fill(1);
    else {
      const { residuals, residualLength } = options;
      if (!residuals) throw new Error(`residuals: ${method} needs the in-sample errors of every series`);
      if (residualLength === undefined) throw new Error("residualLength: needed with residuals");
      if (method === "wls") weights = errorVariances(residuals, n, residualLength);
      else {
        const shrunk = shrinkCovariance(residuals, n, residualLength);
        weights = shrunk.covariance;
        lambda = shrunk.lambda;
      }
      floorVariances(weights, n, weights.length === n);
    }
    projection = mintProjection(hierarchy, weights);
    leaves = applyProjection(hierarchy, projection, base, steps);
  }
  let clipped = 0;
  let clippedMass = 0;
  if (options.nonNegative ?? true) {
    for (let i = 0; i < leaves.length; i++) {
      if (leaves[i] < 0) {
        clipped++;
        clippedMass -= leaves[i];
        leaves[i] = 0;
      }
    }
  }
  return {
    method,
    leaves,
    series: aggregateLeaves(hierarchy, leaves, steps),
    projection,
    lambda,
    clipped,
    clippedMass,
  };
}

/** The mean square error of each series over the steps where all have one (the diagonal of Ŵ1). */
function errorVariances(residuals: Float64Array, n: number, length: number): Float64Array {
  const rows = completeRows(residuals, n, length);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let ss = 0;
    for (let k = 0; k < rows.length; k++) {
      const v = residuals[i * length + rows[k]];
      ss += v * v;
    }
    out[i] = ss / rows.length;
  }
  return out;
}

/**
 * A series whose errors were all zero would get weight infinity (W^-1): it is floored at 1e-9 of the mean
 * variance, enough to keep U'WU positive definite, far too small to move any other series.
 */
function floorVariances(weights: Float64Array, n: number, diagonal: boolean): void {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += weights[diagonal ? i : i * n + i];
  mean /= n;
  const floor = mean > 0 ? 1e-9 * mean : 1;
  for (let i = 0; i < n; i++) {
    const k = diagonal ? i : i * n + i;
    if (weights[k] < floor) weights[k] = floor;
  }
}
