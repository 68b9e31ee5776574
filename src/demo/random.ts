/**
 * A seeded pseudo-random generator: sfc32, Chris Doty-Humphrey's "Small Fast Counting" generator from
 * PractRand (128-bit state, passes PractRand and TestU01 BigCrush). Fast in JavaScript because it only
 * needs 32-bit integer operations. For simulation only, never for anything secret.
 *
 * @example
 * const rng = new Random(42);
 * const u = rng.next(); // uniform in [0, 1)
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed any non-negative safe integer; equal seeds give equal sequences.
   * @param stream independent sub-sequence for the same seed (e.g. one for campaigns, one for traffic).
   */
  constructor(seed: number, stream = 0) {
    // splitmix32 spreads the seed over the state, so nearby seeds give unrelated sequences.
    let s = (seed >>> 0) ^ Math.imul(Math.floor(seed / 4294967296) >>> 0, 0x27d4eb2d);
    s = (s ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = 1;
    // Discard the first outputs: sfc32 needs a few rounds to decorrelate from the seed.
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}
