import type { Random } from "../../demo/random.js";
import { sampleBinomial } from "./sample-binomial.js";

/**
 * One campaign's turn in one hour: each of its leaves passes Binomial(requests left there, throttle) of its
 * matching requests to it, then the ad server stops at `allowed` (what is left of the goal and of today's
 * cap): the draws above it are handed back, spread over the leaves in proportion to their draws (largest
 * remainders), so the requests go on to lower priorities. Takes the delivery out of `remaining` and returns it.
 *
 * @param remaining requests left per leaf this hour (whole counts; mutated)
 * @param taken scratch, at least leaves.length long
 * @example
 * const remaining = Float64Array.of(100, 50);
 * serveCampaign(new Random(1), remaining, Int32Array.of(0, 1), 0.5, 60, new Float64Array(2)); // 60 at most
 */
export function serveCampaign(
  rng: Random,
  remaining: Float64Array,
  leaves: Int32Array,
  throttle: number,
  allowed: number,
  taken: Float64Array,
): number {
  if (!(throttle >= 0 && throttle <= 1)) {
    throw new Error(`throttle: expected a pass-through probability in [0, 1], got ${throttle}`);
  }
  const cap = Math.max(0, Math.floor(allowed));
  if (throttle === 0 || cap === 0) return 0;
  let total = 0;
  for (let p = 0; p < leaves.length; p++) {
    const k = sampleBinomial(rng, remaining[leaves[p]], throttle);
    taken[p] = k;
    total += k;
  }
  if (total > cap) {
    // Hand back the excess: keep floor(k · cap / total) per leaf, then one more to the largest remainders.
    const scale = cap / total;
    let kept = 0;
    for (let p = 0; p < leaves.length; p++) {
      const share = taken[p] * scale;
      kept += Math.floor(share);
      // The whole part is kept, the fraction ranks the leaf for the units left over.
      taken[p] = share;
    }
    let left = cap - kept;
    for (; left > 0; left--) {
      let best = -1;
      let bestFraction = 0;
      for (let p = 0; p < leaves.length; p++) {
        const fraction = taken[p] - Math.floor(taken[p]);
        if (fraction > bestFraction) {
          bestFraction = fraction;
          best = p;
        }
      }
      if (best < 0) break;
      taken[best] = Math.floor(taken[best]) + 1;
    }
    for (let p = 0; p < leaves.length; p++) taken[p] = Math.floor(taken[p]);
    total = cap - left;
  }
  for (let p = 0; p < leaves.length; p++) remaining[leaves[p]] -= taken[p];
  return total;
}
