/**
 * TEMPORARY stand-in for the unit-root tests (`ndiffs`, KPSS, and `nsdiffs`, seasonal strength) that the
 * unit-root branch adds to this folder; the coordinator replaces this with them after the merge. A crude
 * rule on sample autocorrelations: one seasonal difference when the lag-`period` autocorrelation of the
 * series exceeds 0.5 (with two full seasons of data), then up to two first differences while the lag-1
 * autocorrelation exceeds 0.8. Not a test; do not rely on its choices.
 *
 * @example temporaryDifferences(randomWalk, 1) // { d: 1, D: 0 }
 */
export function temporaryDifferences(y: Float64Array, period: number): { d: number; D: number } {
  let x = y;
  let D = 0;
  if (period > 1 && y.length >= 3 * period && autocorrelation(x, period) > 0.5) {
    x = difference(x, period);
    D = 1;
  }
  let d = 0;
  while (d < 2 && x.length > 3 && autocorrelation(x, 1) > 0.8) {
    x = difference(x, 1);
    d++;
  }
  return { d, D };
}

function difference(x: Float64Array, lag: number): Float64Array {
  const out = new Float64Array(x.length - lag);
  for (let t = lag; t < x.length; t++) out[t - lag] = x[t] - x[t - lag];
  return out;
}

function autocorrelation(x: Float64Array, lag: number): number {
  const n = x.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += x[t];
  mean /= n;
  let c0 = 0;
  let ck = 0;
  for (let t = 0; t < n; t++) c0 += (x[t] - mean) ** 2;
  for (let t = lag; t < n; t++) ck += (x[t] - mean) * (x[t - lag] - mean);
  return c0 > 0 ? ck / c0 : 0;
}
