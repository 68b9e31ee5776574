/**
 * The non-decreasing sequence closest to `values` in least squares (equal weights), by the pool adjacent
 * violators algorithm (Ayer et al. 1955; Barlow et al. 1972, ch. 1). Linear time; writes into `out`
 * (which may be `values` itself) and returns it.
 *
 * @example
 * isotonicIncreasing(Float64Array.of(1, 3, 2, 4)); // Float64Array [1, 2.5, 2.5, 4]
 */
export function isotonicIncreasing(
  values: Float64Array,
  out = new Float64Array(values.length),
): Float64Array {
  const n = values.length;
  // Blocks as a stack: blockMean[b], blockSize[b]; merging keeps the stack means increasing.
  const blockMean = new Float64Array(n);
  const blockSize = new Int32Array(n);
  let blocks = 0;
  for (let i = 0; i < n; i++) {
    let mean = values[i];
    let size = 1;
    while (blocks > 0 && blockMean[blocks - 1] > mean) {
      blocks--;
      mean = (blockMean[blocks] * blockSize[blocks] + mean * size) / (blockSize[blocks] + size);
      size += blockSize[blocks];
    }
    blockMean[blocks] = mean;
    blockSize[blocks] = size;
    blocks++;
  }
  let i = 0;
  for (let b = 0; b < blocks; b++) {
    for (let s = 0; s < blockSize[b]; s++) out[i++] = blockMean[b];
  }
  return out;
}
