import { loessAt } from "./loess-at.js";

/**
 * Fills kernel[0..q] with the tricube weights of a centred neighbourhood of 2q + 1 points (h = q), exactly
 * as `loessAt` weighs them, and returns their total over the whole neighbourhood.
 */
function centredKernel(q: number, kernel: Float64Array): number {
  const nearEdge = 0.999 * q;
  const nearCentre = 0.001 * q;
  let total = 0;
  for (let d = 0; d <= q; d++) {
    let weight = 0;
    if (d <= nearCentre) {
      weight = 1;
    } else if (d <= nearEdge) {
      const ratio = d / q;
      const cube = 1 - ratio * ratio * ratio;
      weight = cube * cube * cube;
    }
    kernel[d] = weight;
    total += d === 0 ? weight : 2 * weight;
  }
  return total;
}

/**
 * Loess-smooths y[0, n) into out[offset, offset + n), as STL's `ess` step (Cleveland et al. 1990,
 * section 2 and the jump of section 3.4): the fit is evaluated at every `jump`-th position and at the
 * last, each over the `span` nearest positions (the window slides with the point and stops at the ends),
 * and the values between are linearly interpolated. A position whose weights all vanish keeps its
 * observation.
 *
 * Where the window is centred on its point and there are no robustness weights, the local line's value
 * at the centre is the kernel-weighted mean (the weighted centre is the point itself), so those points
 * take one multiply-add per neighbour with the tricube weights tabulated once in `kernel` (scratch of at
 * least (span + 1) / 2 values; null to skip the shortcut). Allocation-free.
 */
export function loessSmoothInto(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  jump: number,
  robustness: Float64Array | null,
  out: Float64Array,
  offset: number,
  kernel: Float64Array | null,
): void {
  if (n < 2) {
    out[offset] = y[0];
    return;
  }
  const step = Math.min(jump, n - 1);
  const half = (span + 1) >> 1;
  const q = half - 1;
  const centred = kernel !== null && robustness === null && span < n && (span & 1) === 1;
  const kernelTotal = centred ? centredKernel(q, kernel) : 0;
  let left = 0;
  let right = Math.min(span, n) - 1;
  let last = 0;
  for (let i = 0; i < n; i += step) {
    if (span < n) {
      if (i < half) {
        left = 0;
        right = span - 1;
      } else if (i >= n - half) {
        left = n - span;
        right = n - 1;
      } else {
        left = i - half + 1;
        right = i - half + span;
      }
    }
    if (centred && left === i - q && right === i + q) {
      let sum = kernel[0] * y[i];
      for (let d = 1; d < q; d++) sum += kernel[d] * (y[i - d] + y[i + d]);
      out[offset + i] = sum / kernelTotal;
    } else {
      const fit = loessAt(y, n, span, degree, i, left, right, robustness);
      out[offset + i] = Number.isNaN(fit) ? y[i] : fit;
    }
    last = i;
  }
  if (step === 1) return;
  for (let i = 0; i + step <= last; i += step) {
    const from = out[offset + i];
    const slope = (out[offset + i + step] - from) / step;
    for (let j = 1; j < step; j++) out[offset + i + j] = from + slope * j;
  }
  if (last !== n - 1) {
    // The last position is fitted with the last neighbourhood, and the gap before it interpolated.
    const fit = loessAt(y, n, span, degree, n - 1, left, right, robustness);
    out[offset + n - 1] = Number.isNaN(fit) ? y[n - 1] : fit;
    const from = out[offset + last];
    const slope = (out[offset + n - 1] - from) / (n - 1 - last);
    for (let j = last + 1; j < n - 1; j++) out[offset + j] = from + slope * (j - last);
  }
}
