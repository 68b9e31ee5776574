/** The demands of a series split as Croston (1972) does: their sizes and the intervals between them. */
export interface DemandParts {
  /** The positive values, in order. */
  readonly sizes: Float64Array;
  /**
   * The periods from one demand to the next, the first counted from the start of the series
   * (a demand at index 0 has interval 1), as R's `forecast::croston` and statsforecast.
   */
  readonly intervals: Float64Array;
}

/**
 * The sizes of the demands (values above 0) in y[0, end) and the intervals between them.
 *
 * @example
 * demandParts(new Float64Array([0, 3, 0, 0, 2]), 5) // { sizes: [3, 2], intervals: [2, 3] }
 */
export function demandParts(y: Float64Array, end: number): DemandParts {
  let count = 0;
  for (let t = 0; t < end; t++) if (y[t] > 0) count++;
  const sizes = new Float64Array(count);
  const intervals = new Float64Array(count);
  let previous = -1;
  for (let t = 0, i = 0; t < end; t++) {
    if (y[t] > 0) {
      sizes[i] = y[t];
      intervals[i++] = t - previous;
      previous = t;
    }
  }
  return { sizes, intervals };
}

/**
 * The mean interval between demands in y[0, end): the index of the last demand plus one over the number
 * of demands (the mean of `demandParts`' intervals); NaN when there is no demand.
 *
 * @example meanDemandInterval(new Float64Array([0, 3, 0, 0, 2, 0]), 6) // 5 / 2
 */
export function meanDemandInterval(y: Float64Array, end: number): number {
  let count = 0;
  let last = -1;
  for (let t = 0; t < end; t++) {
    if (y[t] > 0) {
      count++;
      last = t;
    }
  }
  return count > 0 ? (last + 1) / count : Number.NaN;
}
