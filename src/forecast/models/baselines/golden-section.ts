/** 1 / phi, the golden ratio's reciprocal: each golden-section step keeps this share of the bracket. */
const INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * The minimiser of a unimodal function on [lower, upper] by golden-section search (Kiefer 1953), to within
 * `tolerance` of the bracket's width. Each step reuses one of the two interior evaluations, so the search
 * costs about log(width / tolerance) / log(1.618) evaluations.
 *
 * @example goldenSectionMinimum((x) => (x - 0.3) ** 2, 0, 1, 1e-9) // 0.3 (to 1e-9)
 */
export function goldenSectionMinimum(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tolerance: number,
): number {
  let a = lower;
  let b = upper;
  let c = b - INVERSE_PHI * (b - a);
  let d = a + INVERSE_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tolerance) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INVERSE_PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INVERSE_PHI * (b - a);
      fd = f(d);
    }
  }
  return fc <= fd ? c : d;
}
