/**
 * Cuts ascending forecast origins into `fits` runs of consecutive origins, as even in size as they can be
 * (earlier runs take the extra origin): the groups a model with `forecastOrigins(..., fits)` fits once each.
 * Fewer groups than `fits` when there are fewer origins; none for no origins.
 *
 * @param origins ascending origins
 * @param fits how many fits, an integer >= 1
 * @throws RangeError naming `fits` when it is not an integer >= 1
 * @example
 * originGroups([10, 11, 12, 13, 14], 2); // [[10, 11, 12], [13, 14]]
 */
export function originGroups(origins: readonly number[], fits = 1): number[][] {
  if (!(Number.isInteger(fits) && fits >= 1)) throw new RangeError(`fits: ${fits} is not an integer >= 1`);
  const count = Math.min(fits, origins.length);
  const groups: number[][] = [];
  let start = 0;
  for (let g = 0; g < count; g++) {
    const end = start + Math.ceil((origins.length - start) / (count - g));
    groups.push(origins.slice(start, end));
    start = end;
  }
  return groups;
}
