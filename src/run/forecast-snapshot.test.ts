import { describe, expect, it } from "vitest";
import { aggregateLeaves } from "../forecast/reconcile/aggregate-leaves.js";
import { buildSamplePaths } from "../forecast/reconcile/sample-paths.js";
import { gridHierarchy } from "../forecast/reconcile/test-hierarchies.js";
import { forecastSnapshot } from "./forecast-snapshot.js";

const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 1);

/** A 2 × 2 grid, leaf l forecast at 10 (l + 1) every hour, errors ±(l + 1) alternating over a 48-row pool. */
function run(horizon: number) {
  const hierarchy = gridHierarchy(["NO", "SE"], ["desktop", "mobile"]);
  const m = hierarchy.leafKeys.length;
  const mean = new Float64Array(m * horizon);
  const errors = new Float64Array(m * 48);
  for (let l = 0; l < m; l++) {
    mean.fill(10 * (l + 1), l * horizon, (l + 1) * horizon);
    for (let r = 0; r < 48; r++) errors[l * 48 + r] = (r % 2 === 0 ? 1 : -1) * (l + 1);
  }
  const paths = buildSamplePaths({
    mean,
    leafCount: m,
    horizon,
    errors,
    poolLength: 48,
    paths: 100,
    seed: 3,
    block: 24,
  });
  const seriesMean = aggregateLeaves(hierarchy, mean, horizon);
  return { hierarchy, paths, seriesMean };
}

describe("forecastSnapshot(input)", () => {
  it("keeps the first day hour by hour and every later whole day, for every series", () => {
    const { hierarchy, paths, seriesMean } = run(24 * 3 + 5);
    const snapshot = forecastSnapshot({
      hierarchy,
      paths,
      seriesMean,
      start: START,
      history: [],
      retentionDays: 2,
    });
    const perSeries = 24 + 2;
    expect(snapshot.mean).toHaveLength(hierarchy.keys.length * perSeries);
    expect([...snapshot.step.subarray(0, perSeries)]).toEqual([
      ...Array.from({ length: 24 }, (_, t) => t),
      24,
      48,
    ]);
    expect([...snapshot.hours.subarray(22, 26)]).toEqual([1, 1, 24, 24]);
    expect(snapshot.hour[25]).toBe(START + 48 * HOUR);
    expect(snapshot.keepFrom).toBe(START - 2 * 24 * HOUR);
    const total = hierarchy.indexOf.get("total") ?? -1;
    const row = total * perSeries;
    expect(snapshot.keys[snapshot.series[row]]).toBe("total");
    expect(snapshot.levels[snapshot.level[row]]).toBe("total");
    // The total's mean is 10 + 20 + 30 + 40 an hour, and 24 times that a day.
    expect(snapshot.mean[row]).toBeCloseTo(100, 9);
    expect(snapshot.mean[row + 24]).toBeCloseTo(2400, 9);
    for (let i = 0; i < snapshot.mean.length; i++) {
      expect(snapshot.lo95[i]).toBeLessThanOrEqual(snapshot.lo80[i]);
      expect(snapshot.lo80[i]).toBeLessThanOrEqual(snapshot.hi80[i]);
      expect(snapshot.hi80[i]).toBeLessThanOrEqual(snapshot.hi95[i]);
    }
    // Every path draws pool rows of the hour's phase, so the four leaves' errors (+-1, +-2, +-3, +-4, one sign
    // per row parity) move the total by 10 one way at hour 0 and the other way at hour 1, and cancel over a day.
    expect(Math.abs(snapshot.lo95[row] - 100)).toBeCloseTo(10, 9);
    expect(snapshot.hi95[row]).toBeCloseTo(snapshot.lo95[row], 9);
    expect(snapshot.lo95[row + 1]).toBeCloseTo(200 - snapshot.lo95[row], 9);
    expect(snapshot.lo95[row + 24]).toBeCloseTo(2400, 9);
    expect(snapshot.hi95[row + 24]).toBeCloseTo(2400, 9);
  });

  it("scales each series by its in-sample seasonal naive MAE, NaN without history", () => {
    const { hierarchy, paths, seriesMean } = run(48);
    const hours = 24 * 14;
    const values = new Float64Array(hours);
    for (let t = 0; t < hours; t++) values[t] = t % 24 === 0 ? 10 + (Math.floor(t / 24) % 2) * 4 : 10;
    const snapshot = forecastSnapshot({
      hierarchy,
      paths,
      seriesMean,
      start: START,
      history: [{ name: "geo", dimensions: ["geo"], keys: ["geo=SE"], values }],
      retentionDays: 42,
    });
    const perSeries = 24 + 1;
    const se = hierarchy.indexOf.get("geo=SE") ?? -1;
    // Hourly: |y_t - y_{t-24}| is 4 at one hour a day, 0 otherwise.
    expect(snapshot.scale[se * perSeries]).toBeCloseTo(4 / 24, 12);
    // Daily sums alternate 244, 240: a week apart they differ by 4.
    expect(snapshot.scale[se * perSeries + 24]).toBeCloseTo(4, 12);
    expect(snapshot.scale[0]).toBeNaN();
  });
});
