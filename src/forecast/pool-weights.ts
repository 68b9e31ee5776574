import { simplexWeights } from "./simplex-weights.js";

/**
 * Weights for a pool of forecasts from their cross-validation errors: the simplex weights that minimise the
 * squared error of the combination over the folds from `from` on (`simplexWeights`), mixed with equal
 * weights, (1 - shrinkage) w + shrinkage * target, the target equal weights 1 / k unless given (`auto`
 * gives equal shares per family, `familyShares`). Estimated weights chase the noise of a few folds, and the
 * equal mean is hard to beat (the forecast combination puzzle; Smith & Wallis 2009); shrinking the one
 * towards the other (Diebold & Pauly 1990) keeps most of what the estimate knows, above all that two
 * members erring alike count as one.
 *
 * @param members each member's cross-validation point forecasts, origin-major: means[k * horizon + j]
 * @param y the series the folds forecast
 * @param origins the folds' origins, ascending
 * @param from first origin (index) whose errors count
 * @param scales optional scale per origin; errors are divided by it, so that no stretch of a growing series
 *   outweighs the rest
 * @param shrinkage share of the target weights, in [0, 1]
 * @param target weights to shrink towards, >= 0 and summing to 1, one per member; equal when absent
 * @example
 * poolWeights([etsMeans, thetaMeans], y, origins, 14, 10, null, 0.5); // e.g. [0.7, 0.3]
 */
export function poolWeights(
  members: readonly Float64Array[],
  y: Float64Array,
  origins: readonly number[],
  horizon: number,
  from: number,
  scales: Float64Array | null,
  shrinkage: number,
  target?: Float64Array,
): Float64Array {
  const k = members.length;
  if (!(shrinkage >= 0 && shrinkage <= 1)) throw new Error(`shrinkage: ${shrinkage} is not in [0, 1]`);
  if (target !== undefined) {
    if (target.length !== k) throw new Error(`target: ${target.length} weights for ${k} members`);
    let total = 0;
    for (let m = 0; m < k; m++) {
      if (!(target[m] >= 0)) throw new Error(`target[${m}]: ${target[m]} is not a weight >= 0`);
      total += target[m];
    }
    if (Math.abs(total - 1) > 1e-9) throw new Error(`target: the weights sum to ${total}, not 1`);
  }
  for (let m = 0; m < k; m++) {
    if (members[m].length !== origins.length * horizon)
      throw new Error(
        `members[${m}]: ${members[m].length} forecasts for ${origins.length} origins x ${horizon}`,
      );
  }
  const gram = new Float64Array(k * k);
  const errors = new Float64Array(k);
  for (let o = from; o < origins.length; o++) {
    const scale = scales === null ? 1 : scales[o];
    for (let j = 0, i = o * horizon; j < horizon; j++, i++) {
      const actual = y[origins[o] + j];
      for (let a = 0; a < k; a++) errors[a] = (actual - members[a][i]) / scale;
      for (let a = 0; a < k; a++) for (let b = a; b < k; b++) gram[a * k + b] += errors[a] * errors[b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) gram[a * k + b] = gram[b * k + a];
  const weights = simplexWeights(gram, k);
  for (let a = 0; a < k; a++)
    weights[a] = (1 - shrinkage) * weights[a] + shrinkage * (target === undefined ? 1 / k : target[a]);
  return weights;
}
