import {
  coverageCount,
  coverageStandardError,
  mae,
  mase,
  msis,
  type PairedDifference,
  pairedDifference,
  rmse,
  smape,
  wape,
} from "../metrics/index.js";
import type { SeriesBacktest } from "./backtest-task.js";

/** One model's accuracy over every series and fold of a backtest. */
export interface ModelAccuracy {
  readonly model: string;
  /** Mean over series and folds of the fold's MASE (scaled by its training data's seasonal naive MAE). */
  readonly mase: number;
  /** Pooled: sum |error| / sum |actual| over every series, fold and step. */
  readonly wape: number;
  /** Pooled over every point. */
  readonly mae: number;
  readonly rmse: number;
  readonly smape: number;
  /** Share of actuals inside each level's interval, by level ("80", "95"). */
  readonly coverage: Readonly<Record<string, number>>;
  /**
   * The standard error of each level's coverage with the folds as clusters (`coverageStandardError`): how far a
   * calibrated interval's coverage strays by chance over these folds. NaN with fewer than two folds.
   */
  readonly coverageStandardError: Readonly<Record<string, number>>;
  /** Mean over series and folds of the scaled interval score (M4's MSIS), by level. */
  readonly msis: Readonly<Record<string, number>>;
  /** How often each model description forecast a fold, e.g. { "auto: theta": 12 }. */
  readonly chosen: Readonly<Record<string, number>>;
  /**
   * This model against the model with the lowest MASE, fold by fold (`pairedDifference` of the folds' MASE,
   * this model first): whether a gap in MASE is more than chance. Null for that model itself, and when no
   * model has a MASE.
   */
  readonly againstBest: (PairedDifference & { readonly model: string }) | null;
}

function meanOf(values: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (Number.isFinite(value)) {
      sum += value;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** Σ inside / Σ points: the coverage pooled over every fold's points (NaN with none). */
function pooledShare(inside: readonly number[], points: readonly number[]): number {
  let insideTotal = 0;
  let pointTotal = 0;
  for (let i = 0; i < points.length; i++) {
    insideTotal += inside[i];
    pointTotal += points[i];
  }
  return pointTotal === 0 ? Number.NaN : insideTotal / pointTotal;
}

function concat(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((sum, a) => sum + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    out.set(a, offset);
    offset += a.length;
  }
  return out;
}

/**
 * Accuracy per model of a backtest's series: MASE and MSIS per fold scaled by that fold's training data
 * (seasonal naive MAE at `seasonPeriod`, Hyndman & Koehler 2006; M4's MSIS), averaged over series and folds
 * where defined; WAPE, MAE, RMSE, sMAPE and coverage pooled over every point; and each model against the one
 * with the lowest MASE, fold by fold (`againstBest`). NaN actuals are skipped.
 *
 * @param seasonPeriod the MASE scale's lag: the smallest season, or 1 without seasons
 * @example summarizeBacktest(backtests, [80, 95], 7)[0].mase
 */
export function summarizeBacktest(
  backtests: readonly SeriesBacktest[],
  levels: readonly number[],
  seasonPeriod: number,
): ModelAccuracy[] {
  if (backtests.length === 0) return [];
  const names = backtests[0].models.map((m) => m.model);
  // Every model's folds' MASE in the same order (series, then fold), for the paired comparison.
  const foldMase: number[][] = [];
  const rows = names.map((name, index): Omit<ModelAccuracy, "againstBest"> => {
    const scaledErrors: number[] = [];
    const scaledScores = levels.map((): number[] => []);
    const chosen: Record<string, number> = {};
    const actuals: Float64Array[] = [];
    const means: Float64Array[] = [];
    // Per level and fold: the points with an actual and both bounds, and those inside (`coverageCount`); the
    // pooled coverage and its standard error over the folds both come from them.
    const foldPoints = levels.map((): number[] => []);
    const foldInside = levels.map((): number[] => []);
    for (const series of backtests) {
      const run = series.models[index];
      const horizon = run.actual.length / run.origins.length;
      run.origins.forEach((origin, fold) => {
        const from = fold * horizon;
        const to = from + horizon;
        const train = series.values.subarray(0, origin);
        const actual = run.actual.subarray(from, to);
        scaledErrors.push(mase(actual, run.mean.subarray(from, to), train, seasonPeriod));
        levels.forEach((level, l) => {
          const lower = run.lower[l].subarray(from, to);
          const upper = run.upper[l].subarray(from, to);
          scaledScores[l].push(msis(actual, lower, upper, level, train, seasonPeriod));
          const { inside, points } = coverageCount("coverage", actual, lower, upper);
          foldInside[l].push(inside);
          foldPoints[l].push(points);
        });
        chosen[run.descriptions[fold]] = (chosen[run.descriptions[fold]] ?? 0) + 1;
      });
      actuals.push(run.actual);
      means.push(run.mean);
    }
    const actual = concat(actuals);
    const mean = concat(means);
    foldMase.push(scaledErrors);
    return {
      model: name,
      mase: meanOf(scaledErrors),
      wape: wape(actual, mean),
      mae: mae(actual, mean),
      rmse: rmse(actual, mean),
      smape: smape(actual, mean),
      coverage: Object.fromEntries(
        levels.map((level, l) => [String(level), pooledShare(foldInside[l], foldPoints[l])]),
      ),
      coverageStandardError: Object.fromEntries(
        levels.map((level, l) => [String(level), coverageStandardError(foldInside[l], foldPoints[l])]),
      ),
      msis: Object.fromEntries(levels.map((level, l) => [String(level), meanOf(scaledScores[l])])),
      chosen,
    };
  });
  let best = -1;
  rows.forEach((row, i) => {
    if (Number.isFinite(row.mase) && (best < 0 || row.mase < rows[best].mase)) best = i;
  });
  return rows.map((row, i) => ({
    ...row,
    againstBest:
      best < 0 || i === best
        ? null
        : { model: rows[best].model, ...pairedDifference(foldMase[i], foldMase[best]) },
  }));
}
