import { describe, expect, it } from "vitest";
import { Random } from "./random.js";

describe("Random", () => {
  it("same seed gives the same sequence, another seed or stream a different one", () => {
    const draw = (r: Random) => Array.from({ length: 8 }, () => r.nextUint32());
    expect(draw(new Random(42))).toEqual(draw(new Random(42)));
    expect(draw(new Random(42))).not.toEqual(draw(new Random(43)));
    expect(draw(new Random(42, 1))).not.toEqual(draw(new Random(42, 2)));
    expect(draw(new Random(2 ** 40))).not.toEqual(draw(new Random(0)));
  });

  it("draws uniformly in [0, 1)", () => {
    const r = new Random(7);
    const bins = new Array(10).fill(0);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) throw new Error(`out of range: ${u}`);
      bins[Math.floor(u * 10)]++;
      sum += u;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});
