import { originGroups } from "./origin-groups.js";

/**
 * The forecasts of a one-fit `forecastOrigins` run once per group of `originGroups(origins, fits)`, in
 * order: how a model with nothing to carry from one fit to the next honours `fits`. With one group (or
 * none) `run` gets all the origins, so that it still validates its input.
 *
 * @param origins ascending origins
 * @param fits how many fits, an integer >= 1
 * @param run fits on the data before its first origin and forecasts from each of its origins
 * @example
 * fitPerGroup(origins, 3, (group) => forecastThetaOrigins(y, group, request, "auto"));
 */
export function fitPerGroup(
  origins: readonly number[],
  fits: number,
  run: (group: readonly number[]) => Float64Array[],
): Float64Array[] {
  const groups = originGroups(origins, fits);
  if (groups.length <= 1) return run(origins);
  return groups.flatMap((group) => run(group));
}
