import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Random } from "./random.js";

describe("Random(seed)", () => {
  test("equal seeds give equal sequences", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (seed) => {
        const a = new Random(seed);
        const b = new Random(seed);
        for (let i = 0; i < 20; i++) expect(a.nextUint32()).toBe(b.nextUint32());
        expect(a.normal()).toBe(b.normal());
      }),
    );
  });

  test("nearby seeds, and seeds that differ only beyond 2^32, give different sequences", () => {
    const first = (seed: number) => [0, 1, 2, 3].map(() => new Random(seed).nextUint32());
    expect(new Random(1).nextUint32()).not.toBe(new Random(2).nextUint32());
    expect(new Random(5).nextUint32()).not.toBe(new Random(5 + 2 ** 32).nextUint32());
    expect(first(3)).toEqual(first(3));
  });

  test("nextUint32 returns unsigned 32-bit integers", () => {
    const random = new Random(11);
    for (let i = 0; i < 1000; i++) {
      const u = random.nextUint32();
      expect(Number.isInteger(u) && u >= 0 && u < 2 ** 32).toBe(true);
    }
  });

  test("next() is uniform on [0, 1): mean 1/2, variance 1/12, every tenth of the range about equally often", () => {
    const random = new Random(2024);
    const n = 100_000;
    const counts = new Array<number>(10).fill(0);
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sumSquares += u * u;
      counts[Math.floor(u * 10)]++;
    }
    const mean = sum / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSquares / n - mean * mean).toBeCloseTo(1 / 12, 2);
    // Chi-square with 9 degrees of freedom: 27.9 is its 99.9th percentile.
    const chiSquare = counts.reduce((acc, count) => acc + (count - n / 10) ** 2 / (n / 10), 0);
    expect(chiSquare).toBeLessThan(27.9);
  });

  test("normal() has mean 0, variance 1, and the normal's tail mass beyond 1.96", () => {
    const random = new Random(99);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      sum += z;
      sumSquares += z * z;
      if (Math.abs(z) > 1.959963984540054) beyond++;
    }
    expect(sum / n).toBeCloseTo(0, 2);
    expect(sumSquares / n).toBeCloseTo(1, 1);
    expect(Math.abs(beyond / n - 0.05)).toBeLessThan(0.003);
  });

  test("fillNormal scales by the standard deviation and returns the array it filled", () => {
    const out = new Float64Array(50_000);
    expect(new Random(3).fillNormal(out, 2.5)).toBe(out);
    const mean = out.reduce((a, b) => a + b, 0) / out.length;
    const sd = Math.sqrt(out.reduce((a, b) => a + (b - mean) ** 2, 0) / out.length);
    expect(sd).toBeCloseTo(2.5, 1);
  });

  test("throws on a seed that is not a finite number", () => {
    expect(() => new Random(Number.NaN)).toThrow(/seed/);
    expect(() => new Random(Number.POSITIVE_INFINITY)).toThrow(/seed/);
  });
});
