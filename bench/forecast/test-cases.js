// The test cases of the forecast benchmark: every series of a data set at several forecast origins.
import { addSteps } from "../../dist/series/time-grid.js";

/**
 * The test cases of a data set: every series at each of `windows` forecast origins, h apart, the last one
 * leaving the final h points as the test window (the usual holdout of the shared data's README), the earlier
 * ones testing on the h points before (statsforecast's cross_validation with step_size = h, Hyndman &
 * Athanasopoulos, FPP3 5.10). One holdout of a few series is a small sample: 14 test points for GitHub, 16
 * for quarterly. A window is left out where it would leave fewer than three periods of the longest season to
 * train on (the two 72-month series get 3 windows). Each case: `{ key, series, window, train, actual, from }`,
 * `from` the time of its first test point (epoch ms), which the cases of series that end together share.
 *
 * @example
 * for (const c of testCases(set, 5)) model.forecast(c.train, set.seasons, set.horizon, [80, 95]);
 */
export function testCases(set, windows) {
  const cases = [];
  const minTrain = 3 * set.seasons.at(-1);
  for (const s of set.series) {
    for (let w = 0; w < windows; w++) {
      const end = s.values.length - w * set.horizon;
      if (end - set.horizon < minTrain) break;
      cases.push({
        key: `${s.id}@${w}`,
        series: s,
        window: w,
        train: s.values.subarray(0, end - set.horizon),
        actual: s.values.subarray(end - set.horizon, end),
        from: addSteps(s.grid, s.start, end - set.horizon),
      });
    }
  }
  return cases;
}
