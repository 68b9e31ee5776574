import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { pairedDifference } from "./paired-difference.js";

const loss = fc.double({ min: 0, max: 10, noNaN: true });
const cases = fc.array(fc.tuple(loss, loss), { minLength: 2, maxLength: 40 });

describe("pairedDifference(a, b)", () => {
  test("gives the mean difference, its t statistic and who was better how often", () => {
    // Differences -0.1, -0.1, 0: mean -1/15, sample sd 0.0577, standard error 0.0333, t = -2.
    const result = pairedDifference([0.5, 0.7, 0.6], [0.6, 0.8, 0.6]);
    expect(result.count).toBe(3);
    expect(result.meanDifference).toBeCloseTo(-0.2 / 3, 12);
    expect(result.t).toBeCloseTo(-2, 10);
    expect(result.aBetter).toBe(2);
    expect(result.bBetter).toBe(0);
  });

  test("skips a case with NaN or Infinity on either side", () => {
    const result = pairedDifference([1, Number.NaN, 3, 4], [2, 2, Number.POSITIVE_INFINITY, 3]);
    expect(result.count).toBe(2);
    expect(result.meanDifference).toBe(0);
    expect(result.aBetter).toBe(1);
    expect(result.bBetter).toBe(1);
  });

  test("t is ±Infinity when every difference is the same nonzero value, 0 when all are 0", () => {
    expect(pairedDifference([2, 3, 4], [1, 2, 3]).t).toBe(Number.POSITIVE_INFINITY);
    expect(pairedDifference([1, 2, 3], [2, 3, 4]).t).toBe(Number.NEGATIVE_INFINITY);
    expect(pairedDifference([1, 2], [1, 2]).t).toBe(0);
  });

  test("t is NaN with fewer than two cases; the mean is NaN with none", () => {
    expect(pairedDifference([1], [2]).t).toBeNaN();
    expect(pairedDifference([1], [2]).meanDifference).toBe(-1);
    expect(pairedDifference([], []).meanDifference).toBeNaN();
    expect(pairedDifference([Number.NaN], [1]).count).toBe(0);
  });

  test("throws naming a and b when their lengths differ", () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow("pairedDifference: a has 2 values but b has 1");
  });

  test("is antisymmetric: swapping the models negates the mean and t and swaps the counts", () => {
    fc.assert(
      fc.property(cases, (pairs) => {
        const a = pairs.map(([x]) => x);
        const b = pairs.map(([, y]) => y);
        const ab = pairedDifference(a, b);
        const ba = pairedDifference(b, a);
        expect(ba.meanDifference).toBeCloseTo(-ab.meanDifference, 12);
        if (Number.isFinite(ab.t)) expect(ba.t).toBeCloseTo(-ab.t, 9);
        else expect(ba.t).toBe(-ab.t);
        expect(ba.aBetter).toBe(ab.bBetter);
        expect(ba.bBetter).toBe(ab.aBetter);
      }),
    );
  });

  test("does not move when the same amount is added to both losses of a case", () => {
    fc.assert(
      fc.property(cases, fc.double({ min: -5, max: 5, noNaN: true }), (pairs, shift) => {
        const a = pairs.map(([x]) => x);
        const b = pairs.map(([, y]) => y);
        const base = pairedDifference(a, b);
        const moved = pairedDifference(
          a.map((x) => x + shift),
          b.map((y) => y + shift),
        );
        expect(moved.meanDifference).toBeCloseTo(base.meanDifference, 9);
        expect(moved.count).toBe(base.count);
      }),
    );
  });
});
