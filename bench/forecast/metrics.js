// Pooling and summary helpers of the forecast benchmark; per-series metrics come from src/metrics.
import { mase as maseOf } from "../../dist/metrics/index.js";

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
 * points inside each interval for coverage.
 *
 * @example
 * const pool = new PooledErrors([80, 95]);
 * pool.add(actual, forecast);
 * pool.wape(); pool.coverage(0);
 */
export class PooledErrors {
  constructor(levels) {
    this.levels = levels;
    this.absoluteError = 0;
    this.absoluteActual = 0;
    this.points = 0;
    this.inside = levels.map(() => 0);
  }

  /** Adds one series' test window: `forecast` has `mean` and `lower[l]`, `upper[l]` per level. */
  add(actual, forecast) {
    for (let h = 0; h < actual.length; h++) {
      this.absoluteError += Math.abs(actual[h] - forecast.mean[h]);
      this.absoluteActual += Math.abs(actual[h]);
      for (let l = 0; l < this.levels.length; l++) {
        if (actual[h] >= forecast.lower[l][h] && actual[h] <= forecast.upper[l][h]) this.inside[l]++;
      }
    }
    this.points += actual.length;
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
