import { describe, expect, test } from "vitest";
import type { ModelAccuracy } from "../run/backtest-summary.js";
import { formatAccuracyTable } from "./format-accuracy.js";

/** A model's accuracy with the given MASE and comparison; the other figures do not matter here. */
function accuracy(model: string, mase: number, againstBest: ModelAccuracy["againstBest"]): ModelAccuracy {
  return {
    model,
    mase,
    wape: 0.1,
    mae: 1,
    rmse: 1,
    smape: 0.1,
    coverage: { "80": 0.8 },
    coverageStandardError: { "80": 0.025 },
    msis: { "80": 2 },
    chosen: { [model]: 3 },
    againstBest,
  };
}

const table = (models: ModelAccuracy[]) =>
  formatAccuracyTable({ series: 1, horizon: 2, windows: 3, seasons: [], models }, [80]);

/** The table of `best` (MASE 0.5) and `model` compared with it fold by fold as given. */
function versus(
  model: string,
  best: string,
  [count, meanDifference, t, aBetter, bBetter]: [number, number, number, number, number],
): string {
  const against = { model: best, count, meanDifference, t, aBetter, bBetter };
  return table([accuracy(best, 0.5, null), accuracy(model, 0.5 + meanDifference, against)]);
}

describe("formatAccuracyTable(summary, levels)", () => {
  test("writes each coverage with its standard error over the folds, and alone where there is none", () => {
    const text = table([accuracy("ets", 0.5, null)]);
    expect(text).toMatch(/\nets\s+0\.500\s+0\.1000\s+0\.1000\s+1\.00\s+0\.800±0\.025\s+2\.00\n/);
    const oneFold = { ...accuracy("ets", 0.5, null), coverageStandardError: { "80": Number.NaN } };
    expect(table([oneFold])).toMatch(/\nets\s+0\.500\s+0\.1000\s+0\.1000\s+1\.00\s+0\.800\s+2\.00\n/);
  });

  test("says each model's gap to the lowest MASE and whether it is more than chance", () => {
    const text = versus("theta", "ets", [3, 0.1, 1.2, 1, 2]);
    expect(text).toContain(
      "theta against ets (lowest MASE), fold by fold: MASE +0.100 per fold, t = 1.20 over 3 folds (within chance), better on 1\n",
    );
    expect(text).not.toContain("ets against");
  });

  test("an infinite t (the same nonzero difference on every fold) is written as ∞, beyond chance", () => {
    const text = versus("snaive", "ets", [3, 1, Number.POSITIVE_INFINITY, 0, 3]);
    expect(text).toContain("MASE +1.000 per fold, t = ∞ over 3 folds (beyond chance at 5%), better on 0\n");
  });

  test("two models that tie on every fold are said to have the same MASE, with no t", () => {
    const text = versus("ets", "auto", [3, 0, 0, 0, 0]);
    expect(text).toContain("ets against auto (lowest MASE), fold by fold: the same MASE on all 3 folds\n");
  });

  test("too few folds to judge are said so", () => {
    const text = versus("theta", "ets", [1, 0.1, Number.NaN, 0, 1]);
    expect(text).toContain("t = - over 1 fold (too few folds to judge), better on 0\n");
  });
});
