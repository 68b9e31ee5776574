/** Avails of each sample path of one interval (or period), parallel to the paths. */
export interface PathAvails {
  booked: Float64Array;
  available: Float64Array;
  possible: Float64Array;
}

/**
 * Avails along sample paths of matched supply, from the allocation made once on mean supply: on a path
 * with matched m, booked = min(allocated, m), available = m - booked, possible = m - min(higher, m). Goals
 * are fixed while traffic varies, and pacing makes booked campaigns chase their plan: a path running hot
 * leaves its surplus available, a path running cold is taken first by what is booked (it outranks a new
 * booking), down to nothing left. Re-running the allocation per path would follow each path's shape
 * across leaves and hours more closely, at the allocation's cost times the number of paths; with the min
 * taken per interval total, a path short on one leaf and long on another nets out within the interval.
 * Quantiles of each output over the paths give the P10 / P50 / P90 of booked, available and possible.
 * `out` arrays may be passed to reuse them.
 *
 * @example
 * const paths = new Float64Array([900, 1000, 1200]); // matched on three paths
 * pathAvails(paths, 1000, 400).available; // Float64Array [0, 0, 200]
 */
export function pathAvails(
  matched: Float64Array,
  allocated: number,
  higher: number,
  out: PathAvails = {
    booked: new Float64Array(matched.length),
    available: new Float64Array(matched.length),
    possible: new Float64Array(matched.length),
  },
): PathAvails {
  if (!(allocated >= 0 && Number.isFinite(allocated)))
    throw new Error(`allocated: expected finite >= 0, got ${allocated}`);
  if (!(higher >= 0 && higher <= allocated))
    throw new Error(`higher: expected 0..allocated (${allocated}), got ${higher}`);
  for (const name of ["booked", "available", "possible"] as const) {
    if (out[name].length !== matched.length) {
      throw new Error(
        `out.${name}: expected ${matched.length} values (one per path), got ${out[name].length}`,
      );
    }
  }
  for (let p = 0; p < matched.length; p++) {
    const m = matched[p];
    if (!(m >= 0)) throw new Error(`matched: path ${p} is ${m} (expected >= 0)`);
    const b = Math.min(allocated, m);
    out.booked[p] = b;
    out.available[p] = m - b;
    out.possible[p] = m - Math.min(higher, m);
  }
  return out;
}
