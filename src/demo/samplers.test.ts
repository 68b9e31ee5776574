import { describe, expect, it } from "vitest";
import { sampleGamma } from "./gamma.js";
import { samplePoisson } from "./poisson.js";
import { Random } from "./random.js";

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sum2 += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sum2 / n - mean * mean };
}

describe("samplePoisson", () => {
  for (const lambda of [0.3, 4, 12, 150, 25_000]) {
    it(`has mean and variance lambda for lambda ${lambda}`, () => {
      const rng = new Random(lambda);
      const { mean, variance } = moments(() => samplePoisson(rng, lambda), 40_000);
      expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 40_000));
      expect(variance / lambda).toBeGreaterThan(0.95);
      expect(variance / lambda).toBeLessThan(1.05);
    });
  }

  it("gives integers, and 0 for lambda 0", () => {
    const rng = new Random(1);
    expect(samplePoisson(rng, 0)).toBe(0);
    for (let i = 0; i < 1000; i++) expect(Number.isInteger(samplePoisson(rng, 57.5))).toBe(true);
  });
});

describe("sampleGamma", () => {
  for (const shape of [0.5, 2, 30]) {
    it(`has mean k and variance k for shape ${shape}`, () => {
      const rng = new Random(shape * 10);
      const { mean, variance } = moments(() => sampleGamma(rng, shape), 40_000);
      expect(mean / shape).toBeCloseTo(1, 1);
      expect(variance / shape).toBeGreaterThan(0.93);
      expect(variance / shape).toBeLessThan(1.07);
    });
  }

  it("makes Poisson(lambda x Gamma(k, 1/k)) over-dispersed: variance lambda + lambda^2 / k", () => {
    const rng = new Random(3);
    const lambda = 200;
    const k = 30;
    const { mean, variance } = moments(() => samplePoisson(rng, (lambda * sampleGamma(rng, k)) / k), 40_000);
    expect(mean / lambda).toBeCloseTo(1, 1);
    const expected = lambda + (lambda * lambda) / k;
    expect(variance / expected).toBeGreaterThan(0.9);
    expect(variance / expected).toBeLessThan(1.1);
  });
});
