import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  applyConformal,
  conformalCalibration,
  conformalHalfWidths,
  fitConformal,
} from "./conformal-calibration.js";
import { crossValidate } from "./cross-validate.js";
import type { ForecastResult } from "./forecaster.js";
import { lastValue } from "./test-models.js";

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

describe("fitConformal(absErrors, origins, horizon, levels, period)", () => {
  test("with one step and distinct origins is plain split conformal", () => {
    // 20 errors 1..20 from 20 consecutive one-step folds: ranks ceil(21 * 0.8) = 17 and ceil(21 * 0.95) = 20.
    const errors = Float64Array.from(range(20, 1));
    const fit = fitConformal(errors, range(20), 1, [80, 95]);
    const [w80, w95] = conformalHalfWidths(fit, 20);
    expect(w80[0]).toBeCloseTo(17, 12);
    expect(w95[0]).toBeCloseTo(20, 12);
  });

  test("pools the steps after scaling each by its mean error, and counts distinct targets", () => {
    // Ten overlapping folds of two steps: step 2 errors are twice step 1's, so the scaled scores of the two
    // steps coincide. The folds reach 11 distinct targets: 80% takes rank ceil(12 * 0.8) = 10 of 11, which
    // covers with probability 10 / 12; that quantile of the 20 scores is the 17th smallest, 9 / 5.5.
    const errors = new Float64Array(20);
    for (let k = 0; k < 10; k++) {
      errors[2 * k] = k + 1;
      errors[2 * k + 1] = 2 * (k + 1);
    }
    const fit = fitConformal(errors, range(10, 100), 2, [80]);
    expect(Array.from(fit.stepScale)).toEqual([5.5, 11]);
    expect(fit.quantiles[0]).toBeCloseTo(9 / 5.5, 12);
    const [w80] = conformalHalfWidths(fit, 110);
    expect(w80[0]).toBeCloseTo(9, 12);
    expect(w80[1]).toBeCloseTo(18, 12);
  });

  test("keeps the step scale non-decreasing", () => {
    // Step 2 errs less than step 1 on average; isotonic regression gives both their common mean.
    const errors = Float64Array.from([4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2, 4, 2]);
    const fit = fitConformal(errors, range(10), 2, [80]);
    expect(Array.from(fit.stepScale)).toEqual([3, 3]);
  });

  test("widens the phases of the season whose errors are larger, shrunk towards equal widths", () => {
    // 60 one-step folds: targets at even times err by 3, odd ones by 1. Each phase has 30 distinct targets,
    // so the factors move halfway (weight 30 / (30 + 30)) from 1 to 1.5 and 0.5: 1.25 and 0.75.
    const errors = Float64Array.from(range(60), (t) => (t % 2 === 0 ? 3 : 1));
    const fit = fitConformal(errors, range(60), 1, [95], 2);
    expect(Array.from(fit.phaseFactor)).toEqual([1.25, 0.75]);
    // Scores are 2.4 / s (even) and 1.333 / s (odd) with s = 1.8667; the 95% rank ceil(61 * 0.95) = 58 of
    // 60 (58 / 61 of the scores) falls among the even ones, which scale back to exactly their error of 3.
    expect(conformalHalfWidths(fit, 60)[0][0]).toBeCloseTo(3, 12);
    expect(conformalHalfWidths(fit, 61)[0][0]).toBeCloseTo(1.8, 12);
  });

  test("gives every level, in any order and repeated, the quantile it gets alone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 30, maxLength: 90 }),
        fc.array(fc.constantFrom(50, 80, 90, 95, 99), { minLength: 1, maxLength: 6 }),
        (values, levels) => {
          const horizon = 3;
          const count = Math.floor(values.length / horizon);
          const errors = Float64Array.from(values.slice(0, count * horizon));
          const origins = range(count, 10);
          const together = fitConformal(errors, origins, horizon, levels, 4);
          levels.forEach((level, l) => {
            expect(together.quantiles[l]).toBe(
              fitConformal(errors, origins, horizon, [level], 4).quantiles[0],
            );
          });
        },
      ),
    );
  });

  test("measures errors relative to the scale of their origin and scales the widths back", () => {
    // Errors proportional to the origin's scale: relative errors 1..20 as in plain split conformal.
    const scales = Float64Array.from(range(20), (k) => 1 + k / 10);
    const errors = Float64Array.from(range(20), (k) => (k + 1) * scales[k]);
    const fit = fitConformal(errors, range(20), 1, [80, 95], 1, scales);
    const [w80, w95] = conformalHalfWidths(fit, 20, 5);
    expect(w80[0]).toBeCloseTo(17 * 5, 10);
    expect(w95[0]).toBeCloseTo(20 * 5, 10);
    expect(() => fitConformal(errors, range(20), 1, [80], 1, new Float64Array(3))).toThrow(
      "originScales: 3 scales for 20 origins",
    );
  });

  test("is infinite at a level that needs more distinct targets than there are", () => {
    const fit = fitConformal(Float64Array.from(range(10, 1)), range(10), 1, [80, 95]);
    expect(Number.isFinite(fit.quantiles[0])).toBe(true);
    expect(fit.quantiles[1]).toBe(Number.POSITIVE_INFINITY);
  });

  test("gives zero widths when every error is zero", () => {
    const fit = fitConformal(new Float64Array(40), range(20), 2, [80, 95], 7);
    expect(conformalHalfWidths(fit, 20).map((w) => Array.from(w))).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  test("rejects errors that do not match the origins", () => {
    expect(() => fitConformal(new Float64Array(5), range(2), 2, [80])).toThrow(
      "absErrors: length 5 is not 2 origins x horizon 2",
    );
    expect(() => fitConformal(new Float64Array(4), range(2), 2, [80], 0)).toThrow("period: 0");
  });
});

describe("conformalCalibration(cv, levels) and applyConformal(result, fit, origin)", () => {
  test("calibrate a forecast on its cross-validation errors", () => {
    // A line: the last value model errs by exactly the step at every origin, so every scaled score is 1
    // and the widths are the step itself.
    const y = Float64Array.from(range(40, 1));
    const cv = crossValidate(y, lastValue, { horizon: 3, windows: 25, step: 1, seasons: [], levels: [] });
    const fit = conformalCalibration(cv, [80, 95]);
    const calibrated = applyConformal(
      lastValue.forecast(y, { horizon: 3, levels: [80, 95], seasons: [] }),
      fit,
      40,
    );
    expect(Array.from(calibrated.mean)).toEqual([40, 40, 40]);
    expect(Array.from(calibrated.lower[0])).toEqual([39, 38, 37]);
    expect(Array.from(calibrated.upper[1])).toEqual([41, 42, 43]);
  });

  test("keep the model's own bounds at a level the errors cannot calibrate", () => {
    const fit = fitConformal(Float64Array.from(range(10, 1)), range(10), 1, [80, 95]);
    const model: ForecastResult = {
      mean: Float64Array.of(0),
      lower: [Float64Array.of(-1), Float64Array.of(-2)],
      upper: [Float64Array.of(1), Float64Array.of(2)],
      fitted: new Float64Array(0),
      description: "M",
    };
    const calibrated = applyConformal(model, fit, 10);
    expect(calibrated.lower[0][0]).toBeCloseTo(-fit.quantiles[0] * fit.stepScale[0], 12);
    expect(calibrated.lower[1][0]).toBe(-2);
    expect(() => applyConformal({ ...model, mean: Float64Array.of(0, 0) }, fit, 10)).toThrow(
      "fit: horizon 1 does not match the forecast's 2",
    );
  });
});
