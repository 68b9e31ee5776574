import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loess } from "./loess.js";

describe("loess(y, options)", () => {
  test("loess with local lines returns a line exactly, whatever the span and jump", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 80 }),
        fc.integer({ min: 3, max: 101 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (n, span, jump, intercept, slope) => {
          const y = Float64Array.from({ length: n }, (_, t) => intercept + slope * t);
          const smooth = loess(y, { span, jump });
          for (let t = 0; t < n; t++) expect(smooth[t]).toBeCloseTo(y[t], 8);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("loess fits centred neighbourhoods by their kernel-weighted mean, as the general local fit does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.integer({ min: 3, max: 31 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<0 | 1>(0, 1),
        (values, span, jump, degree) => {
          const y = Float64Array.from(values);
          // Robustness weights of 1 change nothing but send every point through the general path.
          const general = loess(y, {
            span,
            jump,
            degree,
            robustnessWeights: new Float64Array(y.length).fill(1),
          });
          const fast = loess(y, { span, jump, degree });
          for (let t = 0; t < y.length; t++) expect(fast[t]).toBeCloseTo(general[t], 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("loess of a constant is the constant, for local means and lines alike", () => {
    const y = new Float64Array(31).fill(2.5);
    for (const degree of [0, 1] as const) {
      expect([...loess(y, { span: 7, degree, jump: 2 })]).toEqual([...y].map(() => expect.closeTo(2.5, 12)));
    }
  });

  test("loess with local means weighs neighbours by the tricube of their distance", () => {
    const smooth = loess(new Float64Array([0, 0, 3, 0, 0]), { span: 5, degree: 0 });
    // At the centre, h = 2: the neighbours at distance 1 weigh (1 - 1/8)^3 and those at distance 2 nothing.
    expect(smooth[2]).toBeCloseTo(3 / (1 + 2 * (7 / 8) ** 3), 14);
  });

  test("loess ignores a point whose robustness weight is zero", () => {
    const y = Float64Array.from({ length: 21 }, (_, t) => 1 + 0.5 * t);
    y[10] = 100;
    const robustnessWeights = new Float64Array(21).fill(1);
    robustnessWeights[10] = 0;
    const smooth = loess(y, { span: 7, robustnessWeights });
    for (let t = 0; t < 21; t++) expect(smooth[t]).toBeCloseTo(1 + 0.5 * t, 10);
  });

  test("loess keeps the observations where every robustness weight vanishes", () => {
    const y = new Float64Array([4, 1, 7]);
    expect([...loess(y, { span: 3, robustnessWeights: new Float64Array(3) })]).toEqual([4, 1, 7]);
  });

  test("loess with a jump fits every jump-th point and the last, and interpolates between", () => {
    const y = Float64Array.from({ length: 23 }, (_, t) => Math.sin(t / 3) + (t % 4));
    const full = loess(y, { span: 9 });
    const jumped = loess(y, { span: 9, jump: 5 });
    for (const t of [0, 5, 10, 15, 20, 22]) expect(jumped[t]).toBeCloseTo(full[t], 12);
    expect(jumped[7]).toBeCloseTo(jumped[5] + ((jumped[10] - jumped[5]) * 2) / 5, 12);
    expect(jumped[21]).toBeCloseTo((jumped[20] + jumped[22]) / 2, 12);
  });

  test("loess of one point or none returns it", () => {
    expect([...loess(new Float64Array([3]), { span: 5 })]).toEqual([3]);
    expect(loess(new Float64Array(0), { span: 5 })).toHaveLength(0);
  });

  test("loess rejects bad options and values, naming them", () => {
    const y = new Float64Array([1, 2, 3]);
    expect(() => loess(y, { span: 2 })).toThrow(/span must be an integer >= 3/);
    expect(() => loess(y, { span: 2.5 })).toThrow(/span/);
    expect(() => loess(y, { span: 3, degree: 2 as 1 })).toThrow(/degree must be 0 or 1/);
    expect(() => loess(y, { span: 3, jump: 0 })).toThrow(/jump must be an integer >= 1/);
    expect(() => loess(new Float64Array([1, Number.NaN]), { span: 3 })).toThrow(/y\[1\] is NaN/);
    expect(() => loess(y, { span: 3, robustnessWeights: new Float64Array(2) })).toThrow(/robustnessWeights/);
    expect(() => loess(y, { span: 3, robustnessWeights: new Float64Array([1, 2, 1]) })).toThrow(
      /robustnessWeights\[1\]/,
    );
    expect(() => loess([1, 2] as unknown as Float64Array, { span: 3 })).toThrow(/y must be a Float64Array/);
  });
});
