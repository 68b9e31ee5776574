const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * A seeded, deterministic pseudo-random generator for simulation: xoshiro128** by Blackman and Vigna
 * (2018, "Scrambled linear pseudorandom number generators"), 128 bits of state advanced with 32-bit integer
 * operations only, seeded through splitmix32 so that nearby seeds give unrelated streams. Normal variates
 * come from the Box-Muller transform, two per pair of uniforms. Not for anything secret.
 *
 * @example
 * const random = new Random(42);
 * random.next(); // uniform in [0, 1)
 * random.normal(); // standard normal
 */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal = 0;
  private hasSpareNormal = false;

  /**
   * @param seed any finite number; equal seeds give equal sequences
   */
  constructor(seed = 1) {
    if (!Number.isFinite(seed)) throw new RangeError(`Random: seed must be a finite number, got ${seed}`);
    // splitmix32 (a 32-bit variant of Steele, Lea & Flood's SplitMix) spreads the seed over the state; the
    // high bits of large seeds are folded in so that seeds beyond 2^32 still differ.
    let z = (Math.trunc(seed) ^ Math.imul(Math.trunc(seed / TWO_POW_32) | 0, 0x9e3779b9)) | 0;
    const mix = (): number => {
      z = (z + 0x9e3779b9) | 0;
      let t = z ^ (z >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    this.s0 = mix();
    this.s1 = mix();
    this.s2 = mix();
    this.s3 = mix();
    // The all-zero state is the one state xoshiro never leaves.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const times5 = Math.imul(s1, 5);
    const result = Math.imul((times5 << 7) | (times5 >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits, the full resolution of a double. */
  next(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /** A standard normal variate (mean 0, standard deviation 1), by the Box-Muller transform. */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    this.hasSpareNormal = true;
    return radius * Math.cos(angle);
  }

  /**
   * Fills `out` with independent normal variates.
   * @param out the array to fill, returned
   * @param sd standard deviation (default 1)
   * @example new Random(7).fillNormal(new Float64Array(1000), 2.5)
   */
  fillNormal(out: Float64Array, sd = 1): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = sd * this.normal();
    return out;
  }
}
