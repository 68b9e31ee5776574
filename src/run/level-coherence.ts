import type { Hierarchy } from "../forecast/reconcile/hierarchy.js";
import type { CoherenceError } from "../store/run-payload.js";

/**
 * The worst coherence error of each aggregate level: over its series and hours, |Σ leaves - series| / |series|
 * (the absolute error where the series is 0), and the series where it is largest. What the publish gate reads.
 *
 * @example levelCoherence(h, seriesMean, 840).geo; // { maxRelativeError: 0, series: "geo=SE" }
 */
export function levelCoherence(
  hierarchy: Hierarchy,
  values: Float64Array,
  steps: number,
): Record<string, CoherenceError> {
  const { rowStart, leaves, leafSeries, keys } = hierarchy;
  if (values.length !== keys.length * steps) {
    throw new Error(`values: length ${values.length} is not series (${keys.length}) × steps (${steps})`);
  }
  const out: Record<string, CoherenceError> = {};
  hierarchy.levels.forEach((level, l) => {
    if (l === hierarchy.bottomLevel) return;
    let worst = 0;
    let where: string | undefined;
    for (let i = level.start; i < level.start + level.count; i++) {
      for (let t = 0; t < steps; t++) {
        let sum = 0;
        for (let e = rowStart[i]; e < rowStart[i + 1]; e++) sum += values[leafSeries[leaves[e]] * steps + t];
        const own = values[i * steps + t];
        const error = Math.abs(sum - own) / (own !== 0 ? Math.abs(own) : 1);
        if (!(error <= worst)) {
          worst = error;
          where = keys[i];
          if (Number.isNaN(error)) break;
        }
      }
    }
    out[level.name] = { maxRelativeError: worst, series: where };
  });
  return out;
}
