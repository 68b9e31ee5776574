import type { CubeSlice } from "../src/store/store.js";

/**
 * A cube slice built by hand from `[keyIndex, hour, value]` cells, for tests of what reads slices.
 *
 * @example
 * cubeSlice(["geo=SE"], [[0, Date.UTC(2026, 0, 1), 3]]);
 */
export function cubeSlice(keys: string[], cells: Array<[number, number, number]>): CubeSlice {
  const hours = cells.map((c) => c[1]);
  return {
    keys,
    keyIndex: Int32Array.from(cells.map((c) => c[0])),
    hour: Float64Array.from(hours),
    value: Float64Array.from(cells.map((c) => c[2])),
    firstHour: hours.length === 0 ? null : Math.min(...hours),
    lastHour: hours.length === 0 ? null : Math.max(...hours),
  };
}
