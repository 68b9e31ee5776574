import { solveInPlace } from "./solve-in-place.js";

/** Most members `simplexWeights` searches exactly (2^k - 1 supports). */
export const MAX_SIMPLEX_MEMBERS = 12;

/**
 * The combination weights w >= 0 with sum 1 that minimise w' G w, the mean squared error of the combined
 * forecast, where `gram[i * k + j]` is the mean of e_i e_j over the members' errors e (or any positive
 * multiple of it: the weights do not depend on the scale): the optimal linear combination of Granger &
 * Ramanathan (1984) held to the simplex, as in Conflitti, De Mol & Giannone (2015), "Optimal combination
 * of survey forecasts", IJF 31(4). Unlike weights from each member's own error
 * (Bates & Granger 1969), these see the members' correlation: two members that err alike share what one
 * would get, so near-copies of one model cannot outvote a different one.
 *
 * The minimum lies on one support S (the members with positive weight), where w_S = G_S^-1 1 / (1' G_S^-1 1)
 * and the objective is 1 / (1' G_S^-1 1); every support is tried, which is exact and cheap for the few
 * members of a pool. A ridge of 1e-9 of the mean variance keeps the solves of near-copies finite. Returns
 * equal weights when every error is zero (or G is too small or large to scale).
 *
 * @param gram k x k symmetric positive semi-definite matrix, row-major
 * @param k number of members, 1 to MAX_SIMPLEX_MEMBERS
 * @example
 * simplexWeights(Float64Array.of(1, 0, 0, 4), 2); // [0.8, 0.2]
 */
export function simplexWeights(gram: Float64Array, k: number): Float64Array {
  if (!(Number.isInteger(k) && k >= 1 && k <= MAX_SIMPLEX_MEMBERS))
    throw new Error(`k: ${k} is not an integer from 1 to ${MAX_SIMPLEX_MEMBERS}`);
  if (gram.length !== k * k) throw new Error(`gram: ${gram.length} entries for ${k} x ${k}`);
  for (let i = 0; i < gram.length; i++) {
    if (!Number.isFinite(gram[i])) throw new Error(`gram[${i}] is ${gram[i]}`);
  }
  let trace = 0;
  for (let i = 0; i < k; i++) trace += gram[i * k + i];
  const weights = new Float64Array(k);
  // The weights do not depend on the scale of G: dividing by its mean variance keeps errors as small as
  // 1e-157 (whose squares are subnormal) from underflowing the ridge and the solves.
  const unit = trace / k;
  if (!(unit > 0 && Number.isFinite(unit))) return weights.fill(1 / k);
  const ridge = 1e-9;
  const matrix = new Float64Array(k * k);
  const solution = new Float64Array(k);
  const members = new Int32Array(k);
  let bestInverse = Number.NEGATIVE_INFINITY;
  for (let support = 1; support < 1 << k; support++) {
    let size = 0;
    for (let i = 0; i < k; i++) if (support & (1 << i)) members[size++] = i;
    for (let a = 0; a < size; a++) {
      for (let b = 0; b < size; b++) matrix[a * size + b] = gram[members[a] * k + members[b]] / unit;
      matrix[a * size + a] += ridge;
      solution[a] = 1;
    }
    if (!solveInPlace(matrix, size, solution)) continue;
    // 1' G_S^-1 1: the larger, the smaller the combined error; feasible only with every weight positive.
    let inverse = 0;
    let positive = true;
    for (let a = 0; a < size; a++) {
      if (!(solution[a] > 0)) positive = false;
      inverse += solution[a];
    }
    if (!positive || !(inverse > bestInverse) || inverse === Number.POSITIVE_INFINITY) continue;
    bestInverse = inverse;
    weights.fill(0);
    for (let a = 0; a < size; a++) weights[members[a]] = solution[a] / inverse;
  }
  // Every single member is a feasible support, so this holds unless the solves broke down.
  if (!(bestInverse > 0)) weights.fill(1 / k);
  return weights;
}
