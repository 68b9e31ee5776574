import { describe, expect, it } from "vitest";
import { Random } from "../../demo/random.js";
import { sampleBinomial } from "./sample-binomial.js";

function moments(
  n: number,
  p: number,
  draws: number,
): { mean: number; variance: number; max: number; min: number } {
  const rng = new Random(11);
  let sum = 0;
  let sq = 0;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < draws; i++) {
    const k = sampleBinomial(rng, n, p);
    sum += k;
    sq += k * k;
    if (k > max) max = k;
    if (k < min) min = k;
  }
  const mean = sum / draws;
  return { mean, variance: sq / draws - mean * mean, max, min };
}

describe("sampleBinomial(rng, n, p)", () => {
  it.each([
    [20, 0.1],
    [50, 0.15],
    [1000, 0.3],
    [1000, 0.85],
    [100_000, 0.02],
  ])("has the mean n·p and variance n·p·(1-p) for n = %s, p = %s", (n, p) => {
    const draws = 20_000;
    const { mean, variance, max, min } = moments(n, p, draws);
    const v = n * p * (1 - p);
    // Four standard errors of the mean; the sample variance within 6% of the true one.
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt(v / draws));
    expect(Math.abs(variance / v - 1)).toBeLessThan(0.06);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThanOrEqual(n);
  });

  it("gives whole counts between 0 and n, 0 at p = 0 and n at p = 1", () => {
    const rng = new Random(3);
    expect(sampleBinomial(rng, 17, 0)).toBe(0);
    expect(sampleBinomial(rng, 17, 1)).toBe(17);
    expect(sampleBinomial(rng, 0, 0.5)).toBe(0);
    for (let i = 0; i < 200; i++) {
      const k = sampleBinomial(rng, 40.7, 0.5);
      expect(Number.isInteger(k) && k >= 0 && k <= 40).toBe(true);
    }
  });

  it("gives the same draws for the same seed", () => {
    const a = new Random(5);
    const b = new Random(5);
    for (let i = 0; i < 50; i++) expect(sampleBinomial(a, 500, 0.4)).toBe(sampleBinomial(b, 500, 0.4));
  });

  it("refuses a probability outside [0, 1] or NaN, and a negative count", () => {
    const rng = new Random(1);
    expect(() => sampleBinomial(rng, 10, 1.2)).toThrow(/binomial p/);
    expect(() => sampleBinomial(rng, 10, Number.NaN)).toThrow(/binomial p/);
    expect(() => sampleBinomial(rng, -1, 0.5)).toThrow(/binomial n/);
  });
});
