/**
 * Equal shares per family, split equally among each family's members: the weights a pool's estimated
 * weights shrink towards. Equal weights per member would give a model with two twins (on the log scale,
 * without the season) three shares to another model's one, though twins err alike and add little that the
 * model does not; the combination puzzle's case for the equal mean (Smith & Wallis 2009) is one of distinct
 * forecasts.
 *
 * @param families each member's family, in the pool's order
 * @example
 * familyShares(["ets", "theta", "theta", "mstl"]); // [1/3, 1/6, 1/6, 1/3]
 */
export function familyShares(families: readonly string[]): Float64Array {
  const sizes = new Map<string, number>();
  for (const family of families) sizes.set(family, (sizes.get(family) ?? 0) + 1);
  const shares = new Float64Array(families.length);
  for (let m = 0; m < families.length; m++) {
    // biome-ignore lint/style/noNonNullAssertion: every family was counted above
    shares[m] = 1 / (sizes.size * sizes.get(families[m])!);
  }
  return shares;
}
