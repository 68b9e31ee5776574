import { describe, expect, test } from "vitest";
import { passesSeasonalityTest } from "./seasonality-test.js";

const weekly = Float64Array.from(
  { length: 70 },
  (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 7) + (t % 3),
);

describe("passesSeasonalityTest(y, count, period)", () => {
  test("finds a clear weekly pattern at lag 7", () => {
    expect(passesSeasonalityTest(weekly, 70, 7)).toBe(true);
  });

  test("rejects white-ish noise and a constant series", () => {
    const hash = (t: number) => Math.sin(t * 12.9898) * 43758.5453;
    const noise = Float64Array.from({ length: 60 }, (_, t) => hash(t) - Math.floor(hash(t)));
    expect(passesSeasonalityTest(noise, 60, 12)).toBe(false);
    expect(passesSeasonalityTest(new Float64Array(30).fill(4), 30, 7)).toBe(false);
  });

  test("compares |r_m| with 1.645 Bartlett standard errors, by hand", () => {
    // y = [1, 5, 1, 5, 1, 5, 1, 5]: mean 3, deviations -2, 2, ...; r_1 = -7/8, r_2 = 6/8.
    // Standard error sqrt((1 + 2 * 49/64) / 8) = 0.5625; 0.75 / 0.5625 = 1.333 < 1.645: not significant.
    expect(passesSeasonalityTest(new Float64Array([1, 5, 1, 5, 1, 5, 1, 5]), 8, 2)).toBe(false);
    // Twelve alternating points: r_1 = -11/12, r_2 = 10/12; standard error sqrt((1 + 2 (11/12)^2) / 12)
    // = 0.4726, and 0.8333 / 0.4726 = 1.763 > 1.645.
    expect(
      passesSeasonalityTest(
        Float64Array.from({ length: 12 }, (_, t) => (t % 2 ? 5 : 1)),
        12,
        2,
      ),
    ).toBe(true);
  });

  test("decides as the lag-by-lag autocorrelations do, for periods that are and are not multiples of four", () => {
    // The reference: each autocorrelation summed on its own, as the formula reads.
    const reference = (y: Float64Array, count: number, period: number): number => {
      let mean = 0;
      for (let t = 0; t < count; t++) mean += y[t];
      mean /= count;
      let variance = 0;
      for (let t = 0; t < count; t++) variance += (y[t] - mean) ** 2;
      let sumSquares = 0;
      for (let lag = 1; lag < period; lag++) {
        let c = 0;
        for (let t = lag; t < count; t++) c += (y[t] - mean) * (y[t - lag] - mean);
        sumSquares += (c / variance) ** 2;
      }
      let c = 0;
      for (let t = period; t < count; t++) c += (y[t] - mean) * (y[t - period] - mean);
      return Math.abs(c / variance) / Math.sqrt((1 + 2 * sumSquares) / count);
    };
    let decided = 0;
    for (const period of [2, 3, 4, 5, 7, 12, 24, 25, 168]) {
      for (const amplitude of [0, 0.2, 0.5, 2]) {
        const count = 3 * period + 11;
        const y = Float64Array.from(
          { length: count },
          (_, t) => amplitude * Math.sin((2 * Math.PI * t) / period) + Math.sin(t * 12.9898) * 0.7,
        );
        const statistic = reference(y, count, period);
        // Skip the knife-edge cases where rounding could decide.
        if (Math.abs(statistic - 1.6448536) < 1e-9) continue;
        expect(passesSeasonalityTest(y, count, period), `period ${period}, amplitude ${amplitude}`).toBe(
          statistic > 1.6448536269514722,
        );
        decided++;
      }
    }
    expect(decided).toBeGreaterThan(30);
  });

  test("looks only at the first count observations", () => {
    const y = new Float64Array(140);
    y.set(weekly);
    expect(passesSeasonalityTest(y, 70, 7)).toBe(true);
  });
});
