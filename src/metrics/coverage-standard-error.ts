import { assertSameLength } from "./assert-same-length.js";

/**
 * The standard error of a coverage pooled over test windows, with the windows as clusters: for windows with
 * `points[w]` test points of which `inside[w]` fell inside their intervals, and the pooled coverage
 * p = sum(inside) / sum(points), sqrt(C / (C - 1) * sum over windows of (inside - p * points)^2) / sum(points)
 * (the cluster-robust variance of a ratio estimator; Cameron & Miller 2015, "A practitioner's guide to
 * cluster-robust inference", section II). The points of one window share its conditions (a hot week, a
 * holiday, a break) and miss together, so the binomial sqrt(p (1 - p) / n), which counts each point alone,
 * understates how far a calibrated interval's coverage strays by chance over a few windows.
 *
 * A window with a NaN count or no points is skipped; fewer than two windows left give NaN. Throws when the
 * lengths differ or a window has more points inside than it has.
 *
 * @param inside per window, its points inside their intervals
 * @param points per window, its test points
 * @example
 * coverageStandardError([10, 0], [10, 10]); // p = 0.5; sqrt(2 * (25 + 25)) / 20 = 0.5
 */
export function coverageStandardError(inside: ArrayLike<number>, points: ArrayLike<number>): number {
  assertSameLength("coverageStandardError", "inside", inside, "points", points);
  let windows = 0;
  let totalInside = 0;
  let totalPoints = 0;
  for (let w = 0; w < inside.length; w++) {
    if (!(points[w] > 0) || Number.isNaN(inside[w])) continue;
    if (inside[w] < 0 || inside[w] > points[w]) {
      throw new Error(
        `coverageStandardError: inside[${w}] = ${inside[w]} is not between 0 and points[${w}] = ${points[w]}`,
      );
    }
    windows++;
    totalInside += inside[w];
    totalPoints += points[w];
  }
  if (windows < 2) return Number.NaN;
  const p = totalInside / totalPoints;
  let squares = 0;
  for (let w = 0; w < inside.length; w++) {
    if (!(points[w] > 0) || Number.isNaN(inside[w])) continue;
    squares += (inside[w] - p * points[w]) ** 2;
  }
  return Math.sqrt((windows / (windows - 1)) * squares) / totalPoints;
}
