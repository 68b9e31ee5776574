import type { Hierarchy } from "./hierarchy.js";

/**
 * Throws unless `values` holds finite numbers for every series × step of the hierarchy, naming the parameter,
 * and on a non-finite value the series key and step.
 *
 * @example
 * checkSeriesValues(h, base, 840, "base"); // base: series "geo=SE" step 3 is NaN
 */
export function checkSeriesValues(
  hierarchy: Hierarchy,
  values: Float64Array,
  steps: number,
  name: string,
): void {
  const n = hierarchy.keys.length;
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`steps: ${steps} is not a positive integer`);
  if (!(values instanceof Float64Array)) throw new Error(`${name}: not a Float64Array`);
  if (values.length !== n * steps) {
    throw new Error(`${name}: length ${values.length} is not series (${n}) × steps (${steps})`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const series = Math.floor(i / steps);
      throw new Error(
        `${name}: series "${hierarchy.keys[series]}" step ${i - series * steps} is ${values[i]}`,
      );
    }
  }
}
