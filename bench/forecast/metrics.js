// Pooling and summary helpers of the forecast benchmark; per-series metrics come from src/metrics.
import { coverageStandardError, mase as maseOf } from "../../dist/metrics/index.js";

/**
 * MASE of one series' test window, scaled by its training data's in-sample seasonal naive MAE (src/metrics).
 *
 * @example
 * mase([1, 2, 3, 4], [5, 6], [5, 7], 1); // 0.5
 */
export function mase(train, actual, mean, season) {
  return maseOf(actual, mean, train, season);
}

/**
 * Totals that pool over every series and step of a data set: absolute errors and actuals for WAPE, and
 * points inside each interval for coverage, kept per test window too for the coverage's standard error.
 *
 * @example
 * const pool = new PooledErrors([80, 95]);
 * pool.add(actual, forecast, c.from);
 * pool.wape(); pool.coverage(0); pool.coverageStandardError(0); pool.coverageStandardError(0, true);
 */
export class PooledErrors {
  constructor(levels) {
    this.levels = levels;
    this.absoluteError = 0;
    this.absoluteActual = 0;
    this.points = 0;
    this.inside = levels.map(() => 0);
    /** Per test window added: its points, its points inside each level's interval, and when it starts. */
    this.windows = [];
  }

  /**
   * Adds one series' test window: `forecast` has `mean` and `lower[l]`, `upper[l]` per level; `from`, the time
   * of its first test point, groups the windows of series that forecast the same dates (undefined: its own).
   */
  add(actual, forecast, from) {
    const inside = this.levels.map(() => 0);
    for (let h = 0; h < actual.length; h++) {
      this.absoluteError += Math.abs(actual[h] - forecast.mean[h]);
      this.absoluteActual += Math.abs(actual[h]);
      for (let l = 0; l < this.levels.length; l++) {
        if (actual[h] >= forecast.lower[l][h] && actual[h] <= forecast.upper[l][h]) inside[l]++;
      }
    }
    for (let l = 0; l < this.levels.length; l++) this.inside[l] += inside[l];
    this.points += actual.length;
    this.windows.push({ points: actual.length, inside, from: from ?? Symbol() });
  }

  /**
   * The standard error of `coverage(l)` with the test windows as clusters (`coverageStandardError`): the points
   * of one window miss together, so the binomial error understates the chance spread. With `byDates`, the
   * windows of every series that forecast the same dates form one cluster: series of one city, market or
   * simulation share its holidays, weather and breaks, and miss together too. NaN for under 2 clusters.
   */
  coverageStandardError(l, byDates = false) {
    const clusters = new Map();
    for (const w of this.windows) {
      const key = byDates ? w.from : w;
      const cluster = clusters.get(key) ?? { inside: 0, points: 0 };
      cluster.inside += w.inside[l];
      cluster.points += w.points;
      clusters.set(key, cluster);
    }
    return coverageStandardError(
      [...clusters.values()].map((c) => c.inside),
      [...clusters.values()].map((c) => c.points),
    );
  }

  /** Weighted absolute percentage error: sum |y - f| / sum |y|. */
  wape() {
    return this.absoluteError / this.absoluteActual;
  }

  /** Share of the test points inside the interval of level index `l`. */
  coverage(l) {
    return this.inside[l] / this.points;
  }
}

/**
 * The median of numbers (NaN for none).
 *
 * @example
 * median([3, 1, 2, 10]); // 2.5
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
