import { describe, expect, test } from "vitest";
import { tsb } from "./tsb.js";
import { tsbSquaredErrors } from "./tsb-rates.js";

const request = { horizon: 2, levels: [], seasons: [] };

function weightsOf(description: string): [number, number] {
  const match = /size=([\d.e-]+), probability=([\d.e-]+)/.exec(description);
  return [Number(match?.[1]), Number(match?.[2])];
}

describe("tsb(alphaSize, alphaProbability)", () => {
  test("tsb(0.5, 0.2) smooths the probability every period and the size at demands", () => {
    // First demand 4 at t = 1: size 4, probability 1 / 2. t = 2 (zero): probability 0.5 - 0.2 * 0.5 = 0.4.
    // t = 3 (demand 2): probability 0.4 + 0.2 * 0.6 = 0.52, size 4 + 0.5 * (2 - 4) = 3.
    const result = tsb(0.5, 0.2).forecast(new Float64Array([0, 4, 0, 2]), request);
    expect(result.mean[0]).toBeCloseTo(0.52 * 3, 12);
    expect(result.mean[1]).toBeCloseTo(0.52 * 3, 12);
    expect([...result.fitted]).toEqual([Number.NaN, 0, 2, 0.4 * 4]);
    expect(result.description).toBe("TSB(size=0.5, probability=0.2)");
  });

  test("tsb(a, b) decays through a run of zeros, where Croston's forecast stays put", () => {
    const y = new Float64Array([3, 0, 3, 0, 3, 0, 0, 0, 0, 0]);
    const result = tsb(0.1, 0.2).forecast(y, request);
    for (let t = 6; t < y.length; t++) expect(result.fitted[t]).toBeLessThan(result.fitted[t - 1]);
    expect(result.mean[0]).toBeCloseTo(0.8 * result.fitted[9], 12);
  });

  test("tsb() chooses weights in [0.01, 0.3] no point of a grid beats", () => {
    const y = new Float64Array(150);
    for (let t = 0; t < 150; t++) y[t] = (t * 37) % 11 < (t < 75 ? 4 : 2) ? 1 + ((t * 13) % 4) : 0;
    const [size, probability] = weightsOf(tsb().forecast(y, request).description);
    const best = tsbSquaredErrors(y, y.length, size, probability);
    for (let i = 0; i <= 30; i++) {
      for (let j = 0; j <= 30; j++) {
        const other = tsbSquaredErrors(y, y.length, 0.01 + (0.29 * i) / 30, 0.01 + (0.29 * j) / 30);
        expect(best).toBeLessThanOrEqual(other * (1 + 1e-3));
      }
    }
  });

  test("tsb(a) keeps the given size weight and chooses the probability weight", () => {
    const y = new Float64Array([0, 2, 0, 0, 5, 0, 1, 0, 0, 0, 3, 0, 0, 2, 0]);
    const [size, probability] = weightsOf(tsb(0.7).forecast(y, request).description);
    expect(size).toBe(0.7);
    expect(probability).toBeGreaterThanOrEqual(0.01);
    expect(probability).toBeLessThanOrEqual(0.3);
  });

  test("tsb(a, b) rejects weights outside (0, 1], naming the parameter", () => {
    expect(() => tsb(0, 0.2)).toThrow(/alphaSize must lie in \(0, 1\]/);
    expect(() => tsb(0.2, 1.5)).toThrow(/alphaProbability must lie in \(0, 1\]/);
    expect(() => tsb(undefined, Number.NaN)).toThrow(/alphaProbability/);
  });
});
